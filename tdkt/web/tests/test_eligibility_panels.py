"""The eligibility panels of the person page and the unit page."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.people import services


@pytest.mark.django_db
def test_person_panel_lists_verdicts_with_reasons(client, people, users):
    person = people["duc"]
    services.rating_set(person=person, year=2025, rating="HTXSNV", reason="Kết quả")
    client.force_login(users["hanoi_officer"])
    url = reverse("people:eligibility", kwargs={"pk": person.pk})
    page = client.get(url, {"year": 2025}).content.decode()
    assert "Chiến sĩ thi đua cơ sở" in page and "Đủ điều kiện" in page
    assert "Điều 23 Luật Thi đua, khen thưởng 06/2022/QH15" in page
    detail = client.get(reverse("people:detail", kwargs={"pk": person.pk})).content.decode()
    assert url in detail


@pytest.mark.django_db
def test_person_panel_says_what_is_missing(client, people, users):
    client.force_login(users["hanoi_officer"])
    url = reverse("people:eligibility", kwargs={"pk": people["duc"].pk})
    page = client.get(url, {"year": 2024}).content.decode()
    assert "cần xếp loại mức độ hoàn thành nhiệm vụ năm 2024" in page


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["abc", "1990", "99999", ""])
def test_panels_accept_any_year_parameter(client, org, people, users, year):
    client.force_login(users["hanoi_officer"])
    for url in (
        reverse("people:eligibility", kwargs={"pk": people["duc"].pk}),
        reverse("org:eligibility", kwargs={"pk": org.hanoi.pk}),
    ):
        assert client.get(url, {"year": year}).status_code == 200


@pytest.mark.django_db
def test_unit_panel_lists_collective_titles(client, org, users):
    client.force_login(users["hanoi_officer"])
    this_year = dt.date.today().year
    page = client.get(
        reverse("org:eligibility", kwargs={"pk": org.hanoi.pk}), {"year": this_year - 1}
    ).content.decode()
    assert "Tập thể lao động tiên tiến" in page


@pytest.mark.django_db
def test_unit_panel_flags_a_quota_exceeded_in_the_register(client, org, users):
    from tdkt.awards.models import Award
    from tdkt.catalog.models import AwardType
    from tdkt.testing import make_person

    types = {t.code: t for t in AwardType.objects.filter(code__in=["LDTT", "CSTDCS"])}
    for i in range(4):
        person = make_person(org.hanoi_division, f"Người {i}")
        for code in ("LDTT", "CSTDCS") if i < 2 else ("LDTT",):
            Award.objects.create(
                award_type=types[code], person=person, year=2023, decision_number=f"{i}/QĐ",
                decision_date=dt.date(2023, 12, 20), holder_unit=org.hanoi_division,
            )  # fmt: skip
    client.force_login(users["hanoi_officer"])
    page = client.get(
        reverse("org:eligibility", kwargs={"pk": org.hanoi.pk}), {"year": 2023}
    ).content.decode()
    assert 'data-testid="quotas"' in page and "bi-exclamation-triangle" in page


@pytest.mark.django_db
def test_panel_summary_names_the_conditions_not_met(client, people, users):
    person = people["duc"]
    services.rating_set(person=person, year=2025, rating="HTNV", reason="Kết quả")
    client.force_login(users["hanoi_officer"])
    page = client.get(
        reverse("people:eligibility", kwargs={"pk": person.pk}), {"year": 2025}
    ).content.decode()
    assert "không đạt: xếp loại năm 2025 từ hoàn thành tốt nhiệm vụ trở lên" in page
