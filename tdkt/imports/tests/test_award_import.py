"""The KhenThuong sheet: past decisions enter the award register, all or nothing."""

import datetime as dt

import pytest

from tdkt.awards.models import Award
from tdkt.imports.models import ImportStatus
from tdkt.imports.tests.conftest import build_workbook, make_person, run_import
from tdkt.imports.validation import (
    AWARD_FOR_PERSONS,
    AWARD_FOR_UNITS,
    AWARD_SUBJECT_BOTH,
    AWARD_SUBJECT_MISSING,
    AWARD_TYPE_UNKNOWN,
    DATE_ORDER,
    DECISION_BEFORE_YEAR,
    DUPLICATE_AWARD,
    IN_THE_FUTURE,
    PERSON_UNKNOWN,
    REASON_WITHOUT_DATE,
    UNIT_OUT_OF_SCOPE,
)
from tdkt.imports.workbook import EXAMPLE_CODE
from tdkt.people.models import Assignment

pytestmark = pytest.mark.django_db
D = dt.date


DECIDED = D(2023, 12, 20)


def award(person="", unit="", code="LDTT", year=2023, number="12/QĐ", day=DECIDED, **rest):
    return [
        person,
        unit,
        code,
        year,
        rest.get("kind", ""),
        number,
        day,
        rest.get("signer", "Nguyễn Văn Bình"),
        rest.get("authority", "Viện trưởng VKSND TP Hà Nội"),
        rest.get("revoked_on"),
        rest.get("reason", ""),
    ]


@pytest.fixture
def moved(org):
    """CB010 was in the district until 2024, then moved to the division."""
    person = make_person("CB010", org.district, start=D(2016, 1, 1))
    Assignment.objects.filter(person=person).update(end=D(2023, 12, 31))
    Assignment.objects.create(person=person, unit=org.division, position="KSV", start=D(2024, 1, 1))
    person.unit = org.division
    person.save()
    return person


def test_past_decisions_enter_the_register_with_the_unit_of_the_day(officer, org, moved):
    rows = [
        award(EXAMPLE_CODE),
        award("CB010", code="cstdcs", year=2022, number="5/QĐ", day=D(2023, 1, 10)),
        award("CB010", code="LDTT", year=2024, number="9/QĐ", day=D(2024, 12, 25), kind="dot xuat"),
        award(unit="HN-P1", code="TTLDTT", year=2024, number="10/QĐ", day=D(2025, 1, 5)),
        award(
            "CB010",
            code="LDTT",
            year=2021,
            number="3/QĐ",
            day=D(2021, 12, 20),
            revoked_on=D(2022, 6, 1),
            reason="Phát hiện vi phạm",
        ),
    ]

    job = run_import(officer, build_workbook({"KhenThuong": rows}))

    assert job.status == ImportStatus.SUCCEEDED, job.errors
    assert job.counts["KhenThuong"] == {"created": 4, "updated": 0, "unchanged": 0}
    stored = {a.decision_number: a for a in Award.objects.select_related("award_type")}
    assert stored["5/QĐ"].award_type.code == "CSTDCS"
    assert stored["5/QĐ"].holder_unit == org.district  # where they worked on 10/01/2023
    assert stored["9/QĐ"].holder_unit == org.division and stored["9/QĐ"].kind == "DOT_XUAT"
    assert stored["10/QĐ"].unit == org.division and stored["10/QĐ"].person is None
    revoked = stored["3/QĐ"]
    assert revoked.revoked and revoked.revoked_on == D(2022, 6, 1)
    assert revoked.revocation_reason == "Phát hiện vi phạm"
    assert revoked.history.first().history_user == officer


def test_the_same_file_twice_changes_nothing_and_a_revocation_updates(officer, org, moved):
    rows = [award("CB010", number="1/QĐ"), award(unit="HN", code="TTLDTT", number="2/QĐ")]
    run_import(officer, build_workbook({"KhenThuong": rows}))

    again = run_import(officer, build_workbook({"KhenThuong": rows}))
    rows[0] = award("CB010", number="1/QĐ", revoked_on=D(2024, 3, 1), reason="Sai đối tượng")
    revoked = run_import(officer, build_workbook({"KhenThuong": rows}))

    assert again.counts["KhenThuong"] == {"created": 0, "updated": 0, "unchanged": 2}
    assert revoked.counts["KhenThuong"] == {"created": 0, "updated": 1, "unchanged": 1}
    award_1 = Award.objects.get(decision_number="1/QĐ")
    assert award_1.revoked and award_1.version == 2 and award_1.history.count() == 2
    assert Award.objects.count() == 2


