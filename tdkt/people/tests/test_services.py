"""Person services: validation with Vietnamese messages, history with reasons, stale edits."""

import datetime as dt

import pytest

from tdkt.core.errors import DomainError, StaleEditError
from tdkt.people import services
from tdkt.people.models import Assignment, Person, Position, YearlyRating


@pytest.mark.django_db
def test_person_update_requires_a_reason(people):
    person = people["duc"]
    with pytest.raises(DomainError) as error:
        services.person_update(
            person=person, expected_version=person.version, reason=" ", full_name="X"
        )
    assert error.value.message == services.REASON_REQUIRED
    assert Person.objects.get(pk=person.pk).full_name == "Đặng Văn Đức"


@pytest.mark.django_db
def test_concurrent_edit_is_refused_and_nothing_is_lost(people):
    first = Person.objects.get(pk=people["duc"].pk)
    second = Person.objects.get(pk=people["duc"].pk)
    services.person_update(
        person=first, expected_version=first.version, reason="Một", rank="KSV_TC"
    )
    with pytest.raises(StaleEditError):
        services.person_update(
            person=second, expected_version=second.version, reason="Hai", rank="KSV_SC"
        )
    assert Person.objects.get(pk=first.pk).rank == "KSV_TC"


@pytest.mark.django_db
def test_history_records_who_what_and_why(people):
    person = people["duc"]
    services.person_update(
        person=person, expected_version=person.version, reason="Nâng ngạch", rank="KSV_CC"
    )
    record = person.history.latest()
    assert record.history_change_reason == "Nâng ngạch"
    assert record.rank == "KSV_CC"


@pytest.mark.django_db
def test_dates_are_checked(people):
    person = people["duc"]
    with pytest.raises(DomainError) as error:
        services.person_update(
            person=person,
            expected_version=person.version,
            reason="x",
            leaving_date=dt.date(2000, 1, 1),
        )
    assert error.value.field == "leaving_date"
    with pytest.raises(DomainError) as error:
        services.absence_add(
            person=person,
            reason_code="ILLNESS",
            start=dt.date(2024, 5, 2),
            end=dt.date(2024, 5, 1),
            note="",
            reason="x",
        )
    assert error.value.message == services.PERIOD_REVERSED


@pytest.mark.django_db
def test_rating_is_one_per_year_and_replaced(people):
    person = people["duc"]
    services.rating_set(person=person, year=2024, rating="HTTNV", reason="Kết quả năm")
    services.rating_set(person=person, year=2024, rating="HTXSNV", reason="Điều chỉnh")
    assert YearlyRating.objects.get(person=person, year=2024).rating == "HTXSNV"
    with pytest.raises(DomainError) as error:
        services.rating_set(person=person, year=1990, rating="HTTNV", reason="x")
    assert error.value.message == services.YEAR_OUT_OF_RANGE


@pytest.mark.django_db
def test_person_move_closes_the_open_assignment(org, people, users):
    person = people["duc"]
    services.person_move(
        person=person,
        unit=org.hanoi_division,
        position=Position.PHO_TRUONG_PHONG,
        start=dt.date(2026, 3, 1),
        reason="Điều động",
        user=users["hanoi_officer"],
    )
    periods = list(Assignment.objects.filter(person=person).values_list("end", "unit_id"))
    assert periods == [(dt.date(2026, 2, 28), org.hanoi.pk), (None, org.hanoi_division.pk)]
    assert Person.objects.get(pk=person.pk).unit == org.hanoi_division
    with pytest.raises(DomainError) as error:
        services.person_move(
            person=person,
            unit=org.phu_tho,
            position=Position.KIEM_SAT_VIEN,
            start=dt.date(2026, 6, 1),
            reason="x",
            user=users["hanoi_officer"],
        )
    assert error.value.message == services.UNIT_OUT_OF_SCOPE


@pytest.mark.django_db
def test_freeze_close(people):
    freeze = services.freeze_add(
        person=people["duc"],
        reason_code="INSPECTION",
        start=dt.date(2026, 1, 5),
        end=None,
        note="",
        reason="Thanh tra",
    )
    services.freeze_close(freeze=freeze, end=dt.date(2026, 4, 1), reason="Kết thúc")
    with pytest.raises(DomainError):
        services.freeze_close(freeze=freeze, end=dt.date(2026, 5, 1), reason="Lại")


@pytest.mark.django_db
def test_person_born_on_29_february_can_be_edited(org):
    from tdkt.testing import make_person

    person = make_person(org.hanoi, "Hoàng Thị Nhuận", date_of_birth=dt.date(1988, 2, 29))
    services.person_update(person=person, expected_version=person.version, reason="Sửa", rank="CV")
    with pytest.raises(DomainError) as error:
        services.person_update(
            person=person,
            expected_version=person.version,
            reason="Sửa",
            recruitment_date=dt.date(2006, 2, 27),
        )
    assert error.value.message == services.BORN_TOO_LATE


@pytest.mark.django_db
def test_submitting_the_same_fact_twice_records_it_once(people):
    for _ in range(2):
        services.absence_add(
            person=people["duc"], reason_code="ILLNESS", start=dt.date(2024, 3, 1),
            end=dt.date(2024, 3, 5), note="", reason="Ốm",
        )  # fmt: skip
    assert people["duc"].absences.count() == 1


@pytest.mark.django_db
def test_leaving_closes_the_open_assignment(people):
    person = people["duc"]
    services.person_update(
        person=person, expected_version=person.version, reason="Nghỉ hưu",
        leaving_date=dt.date(2026, 6, 30),
    )  # fmt: skip
    assert not Assignment.objects.filter(person=person, end__isnull=True).exists()


@pytest.mark.django_db
def test_implausible_dates_are_refused_not_crashing(people):
    person = people["duc"]
    with pytest.raises(DomainError) as error:
        services.person_update(
            person=person, expected_version=person.version, reason="x",
            date_of_birth=dt.date(9990, 1, 1),
        )  # fmt: skip
    assert error.value.message == services.DATE_IMPLAUSIBLE


def test_a_reason_as_long_as_the_form_allows_is_kept_whole(people):
    from tdkt.people.services import person_update

    person = people["duc"]
    reason = "Điều chỉnh theo quyết định " + "x" * 228
    assert len(reason) == 255

    person_update(person=person, expected_version=person.version, reason=reason, rank="KSV_CC")

    assert person.history.first().history_change_reason == reason
