"""The unit tree on a date: before and after the reform of 1/7/2025."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.org.selectors import unit_lineage, unit_tree_on


def _codes(nodes):
    out = []
    for node in nodes:
        out.append(node.unit.code)
        out += _codes(node.children)
    return out


@pytest.mark.django_db
def test_tree_before_the_reform_has_districts_and_old_provinces(org, users):
    codes = _codes(unit_tree_on(user=users["sector"], day=dt.date(2025, 6, 30)))
    assert {"T-VP", "T-HB", "H-HN-BADINH", "H-HB-LACSON"} <= set(codes)
    assert not {"T-PT2025", "KV-HN-01", "KV-PT-01"} & set(codes)


@pytest.mark.django_db
def test_tree_after_the_reform_has_areas_and_merged_provinces(org, users):
    codes = _codes(unit_tree_on(user=users["sector"], day=dt.date(2025, 7, 1)))
    assert {"T-PT2025", "KV-HN-01", "KV-PT-01", "T-HN"} <= set(codes)
    assert not {"T-VP", "T-HB", "H-HN-BADINH"} & set(codes)


@pytest.mark.django_db
def test_tree_in_2015_and_nesting(org, users):
    roots = unit_tree_on(user=users["sector"], day=dt.date(2015, 1, 1))
    assert [r.unit.code for r in roots] == ["VKSNDTC"]
    hanoi = next(n for n in roots[0].children if n.unit.code == "T-HN")
    assert {c.unit.code for c in hanoi.children} == {"T-HN-P01", "H-HN-BADINH"}


@pytest.mark.django_db
def test_tree_search_ignores_diacritics_and_keeps_ancestors(org, users):
    roots = unit_tree_on(user=users["sector"], day=dt.date(2025, 1, 1), query="lac son")
    assert _codes(roots) == ["VKSNDTC", "T-HB", "H-HB-LACSON"]


@pytest.mark.django_db
def test_tree_is_scoped(org, users):
    roots = unit_tree_on(user=users["hanoi_officer"], day=dt.date(2026, 1, 1))
    assert [r.unit.code for r in roots] == ["T-HN"]


@pytest.mark.django_db
def test_successor_lineage_includes_predecessors(org):
    assert {u.code for u in unit_lineage(org.phu_tho)} == {"T-PT2025", "T-VP", "T-HB"}
    assert {u.code for u in unit_lineage(org.area_hanoi_1)} == {"KV-HN-01", "H-HN-BADINH"}


@pytest.mark.django_db
def test_tree_page_accepts_a_date_and_rejects_one_before_records(client, org, users):
    client.force_login(users["sector"])
    page = client.get(reverse("org:tree"), {"day": "2025-06-30"}).content.decode()
    assert "VKSND tỉnh Hòa Bình" in page and "VKSND khu vực 1 – Phú Thọ" not in page
    page = client.get(reverse("org:tree"), {"day": "2010-01-01"}).content.decode()
    assert "01/01/2015" in page
    assert client.get(reverse("org:tree"), {"day": "khong-phai-ngay"}).status_code == 200