def test_bad_rows_import_nothing_and_each_error_names_the_cell(officer, org, moved):
    make_person("HCM01", org.hcm)
    future = dt.date.today() + dt.timedelta(days=30)
    rows = [
        award("CB010", unit="HN"),  # row 2: both subjects
        award(),  # row 3: no subject
        award("KHONGCO"),  # row 4: unknown person
        award(unit="HCM", code="TTLDTT"),  # row 5: unit out of reach
        award("CB010", code="XYZ"),  # row 6: unknown code
        award(unit="HN", code="LDTT"),  # row 7: individual title for a unit
        award("CB010", code="TTLDTT"),  # row 8: collective title for a person
        award("CB010", year=2023, day=D(2022, 12, 1)),  # row 9: decided before the year
        award("CB010", number="7/QĐ", day=future),  # row 10: decision in the future
        award("CB010", number="8/QĐ", revoked_on=D(2023, 1, 1)),  # row 11: revoked first
        award("CB010", number="11/QĐ", reason="Không rõ"),  # row 12: reason without date
        award("CB010", number="12/QĐ"),  # row 13: duplicate of row 14
        award("CB010", number="12/QĐ"),
    ]

    job = run_import(officer, build_workbook({"KhenThuong": rows}))

    assert job.status == ImportStatus.FAILED
    assert not Award.objects.exists()
    found = [(e["row"], e["column"], e["message"]) for e in job.errors]
    assert found == [
        (2, "Mã cán bộ", AWARD_SUBJECT_BOTH),
        (3, "Mã cán bộ", AWARD_SUBJECT_MISSING),
        (4, "Mã cán bộ", PERSON_UNKNOWN.format(code="KHONGCO")),
        (5, "Mã đơn vị", UNIT_OUT_OF_SCOPE.format(code="HCM")),
        (6, "Mã danh hiệu", AWARD_TYPE_UNKNOWN.format(code="XYZ")),
        (7, "Mã danh hiệu", AWARD_FOR_PERSONS.format(code="LDTT")),
        (8, "Mã danh hiệu", AWARD_FOR_UNITS.format(code="TTLDTT")),
        (9, "Ngày quyết định", DECISION_BEFORE_YEAR.format(day="01/12/2022", year=2023)),
        (
            10,
            "Ngày quyết định",
            IN_THE_FUTURE.format(column="Ngày quyết định", day=future.strftime("%d/%m/%Y")),
        ),
        (
            11,
            "Ngày hủy bỏ",
            DATE_ORDER.format(
                column="Ngày hủy bỏ",
                value="01/01/2023",
                other="Ngày quyết định",
                other_value="20/12/2023",
            ),
        ),
        (12, "Ngày hủy bỏ", REASON_WITHOUT_DATE),
        (14, "Số quyết định", DUPLICATE_AWARD.format(first_row=13)),
    ]


def test_an_award_edited_during_the_import_is_never_overwritten(officer, org, moved, monkeypatch):
    from tdkt.imports import services as import_services
    from tdkt.imports.writing import CONCURRENT_AWARD_EDIT

    rows = [award("CB010", number="1/QĐ")]
    run_import(officer, build_workbook({"KhenThuong": rows}))
    real_check_rows = import_services.check_rows

    def check_then_someone_revokes(**kwargs):
        real_check_rows(**kwargs)
        stored = Award.objects.get(decision_number="1/QĐ")
        stored.revoked, stored.version = True, stored.version + 1
        stored.save()

    monkeypatch.setattr(import_services, "check_rows", check_then_someone_revokes)
    rows = [award("CB010", number="1/QĐ", signer="Người khác")]
    job = run_import(officer, build_workbook({"KhenThuong": rows}))

    assert job.status == ImportStatus.FAILED
    assert job.errors[0]["message"] == CONCURRENT_AWARD_EDIT.format(count=1, number="1/QĐ")
    stored = Award.objects.get(decision_number="1/QĐ")
    assert stored.revoked and stored.signer == "Nguyễn Văn Bình"


def test_a_new_person_and_their_awards_come_in_one_file(officer, org):
    person = ["CB020", "Lê Thị Mai", "Nữ", D(1990, 1, 1), "", "", "HN-P1", D(2015, 1, 1)]
    job = run_import(
        officer,
        build_workbook({"CanBo": [person], "KhenThuong": [award("CB020", number="4/QĐ")]}),
    )

    assert job.status == ImportStatus.SUCCEEDED, job.errors
    assert Award.objects.get().holder_unit == org.division
