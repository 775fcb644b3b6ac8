"""Maintaining the organisation in the UI: new units and restructuring events."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.org import services
from tdkt.org.models import EventKind, RestructuringEvent, Unit, UnitType


@pytest.mark.django_db
def test_sector_officer_creates_a_child_unit(client, org, users):
    client.force_login(users["sector"])
    url = reverse("org:create-child", kwargs={"pk": org.hanoi.pk})
    data = {
        "code": "T-HN-P09", "short_name": "Phòng 9", "full_name": "Phòng 9 – VKSND TP Hà Nội",
        "unit_type": UnitType.DIVISION, "valid_from": "2026-01-01", "sort_order": "9",
        "reason": "QĐ thành lập",
    }  # fmt: skip
    response = client.post(url, data)
    unit = Unit.objects.get(code="T-HN-P09")
    assert response.status_code == 302 and unit.parent == org.hanoi
    assert unit.path.startswith(org.hanoi.path)
    again = client.post(url, data)
    assert services.CODE_TAKEN in again.content.decode()


@pytest.mark.django_db
def test_recording_a_merger_closes_predecessors(client, org, users):
    new = services.unit_create(
        code="T-HN-P10", short_name="Phòng 10", full_name="Phòng 10", unit_type=UnitType.DIVISION,
        parent=org.hanoi, valid_from=dt.date(2026, 6, 1),
    )  # fmt: skip
    client.force_login(users["sector"])
    response = client.post(
        reverse("org:event-create"),
        {
            "kind": EventKind.MERGE, "date": "2026-06-01",
            "predecessors": [org.hanoi_division.pk], "successors": [new.pk],
            "close_predecessors": "on", "decision": "QĐ 1/QĐ-VKS", "reason": "Sáp nhập",
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert Unit.objects.get(pk=org.hanoi_division.pk).valid_to == dt.date(2026, 5, 31)
    assert RestructuringEvent.objects.filter(decision="QĐ 1/QĐ-VKS").exists()
    listing = client.get(reverse("org:events")).content.decode()
    assert "QĐ 1/QĐ-VKS" in listing


@pytest.mark.django_db
def test_closing_a_unit_with_open_children_is_refused(client, org, users):
    client.force_login(users["sector"])
    response = client.post(
        reverse("org:event-create"),
        {
            "kind": EventKind.DISSOLVE, "date": "2026-06-01",
            "predecessors": [org.hanoi.pk], "close_predecessors": "on", "reason": "Thử",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "còn đơn vị trực thuộc" in response.content.decode()
    assert Unit.objects.get(pk=org.hanoi.pk).valid_to is None


@pytest.mark.django_db
def test_event_list_is_scoped(client, org, users):
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("org:events")).content.decode()
    assert "VKSND quận Ba Đình" in page and "VKSND tỉnh Hòa Bình" not in page


@pytest.mark.django_db
def test_unit_page_hides_predecessors_outside_the_users_reach(client, org, users):
    newcomer = services.unit_create(
        code="T-HN-P02", short_name="Phòng 2 – Hà Nội", full_name="Phòng 2 – Hà Nội",
        unit_type=UnitType.DIVISION, parent=org.hanoi, valid_from=dt.date(2025, 7, 1),
    )  # fmt: skip
    RestructuringEvent.objects.get(successors=org.area_phu_tho_1).successors.add(newcomer)
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("org:detail", kwargs={"pk": newcomer.pk})).content.decode()
    assert "VKSND huyện Lạc Sơn" not in page
    client.force_login(users["sector"])
    page = client.get(reverse("org:detail", kwargs={"pk": newcomer.pk})).content.decode()
    assert "VKSND huyện Lạc Sơn" in page
