"""Cluster pages: scope (404 outside), fixed query counts, forms, next year's clusters."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.emulation.models import Cluster, ClusterKind, MemberRole
from tdkt.emulation.services.clusters import ClusterInput, cluster_create
from tdkt.org.models import UnitType, UnitYearlyRating
from tdkt.org.services import unit_create

pytestmark = pytest.mark.django_db


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_pages_need_login_and_answer_404_out_of_scope(client, org, users, clusters):
    block = clusters["hanoi_block"]
    detail = reverse("emulation:cluster-detail", kwargs={"pk": block.pk})
    edit = reverse("emulation:cluster-edit", kwargs={"pk": block.pk})
    covenant = reverse("emulation:covenant", kwargs={"pk": block.pk})
    assert client.get(detail).status_code == 302
    client.force_login(users["no_role"])
    assert client.get(reverse("emulation:cluster-list")).status_code == 404
    assert client.get(detail).status_code == 404
    client.force_login(users["phu_tho_officer"])
    for url in (detail, edit, covenant):
        assert client.get(url).status_code == 404
    client.force_login(users["hanoi_officer"])
    for url in (detail, edit, covenant):
        assert client.get(url).status_code == 200
    # a member's officer sees the sector cluster but may not edit it
    sector = clusters["sector"]
    assert (
        client.get(reverse("emulation:cluster-detail", kwargs={"pk": sector.pk})).status_code == 200
    )
    assert (
        client.get(reverse("emulation:cluster-edit", kwargs={"pk": sector.pk})).status_code == 404
    )
    client.force_login(users["hanoi_leader"])
    assert client.get(edit).status_code == 404
    assert client.get(reverse("emulation:cluster-create")).status_code == 404
    assert (
        client.get(
            reverse("emulation:cluster-copy", kwargs={"organiser_pk": org.hanoi.pk, "year": 2026})
        ).status_code
        == 404
    )


def test_list_shows_only_clusters_in_scope(client, users, clusters):
    client.force_login(users["phu_tho_officer"])
    page = client.get(reverse("emulation:cluster-list"), {"year": 2026}).content.decode()
    assert "Cụm 1" in page and "Khối các phòng" not in page
    assert "minh họa" in page
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("emulation:cluster-list"), {"year": 2026, "kind": "KHOI"})
    text = page.content.decode()
    assert "Khối các phòng" in text and "Cụm 1" not in text
    found = client.get(reverse("emulation:cluster-list"), {"year": 2026, "q": "phong 1"})
    assert "Khối các phòng" in found.content.decode()


def test_list_survives_junk_parameters(client, users, clusters):
    client.force_login(users["sector"])
    for params in ({"year": "abc"}, {"organiser": "999999"}, {"kind": "X"}, {"page": "zz"}):
        assert client.get(reverse("emulation:cluster-list"), params).status_code in (200, 404)


def test_list_and_detail_query_counts_do_not_grow(client, org, users, clusters):
    import datetime as dt

    from tdkt.emulation.services.clusters import cluster_update
    from tdkt.emulation.services.covenants import TargetInput, covenant_save, covenant_sign

    client.force_login(users["sector"])
    cluster = clusters["sector"]
    list_url = reverse("emulation:cluster-list")
    detail_url = reverse("emulation:cluster-detail", kwargs={"pk": cluster.pk})
    covenant_url = reverse("emulation:covenant", kwargs={"pk": cluster.pk})
    covenant_save(cluster=cluster, targets=[TargetInput("Chỉ tiêu 1")])
    covenant_sign(covenant=cluster.covenant, unit=org.office, user=users["sector"])
    counts = [_queries(client, url) for url in (list_url, detail_url, covenant_url)]
    members = []
    for i in range(12):
        unit = unit_create(
            code=f"T-X{i:02d}", short_name=f"VKSND tỉnh X{i}", full_name=f"VKSND tỉnh X{i}",
            unit_type=UnitType.PROVINCIAL, parent=org.root, valid_from=dt.date(2015, 1, 1),
        )  # fmt: skip
        UnitYearlyRating.objects.create(unit=unit, year=2026, rating="HTTNV")
        members.append(unit)
    for i in range(0, 6, 3):
        cluster_create(
            data=ClusterInput(
                year=2026, kind=ClusterKind.CLUSTER, name=f"Cụm {i + 2}", organiser=org.root,
                members=members[i : i + 3],
            )
        )  # fmt: skip
    data = ClusterInput(
        year=2026, kind=ClusterKind.CLUSTER, name="Cụm 1", organiser=org.root,
        members=[org.hanoi, org.phu_tho, org.office, *members[6:]], head=org.hanoi,
    )  # fmt: skip
    cluster_update(cluster=cluster, data=data, expected_version=None)
    for unit in members[6:]:
        covenant_sign(covenant=cluster.covenant, unit=unit, user=users["sector"])
    assert Cluster.objects.count() == 4 and cluster.members.count() == 9
    assert [_queries(client, url) for url in (list_url, detail_url, covenant_url)] == counts


def test_detail_shows_roles_synthetic_label_and_rotation(client, org, users, clusters):
    client.force_login(users["hanoi_officer"])
    url = reverse("emulation:cluster-detail", kwargs={"pk": clusters["sector"].pk})
    page = client.get(url).content.decode()
    assert "Cụm trưởng, khối trưởng" in page and "bầu ngày 20/01/2026" in page
    assert 'data-testid="synthetic"' in page
    assert reverse("scoring:cluster", args=[clusters["sector"].pk]) in page
    # next year: Phú Thọ and the office never headed; T-PT2025 < VKSNDTC-VP, but only rated
    # units can head, and nobody is rated for 2026 yet
    assert "Chưa có thành viên nào được xếp loại năm 2026" in page
    UnitYearlyRating.objects.create(unit=org.office, year=2026, rating="HTTNV")
    page = client.get(url).content.decode()
    assert 'data-testid="offered-head">Văn phòng VKSND tối cao<' in page


def test_create_through_the_form(client, org, users):
    for unit in (org.hanoi, org.phu_tho):
        UnitYearlyRating.objects.create(unit=unit, year=2025, rating="HTXSNV")
    client.force_login(users["sector"])
    url = reverse("emulation:cluster-create")
    picker = client.get(url)
    assert "Đơn vị tổ chức" in picker.content.decode()
    query = f"?organiser={org.root.pk}&year=2026"
    form = client.get(url + query).content.decode()
    assert "VKSND thành phố Hà Nội" in form and "Phòng 1" not in form
    data = {
        "kind": "CUM", "name": "Cụm 9", "members": [org.hanoi.pk, org.phu_tho.pk],
        "head": org.office.pk, "deputy": "", "deputy_elected_on": "", "reason": "",
    }  # fmt: skip
    response = client.post(url + query, data)
    assert response.status_code == 200
    assert "Cụm trưởng, khối trưởng phải là đơn vị thành viên." in response.content.decode()
    data["head"] = org.hanoi.pk
    response = client.post(url + query, data)
    cluster = Cluster.objects.get(name="Cụm 9")
    assert response.status_code == 302
    assert cluster.members.get(role=MemberRole.HEAD).unit == org.hanoi


def test_edit_form_reports_a_stale_edit(client, org, users, clusters):
    cluster = clusters["sector"]
    client.force_login(users["sector"])
    url = reverse("emulation:cluster-edit", kwargs={"pk": cluster.pk})
    data = {
        "version": cluster.version, "kind": "CUM", "name": "Cụm 1",
        "members": [org.hanoi.pk, org.phu_tho.pk, org.office.pk], "head": org.hanoi.pk,
        "deputy": org.phu_tho.pk, "deputy_elected_on": "2026-01-20", "reason": "Sửa tên",
    }  # fmt: skip
    assert client.post(url, {**data, "name": "Cụm I"}).status_code == 302
    response = client.post(url, {**data, "name": "Cụm một"})
    assert "đã được người khác sửa" in response.content.decode()
    assert Cluster.objects.get(pk=cluster.pk).name == "Cụm I"


def test_copy_to_next_year_needs_confirmation_and_runs_once(client, org, users, clusters):
    client.force_login(users["hanoi_officer"])
    url = reverse("emulation:cluster-copy", kwargs={"organiser_pk": org.hanoi.pk, "year": 2026})
    assert "Khối các phòng" in client.get(url).content.decode()
    assert client.post(url, {}).status_code == 200
    assert not Cluster.objects.filter(year=2027).exists()
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    assert Cluster.objects.filter(year=2027, organiser=org.hanoi).count() == 1
    page = client.post(url, {"confirm": "on"}).content.decode()
    assert "không thể tạo lại" in page
    assert Cluster.objects.filter(year=2027).count() == 1
    # the sector's clusters are not the Hà Nội officer's to copy
    sector_url = reverse(
        "emulation:cluster-copy", kwargs={"organiser_pk": org.root.pk, "year": 2026}
    )
    assert client.get(sector_url).status_code == 404


def test_export_lists_members_in_scope(client, users, clusters):
    client.force_login(users["phu_tho_officer"])
    response = client.get(reverse("emulation:cluster-export"), {"year": 2026})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {r[2] for r in rows} == {"Cụm 1"}
    assert rows[0][5] == "VKSND thành phố Hà Nội" and rows[0][6] == "Cụm trưởng, khối trưởng"


def test_edit_form_offers_the_head_due_by_rotation(client, org, users, clusters):
    client.force_login(users["sector"])
    url = reverse("emulation:cluster-edit", kwargs={"pk": clusters["sector"].pk})
    page = client.get(url).content.decode()
    # nobody headed before 2026; rated for 2025: all three; first by code is T-HN
    assert "Theo luân phiên, năm 2026 đến lượt: VKSND thành phố Hà Nội." in page


def test_history_tells_member_and_role_changes(client, org, users, clusters):
    cluster = clusters["sector"]
    client.force_login(users["sector"])
    data = {
        "version": cluster.version, "kind": "CUM", "name": "Cụm 1",
        "members": [org.hanoi.pk, org.phu_tho.pk], "head": org.phu_tho.pk,
        "deputy": "", "deputy_elected_on": "", "reason": "Điều chỉnh",
    }  # fmt: skip
    assert (
        client.post(reverse("emulation:cluster-edit", kwargs={"pk": cluster.pk}), data).status_code
        == 302
    )
    url = reverse("emulation:cluster-history", kwargs={"pk": cluster.pk})
    page = client.get(url).content.decode()
    assert "Điều chỉnh; bớt Văn phòng VKSND tối cao" in page
    assert "cụm trưởng: VKSND thành phố Hà Nội → VKSND tỉnh Phú Thọ" in page
    assert "cụm phó: VKSND tỉnh Phú Thọ → —" in page or "cụm phó: VKSND tỉnh Phú Thọ" in page
    client.force_login(users["phu_tho_officer"])
    block = clusters["hanoi_block"]
    assert (
        client.get(reverse("emulation:cluster-history", kwargs={"pk": block.pk})).status_code == 404
    )
