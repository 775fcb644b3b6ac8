"""People pages: the list's query count does not grow with rows; edits and bad input."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType
from tdkt.people import services
from tdkt.people.models import Person
from tdkt.testing import make_person


def _count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_people_list_query_count_does_not_grow_with_rows(client, org, users):
    client.force_login(users["sector"])
    for i in range(3):
        make_person(org.hanoi, f"Nguyễn Văn A{i}")
    few = _count_queries(client, reverse("people:list"))
    for i in range(40):
        make_person(org.area_phu_tho_1, f"Lê Thị B{i}")
    many = _count_queries(client, reverse("people:list"))
    assert few == many


@pytest.mark.django_db
def test_person_page_query_count_does_not_grow_with_history(client, org, people, users):
    client.force_login(users["sector"])
    person = people["duc"]
    url = reverse("people:detail", kwargs={"pk": person.pk})
    first = _count_queries(client, url)
    lddt = AwardType.objects.get(code="LDTT")
    for year in range(2016, 2026):
        services.rating_set(person=person, year=year, rating="HTTNV", reason="Nhập")
        Award.objects.create(
            award_type=lddt, person=person, year=year, decision_number=f"{year}/QĐ",
            decision_date=dt.date(year, 12, 20), holder_unit=org.hanoi,
        )  # fmt: skip
    assert _count_queries(client, url) == first


@pytest.mark.django_db
def test_unit_tree_query_count_does_not_grow(client, org, users):
    client.force_login(users["sector"])
    assert _count_queries(client, reverse("org:tree")) <= 12


@pytest.mark.django_db
def test_person_page_shows_revoked_award_as_revoked(client, org, people, users):
    person = people["duc"]
    Award.objects.create(
        award_type=AwardType.objects.get(code="CSTDCS"), person=person, year=2022,
        decision_number="12/QĐ-VKS", decision_date=dt.date(2022, 12, 20),
        holder_unit=org.hanoi, revoked=True, revoked_on=dt.date(2023, 5, 1),
    )  # fmt: skip
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("people:detail", kwargs={"pk": person.pk})).content.decode()
    assert "Đã hủy bỏ" in page and "Chiến sĩ thi đua cơ sở" in page


@pytest.mark.django_db
def test_edit_form_saves_and_reports_stale_edits(client, people, users):
    person = people["duc"]
    client.force_login(users["hanoi_officer"])
    url = reverse("people:edit", kwargs={"pk": person.pk})
    data = {
        "version": person.version,
        "full_name": "Đặng Văn Đức",
        "gender": "M",
        "date_of_birth": "1985-03-01",
        "rank": "KSV_TC",
        "position": "KSV",
        "recruitment_date": "2010-09-01",
        "leaving_date": "",
        "reason": "Nâng ngạch",
    }
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "rank": "KSV_SC"})
    assert response.status_code == 200
    assert "đã được người khác sửa" in response.content.decode()
    assert Person.objects.get(pk=person.pk).rank == "KSV_TC"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("rating", {"year": "abc", "rating": "HTTNV", "reason": "x"}, "số nguyên"),
        ("rating", {"year": "2024", "rating": "SAI", "reason": "x"}, "lựa chọn hợp lệ"),
        ("absence", {"reason_code": "ILLNESS", "start": "2024-05-02", "end": "2024-05-01",
                     "reason": "x"}, services.PERIOD_REVERSED),
        ("discipline", {"level": "CANH_CAO", "decision_number": "1", "decided_on": "31/02/2024",
                        "start": "2024-03-01", "end": "2025-03-01", "reason": "x"}, "ngày hợp lệ"),
        ("freeze", {"reason_code": "INSPECTION", "start": "2024-01-01", "reason": ""},
         "bắt buộc"),
    ],
)  # fmt: skip
def test_bad_fact_input_gets_a_vietnamese_message_and_saves_nothing(
    client, people, users, kind, data, message
):
    person = people["duc"]
    client.force_login(users["hanoi_officer"])
    url = reverse("people:fact-add", kwargs={"pk": person.pk, "kind": kind})
    response = client.post(url, data)
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert not person.ratings.exists() and not person.absences.exists()


@pytest.mark.django_db
def test_fact_add_saves_and_history_page_lists_it(client, people, users):
    person = people["duc"]
    client.force_login(users["hanoi_officer"])
    url = reverse("people:fact-add", kwargs={"pk": person.pk, "kind": "rating"})
    response = client.post(url, {"year": "2025", "rating": "HTXSNV", "reason": "Kết quả 2025"})
    assert response.status_code == 302
    history = client.get(reverse("people:history", kwargs={"pk": person.pk})).content.decode()
    assert "Kết quả 2025" in history and "tdkt.hanoi" in history
    assert (
        client.get(reverse("people:fact-add", kwargs={"pk": person.pk, "kind": "x"})).status_code
        == 404
    )


@pytest.mark.django_db
def test_history_shows_labels_not_codes(client, org, people, users):
    person = people["duc"]
    services.person_update(
        person=person, expected_version=person.version, reason="Nâng ngạch", rank="KSV_CC"
    )
    services.person_move(
        person=person, unit=org.hanoi_division, position="TP", start=dt.date(2026, 1, 1),
        reason="Bổ nhiệm",
    )  # fmt: skip
    client.force_login(users["sector"])
    page = client.get(reverse("people:history", kwargs={"pk": person.pk})).content.decode()
    assert "Kiểm sát viên cao cấp" in page and "KSV_CC" not in page
    assert "Phòng 1 – Hà Nội" in page


@pytest.mark.django_db
def test_transfer_from_the_person_page(client, org, people, users):
    person = people["duc"]
    client.force_login(users["hanoi_officer"])
    url = reverse("people:move", kwargs={"pk": person.pk})
    form = client.get(url).context["form"]
    assert org.phu_tho not in form.fields["unit"].queryset
    response = client.post(
        url,
        {"unit": org.hanoi_division.pk, "position": "PTP", "start": "2026-02-01", "reason": "QĐ 5"},
    )
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).unit == org.hanoi_division
    refused = client.post(
        url, {"unit": org.phu_tho.pk, "position": "KSV", "start": "2026-03-01", "reason": "x"}
    )
    assert refused.status_code == 200 and "lựa chọn hợp lệ" in refused.content.decode()


@pytest.mark.django_db
def test_closing_a_freeze_from_the_person_page(client, people, users):
    freeze = services.freeze_add(
        person=people["duc"], reason_code="COMPLAINT", start=dt.date(2026, 1, 1), end=None,
        note="", reason="Đơn thư",
    )  # fmt: skip
    client.force_login(users["hanoi_officer"])
    url = reverse("people:freeze-close", kwargs={"pk": people["duc"].pk, "freeze_pk": freeze.pk})
    assert client.post(url, {"end": "2026-02-01", "reason": "Đã xác minh"}).status_code == 302
    freeze.refresh_from_db()
    assert freeze.end == dt.date(2026, 2, 1)
    client.force_login(users["phu_tho_officer"])
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_the_unit_filter_offers_units_in_reach_and_keeps_their_staff(client, org, people, users):
    client.force_login(users["hanoi_officer"])
    url = reverse("people:list")

    form = client.get(url).content.decode()
    filtered = client.get(url, {"unit": org.hanoi_division.pk}).content.decode()
    outside = client.get(url, {"unit": org.phu_tho.pk}).content.decode()

    assert f'<option value="{org.hanoi_division.pk}"' in form
    assert f'<option value="{org.phu_tho.pk}"' not in form
    assert "Trần Thị Bình" in filtered and "Đặng Văn Đức" not in filtered
    assert "Lê Văn Cường" not in outside  # out of reach: never a way to list its staff
