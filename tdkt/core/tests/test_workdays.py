"""The working-day calendar: weekends and the stored holidays are skipped; the seed holds the
fixed-date holidays of 2024–2027 and the announced Tết and Giỗ Tổ days of 2024–2026; the
officer's page lists, adds and removes days off."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.core.errors import DomainError
from tdkt.core.models import PublicHoliday
from tdkt.core.workdays import (
    add_working_days,
    holiday_add,
    working_days_between,
)

D = dt.date


@pytest.mark.django_db
def test_seed_holds_the_fixed_days_and_the_second_national_day():
    dates = set(PublicHoliday.objects.values_list("date", flat=True))
    for year in (2024, 2025, 2026):
        assert {D(year, 1, 1), D(year, 4, 30), D(year, 5, 1), D(year, 9, 2)} <= dates
    assert D(2024, 9, 3) in dates and D(2024, 9, 1) not in dates
    assert D(2025, 9, 1) in dates and D(2026, 9, 1) in dates
    # Tết as announced for civil servants (weekdays only), Giỗ Tổ on 10/3 lunar or the
    # Monday in place of a Sunday.
    for first, last in ((D(2024, 2, 8), D(2024, 2, 14)), (D(2025, 1, 27), D(2025, 1, 31))):
        weekdays = {first + dt.timedelta(days=i) for i in range((last - first).days + 1)}
        assert {d for d in weekdays if d.weekday() < 5} <= dates
    assert {D(2026, 2, d) for d in range(16, 21)} <= dates
    assert {D(2024, 4, 18), D(2025, 4, 7), D(2026, 4, 27)} <= dates
    assert D(2026, 4, 26) not in dates  # a Sunday is not stored
    assert {D(2027, 1, 1), D(2027, 4, 16), D(2027, 4, 30), D(2027, 5, 1), D(2027, 9, 2)} <= dates
    assert D(2027, 5, 3) in dates  # 1/5/2027 is a Saturday
    # Tết 2027 and the second day of National Day 2027 are announced later: not guessed.
    assert D(2027, 2, 5) not in dates and not {D(2027, 9, 1), D(2027, 9, 3)} & dates


@pytest.mark.django_db
def test_add_working_days_skips_weekends():
    friday = D(2026, 11, 20)
    assert add_working_days(friday, 0) == friday
    assert add_working_days(friday, 1) == D(2026, 11, 23)  # Monday
    assert add_working_days(friday, 5) == D(2026, 11, 27)
    assert add_working_days(D(2026, 11, 21), 1) == D(2026, 11, 23)  # from a Saturday
    assert add_working_days(D(2026, 11, 23), -1) == friday


@pytest.mark.django_db
def test_add_working_days_skips_holidays():
    # Wed 29/4/2026 + 1: Thu 30/4 and Fri 1/5 are holidays, then the weekend.
    assert add_working_days(D(2026, 4, 29), 1) == D(2026, 5, 4)
    # Fri 28/8/2026 + 1: Mon 31/8 works; + 2 skips Tue 1/9 and Wed 2/9.
    assert add_working_days(D(2026, 8, 28), 1) == D(2026, 8, 31)
    assert add_working_days(D(2026, 8, 28), 2) == D(2026, 9, 3)
    PublicHoliday.objects.create(date=D(2026, 8, 31), name="Ngày nghỉ thử")
    assert add_working_days(D(2026, 8, 28), 1) == D(2026, 9, 3)


@pytest.mark.django_db
def test_working_days_between_counts_after_the_first_day_up_to_the_last():
    monday = D(2026, 11, 23)
    assert working_days_between(monday, monday) == 0
    assert working_days_between(monday, D(2026, 11, 27)) == 4
    assert working_days_between(monday, D(2026, 11, 30)) == 5
    assert working_days_between(D(2026, 11, 30), monday) == -5
    assert working_days_between(D(2026, 4, 29), D(2026, 5, 4)) == 1
    assert working_days_between(D(2025, 12, 31), D(2026, 1, 2)) == 1  # 1/1 off


@pytest.mark.django_db
def test_both_functions_agree_over_a_year():
    start = D(2025, 12, 26)
    for n in (1, 3, 7, 20, 61, 250):
        assert working_days_between(start, add_working_days(start, n)) == n


@pytest.mark.django_db
def test_each_call_reads_the_calendar_once(django_assert_num_queries):
    with django_assert_num_queries(1):
        add_working_days(D(2026, 1, 1), 200)
    with django_assert_num_queries(1):
        working_days_between(D(2024, 1, 1), D(2026, 12, 31))


@pytest.mark.django_db
def test_holiday_add_refuses_duplicates_and_empty_names():
    with pytest.raises(DomainError, match="đã có trong lịch nghỉ"):
        holiday_add(date=D(2026, 9, 2), name="Trùng")
    with pytest.raises(DomainError, match="tên ngày nghỉ"):
        holiday_add(date=D(2027, 2, 5), name="  ")
    holiday_add(date=D(2027, 2, 5), name="Tết Nguyên đán")
    assert PublicHoliday.objects.filter(date=D(2027, 2, 5)).exists()


@pytest.mark.django_db
def test_holiday_page_is_for_the_sector_officer_only(client, users):
    url = reverse("web:holidays")
    assert client.get(url).status_code == 302
    for name in ("no_role", "hanoi_officer", "hanoi_leader"):
        client.force_login(users[name])
        assert client.get(url).status_code == 404
        holiday = PublicHoliday.objects.first()
        assert client.get(reverse("web:holiday-delete", args=[holiday.pk])).status_code == 404
        assert client.post(reverse("web:holiday-delete", args=[holiday.pk])).status_code == 404
    assert PublicHoliday.objects.filter(pk=holiday.pk).exists()


@pytest.mark.django_db
def test_officer_lists_adds_and_removes_days(client, users, django_assert_max_num_queries):
    client.force_login(users["sector"])
    url = reverse("web:holidays")
    page = client.get(url, {"nam": 2024}).content.decode()
    assert "03/09/2024" in page and "Quốc khánh" in page
    assert 'value="2024-01-01"' in page  # the date field opens on the year shown
    assert "Chưa có ngày nghỉ nào trong năm 2030" in client.get(url, {"nam": 2030}).content.decode()
    response = client.post(url, {"date": "2027-02-05", "name": "Tết Nguyên đán"})
    assert response.status_code == 302
    holiday = PublicHoliday.objects.get(date=D(2027, 2, 5))
    response = client.post(url, {"date": "2027-02-05", "name": "Lần hai"})
    assert response.status_code == 200
    assert "đã có trong lịch nghỉ (Tết Nguyên đán)" in response.content.decode()
    response = client.post(url, {"date": "05/02/abc", "name": "Sai"})
    assert response.status_code == 200 and PublicHoliday.objects.filter(name="Sai").count() == 0
    with django_assert_max_num_queries(12):
        client.get(url, {"nam": 2026})
    for day in range(1, 20):
        PublicHoliday.objects.create(date=D(2026, 3, day), name=f"Thử {day}")
    with django_assert_max_num_queries(12):
        client.get(url, {"nam": 2026})
    delete = reverse("web:holiday-delete", args=[holiday.pk])
    assert "Xóa “05/02/2027 – Tết Nguyên đán”" in client.get(delete).content.decode()
    assert PublicHoliday.objects.filter(pk=holiday.pk).exists()
    assert client.post(delete).status_code == 302
    assert not PublicHoliday.objects.filter(pk=holiday.pk).exists()


@pytest.mark.django_db
def test_add_working_days_beyond_its_first_read_of_the_calendar():
    # 60 weekdays off in a row: more than the margin of one read.
    start = D(2030, 1, 1)
    day = start
    while day < D(2030, 4, 1):
        if day.weekday() < 5:
            PublicHoliday.objects.create(date=day, name="Thử")
        day += dt.timedelta(days=1)
    result = add_working_days(D(2029, 12, 31), 1)
    assert result == D(2030, 4, 1)
    assert working_days_between(D(2029, 12, 31), result) == 1
    assert add_working_days(D(2030, 4, 1), -1) == D(2029, 12, 31)
