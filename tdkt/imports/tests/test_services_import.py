"""The import service: a good file imports completely, a bad one imports nothing."""

import datetime as dt
import sqlite3

import pytest
from django.db import connection

from tdkt.imports.models import ImportJob, ImportStatus
from tdkt.imports.services import import_job_run
from tdkt.imports.tests.conftest import build_workbook, make_person, run_import
from tdkt.imports.validation import (
    DATE_ORDER,
    DUPLICATE_PERSON,
    DUPLICATE_RATING,
    PERSON_OUT_OF_SCOPE,
    PERSON_UNKNOWN,
    RECRUITED_UNDER_18,
    START_REQUIRED_ON_TRANSFER,
    TRANSFER_TOO_EARLY,
    UNIT_NOT_VALID,
    UNIT_OUT_OF_SCOPE,
    UNIT_UNKNOWN,
    YEAR_OUT_OF_RANGE,
)
from tdkt.imports.workbook import BAD_CHOICE, BAD_DATE, EXAMPLE_CODE, MISSING_COLUMN, REQUIRED
from tdkt.people.models import (
    Absence,
    Assignment,
    Discipline,
    Freeze,
    Person,
    TaskRating,
    YearlyRating,
)

D = dt.date
REASON = "Nhập từ Excel: nhap.xlsx"
FACT_MODELS = (Person, Assignment, YearlyRating, Absence, Discipline, Freeze)


def good_sheets():
    """Two new persons (one by labels without diacritics), one transfer, facts of each kind."""
    return {
        "CanBo": [
            [EXAMPLE_CODE, "Ví dụ", "Nam", D(1985, 3, 15), "", "", "KHONG-CO", D(2008, 9, 1)],
            [
                "CB001",
                "Nguyễn Thị  Lan",
                "nu",
                "15/03/1985",
                "KSV_TC",
                "kiem sat vien",
                "HN",
                D(2008, 9, 1),
                None,
                None,
            ],
            [
                "CB002",
                "Trần Văn Minh",
                "Nam",
                D(1990, 1, 2),
                "Chuyên viên",
                "CV",
                "HN-P1",
                "01/02/2012",
                "01/03/2015",
                "31/12/2024",
            ],
            [
                "CB003",
                "Cán bộ CB003",
                "Nam",
                D(1980, 1, 1),
                "Kiểm sát viên trung cấp",
                "Kiểm sát viên",
                "HN-P1",
                D(2005, 1, 1),
                D(2024, 1, 1),
                None,
            ],
        ],
        "XepLoai": [
            ["CB001", 2023, "HTXSNV"],
            ["CB001", 2024.0, "hoan thanh tot nhiem vu"],
            ["CB003", "2023", "Hoàn thành nhiệm vụ"],
        ],
        "NghiPhep": [["CB001", "Nghỉ thai sản", D(2024, 2, 1), D(2024, 7, 31), None]],
        "KyLuat": [
            [
                "CB002",
                "Khiển trách",
                "12/QĐ-VKS",
                D(2023, 5, 10),
                D(2023, 5, 10),
                D(2024, 5, 9),
                "Vi phạm quy chế",
            ],
        ],
        "TamDung": [["CB003", "DISCIPLINARY_REVIEW", D(2025, 3, 1), None, ""]],
    }


@pytest.fixture
def cb003(org):
    """An existing KSV of Hà Nội since 2019, rated HTTNV in 2023."""
    person = make_person("CB003", org.hanoi, start=D(2019, 1, 1))
    YearlyRating.objects.create(person=person, year=2023, rating=TaskRating.HTTNV)
    return person


def test_good_file_imports_everything(officer, org, cb003):
    job = run_import(officer, build_workbook(good_sheets()))

    assert job.status == ImportStatus.SUCCEEDED, job.errors
    assert job.counts == {
        "CanBo": {"created": 2, "updated": 1, "unchanged": 0},
        "XepLoai": {"created": 2, "updated": 1, "unchanged": 0},
        "NghiPhep": {"created": 1, "updated": 0, "unchanged": 0},
        "KyLuat": {"created": 1, "updated": 0, "unchanged": 0},
        "TamDung": {"created": 1, "updated": 0, "unchanged": 0},
    }
    assert job.total_rows == job.processed_rows == 9
    lan = Person.objects.get(code="CB001")
    assert (lan.full_name, lan.gender, lan.date_of_birth, lan.rank, lan.position) == (
        "Nguyễn Thị Lan",
        "F",
        D(1985, 3, 15),
        "KSV_TC",
        "KSV",
    )
    assert lan.unit == org.hanoi and lan.search_text == "nguyen thi lan cb001"
    assert list(lan.assignments.values_list("unit__code", "start", "end")) == [
        ("HN", D(2008, 9, 1), None)
    ]
    minh = Person.objects.get(code="CB002")
    assert minh.leaving_date == D(2024, 12, 31)
    assert list(minh.assignments.values_list("unit__code", "start", "end")) == [
        ("HN-P1", D(2015, 3, 1), D(2024, 12, 31))
    ]
    assert not Person.objects.filter(code=EXAMPLE_CODE).exists()


def test_transfer_closes_the_old_assignment(officer, org, cb003):
    run_import(officer, build_workbook(good_sheets()))

    cb003.refresh_from_db()
    assert cb003.unit == org.division
    assert cb003.version == 2
    assert list(cb003.assignments.order_by("start").values_list("unit__code", "start", "end")) == [
        ("HN", D(2019, 1, 1), D(2023, 12, 31)),
        ("HN-P1", D(2024, 1, 1), None),
    ]
    latest = cb003.history.first()
    assert latest.history_change_reason == REASON
    assert latest.history_user.username == "officer"


def test_facts_are_written(officer, org, cb003):
    run_import(officer, build_workbook(good_sheets()))

    ratings = YearlyRating.objects.order_by("person__code", "year")
    assert list(ratings.values_list("person__code", "year", "rating")) == [
        ("CB001", 2023, "HTXSNV"),
        ("CB001", 2024, "HTTNV"),
        ("CB003", 2023, "HTNV"),
    ]
    assert list(Absence.objects.values_list("person__code", "reason", "start", "end", "note")) == [
        ("CB001", "MATERNITY", D(2024, 2, 1), D(2024, 7, 31), "")
    ]
    discipline = Discipline.objects.get()
    assert (discipline.person.code, discipline.level, discipline.decision_number) == (
        "CB002",
        "KHIEN_TRACH",
        "12/QĐ-VKS",
    )
    assert list(Freeze.objects.values_list("person__code", "reason", "start", "end")) == [
        ("CB003", "DISCIPLINARY_REVIEW", D(2025, 3, 1), None)
    ]
    assert YearlyRating.history.filter(history_change_reason=REASON).count() == 3


def _row_counts():
    counts = {model.__name__: model.objects.count() for model in FACT_MODELS}
    counts |= {f"History{m.__name__}": m.history.count() for m in FACT_MODELS}
    return counts


def test_same_file_twice_changes_nothing(officer, org, cb003):
    content = build_workbook(good_sheets())
    run_import(officer, content)
    before = _row_counts()
    versions = dict(Person.objects.values_list("code", "version"))

    again = run_import(officer, content)

    assert again.status == ImportStatus.SUCCEEDED
    assert _row_counts() == before
    assert dict(Person.objects.values_list("code", "version")) == versions
    assert again.counts == {
        "CanBo": {"created": 0, "updated": 0, "unchanged": 3},
        "XepLoai": {"created": 0, "updated": 0, "unchanged": 3},
        "NghiPhep": {"created": 0, "updated": 0, "unchanged": 1},
        "KyLuat": {"created": 0, "updated": 0, "unchanged": 1},
        "TamDung": {"created": 0, "updated": 0, "unchanged": 1},
    }


def test_only_changed_fields_are_updated(officer, org, cb003):
    sheets = good_sheets()
    run_import(officer, build_workbook(sheets))
    sheets["CanBo"][1][1] = "Nguyễn Thị Lan Anh"

    job = run_import(officer, build_workbook({"CanBo": sheets["CanBo"]}))

    assert job.counts["CanBo"] == {"created": 0, "updated": 1, "unchanged": 2}
    lan = Person.objects.get(code="CB001")
    assert lan.full_name == "Nguyễn Thị Lan Anh" and lan.version == 2
    assert lan.assignments.count() == 1
    assert lan.history.count() == 2


def bad_sheets(hcm_person_code):
    return {
        "CanBo": [
            ["CB010", None, "Nam", D(1985, 1, 1), "", "", "HN", D(2010, 1, 1)],
            ["CB011", "Lê Văn B", "Nam", D(1985, 1, 1), "", "", "KHONG-CO", D(2010, 1, 1)],
            ["CB010", "Lê Văn C", "Nam", D(1985, 1, 1), "", "", "HN", D(2010, 1, 1)],
            ["CB012", "Lê Văn D", "Nam", "31/02/1985", "", "", "HN", D(2010, 1, 1)],
            ["CB013", "Lê Văn E", "Nam", D(1985, 1, 1), "", "", "HCM", D(2010, 1, 1)],
            [
                "CB014",
                "Lê Văn F",
                "Nam",
                D(1985, 1, 1),
                "",
                "",
                "HN-HUYEN",
                D(2010, 1, 1),
                D(2025, 8, 1),
            ],
            [
                "CB015",
                "Lê Văn G",
                "Bê đê",
                D(1995, 1, 1),
                "",
                "",
                "HN",
                D(2010, 1, 1),
                None,
                D(2009, 12, 31),
            ],
        ],
        "XepLoai": [
            ["CB011", 1999, "HTXSNV"],
            ["CB999", 2024, "HTXSNV"],
            ["CB011", 2024, "Xuất sắc"],
            ["CB011", 2024, "HTNV"],
        ],
        "NghiPhep": [["CB011", "Ốm đau", D(2024, 3, 10), D(2024, 3, 1), ""]],
        "TamDung": [[hcm_person_code, "Đang bị điều tra", D(2025, 1, 1), None, ""]],
    }


def test_bad_file_imports_nothing_and_lists_every_error(officer, org):
    make_person("HCM01", org.hcm)
    before = _row_counts()
    headers = {
        "KyLuat": ["Mã cán bộ", "Hình thức", "Số quyết định", "Từ ngày", "Đến ngày", "Lý do"]
    }
    sheets = bad_sheets("HCM01") | {"KyLuat": [["CB011", "Cảnh cáo", "1", D(2024, 1, 1)]]}

    job = run_import(officer, build_workbook(sheets, headers=headers))

    assert job.status == ImportStatus.FAILED
    assert _row_counts() == before
    allowed_gender = "Nam (M); Nữ (F)"
    allowed_rating = "; ".join(f"{label} ({code})" for code, label in TaskRating.choices)
    expected = [
        ("CanBo", 2, "Họ và tên", REQUIRED),
        ("CanBo", 3, "Mã đơn vị", UNIT_UNKNOWN.format(code="KHONG-CO")),
        ("CanBo", 4, "Mã cán bộ", DUPLICATE_PERSON.format(code="CB010", first_row=2)),
        ("CanBo", 5, "Ngày sinh", BAD_DATE.format(value="31/02/1985")),
        ("CanBo", 6, "Mã đơn vị", UNIT_OUT_OF_SCOPE.format(code="HCM")),
        ("CanBo", 7, "Mã đơn vị", UNIT_NOT_VALID.format(code="HN-HUYEN", day="01/08/2025")),
        ("CanBo", 8, "Giới tính", BAD_CHOICE.format(value="Bê đê", allowed=allowed_gender)),
        (
            "CanBo",
            8,
            "Ngày tuyển dụng",
            RECRUITED_UNDER_18.format(value="01/01/2010", born="01/01/1995"),
        ),
        (
            "CanBo",
            8,
            "Ngày thôi công tác",
            DATE_ORDER.format(
                column="Ngày thôi công tác",
                value="31/12/2009",
                other="Ngày tuyển dụng",
                other_value="01/01/2010",
            ),
        ),
        (
            "XepLoai",
            2,
            "Năm",
            YEAR_OUT_OF_RANGE.format(year=1999, low=2000, high=dt.date.today().year),
        ),
        ("XepLoai", 3, "Mã cán bộ", PERSON_UNKNOWN.format(code="CB999")),
        ("XepLoai", 4, "Xếp loại", BAD_CHOICE.format(value="Xuất sắc", allowed=allowed_rating)),
        ("XepLoai", 5, "Mã cán bộ", DUPLICATE_RATING.format(code="CB011", year=2024, first_row=4)),
        (
            "NghiPhep",
            2,
            "Đến ngày",
            DATE_ORDER.format(
                column="Đến ngày", value="01/03/2024", other="Từ ngày", other_value="10/03/2024"
            ),
        ),
        ("KyLuat", 1, "Ngày quyết định", MISSING_COLUMN.format(column="Ngày quyết định")),
        ("TamDung", 2, "Mã cán bộ", PERSON_UNKNOWN.format(code="HCM01")),
    ]
    assert job.errors == [
        {"sheet": sheet, "row": row, "column": column, "message": message}
        for sheet, row, column, message in expected
    ]
    assert job.error_count == len(expected)


def test_officer_cannot_change_a_person_outside_their_scope(officer, org):
    make_person("HCM01", org.hcm)
    row = ["HCM01", "Đổi tên", "Nam", D(1980, 1, 1), "", "", "HN", D(2005, 1, 1), D(2024, 1, 1)]

    job = run_import(officer, build_workbook({"CanBo": [row]}))

    assert job.status == ImportStatus.FAILED
    assert [e["message"] for e in job.errors] == [PERSON_OUT_OF_SCOPE.format(code="HCM01")]
    assert Person.objects.get(code="HCM01").unit == org.hcm


def test_transfer_needs_a_start(officer, org, cb003):
    row = ["CB003", "Cán bộ CB003", "Nam", D(1980, 1, 1), "", "", "HN-P1", D(2005, 1, 1)]

    job = run_import(officer, build_workbook({"CanBo": [row]}))

    assert job.errors == [
        {
            "sheet": "CanBo",
            "row": 2,
            "column": "Ngày bắt đầu tại đơn vị",
            "message": START_REQUIRED_ON_TRANSFER.format(old="HN", new="HN-P1"),
        }
    ]


def test_transfer_must_start_after_the_current_assignment(officer, org, cb003):
    row = ["CB003", "Cán bộ CB003", "Nam", D(1980, 1, 1), "", "", "HN-P1", D(2005, 1, 1)]

    job = run_import(officer, build_workbook({"CanBo": [[*row, D(2018, 1, 1)]]}))

    message = TRANSFER_TOO_EARLY.format(day="01/01/2018", old="HN", old_start="01/01/2019")
    assert [(e["column"], e["message"]) for e in job.errors] == [
        ("Ngày bắt đầu tại đơn vị", message)
    ]


def test_superuser_may_import_anywhere(org, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", password="x-Secret-123")
    row = ["CB020", "Phạm Thị H", "Nữ", D(1990, 5, 5), "", "", "HCM", D(2015, 1, 1)]

    job = run_import(admin, build_workbook({"CanBo": [row]}))

    assert job.status == ImportStatus.SUCCEEDED
    assert Person.objects.get(code="CB020").assignments.get().start == D(2015, 1, 1)


def test_empty_file_fails_with_a_message(officer):
    from tdkt.imports.validation import NO_ROWS

    job = run_import(officer, build_workbook({"CanBo": []}))

    assert job.status == ImportStatus.FAILED
    assert job.errors == [{"sheet": "", "row": 0, "column": "", "message": NO_ROWS}]


def test_officer_cannot_import_into_a_unit_outside_their_scope(officer, org):
    row = ["CB030", "Đỗ Văn P", "Nam", D(1990, 1, 1), "", "", "HCM", D(2015, 1, 1)]

    job = run_import(officer, build_workbook({"CanBo": [row]}))

    assert job.status == ImportStatus.FAILED
    assert [(e["column"], e["message"]) for e in job.errors] == [
        ("Mã đơn vị", UNIT_OUT_OF_SCOPE.format(code="HCM"))
    ]
    assert not Person.objects.exists()


def test_unexpected_failure_writes_nothing_and_fails_the_job(officer, org, monkeypatch):
    from tdkt.imports import writing
    from tdkt.imports.services import SYSTEM_ERROR

    def explode(**kwargs):
        writing.Person.objects.create(
            code="HALF",
            full_name="x",
            gender="M",
            date_of_birth=D(1990, 1, 1),
            recruitment_date=D(2010, 1, 1),
            unit=org.hanoi,
        )
        raise RuntimeError("boom")

    monkeypatch.setattr("tdkt.imports.services.write_import", writing.transaction.atomic(explode))
    row = ["CB031", "Đỗ Văn Q", "Nam", D(1990, 1, 1), "", "", "HN", D(2015, 1, 1)]

    with pytest.raises(RuntimeError):
        run_import(officer, build_workbook({"CanBo": [row]}))

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.FAILED
    assert [e["message"] for e in job.errors] == [SYSTEM_ERROR]
    assert not Person.objects.exists()


def test_a_job_runs_only_once(officer, org):
    row = ["CB032", "Đỗ Văn R", "Nam", D(1990, 1, 1), "", "", "HN", D(2015, 1, 1)]
    job = run_import(officer, build_workbook({"CanBo": [row]}))

    import_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.counts["CanBo"]["created"] == 1
    assert Person.history.count() == 1


@pytest.fixture
def low_parameter_limit():
    """SQLite built with the old limit of 999 parameters per statement."""
    connection.ensure_connection()
    raw = connection.connection
    previous = raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    yield
    raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, previous)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite parameter limit")
def test_many_changes_are_written_in_batches(officer, org, low_parameter_limit):
    rows = [
        [f"CB{n:04}", f"Người {n}", "Nam", D(1980, 1, 1), "", "", "HN", D(2005, 1, 1)]
        for n in range(300)
    ]
    run_import(officer, build_workbook({"CanBo": rows}))
    for row in rows:
        row[1] += " Mới"
        row[6:] = ["HN-P1", D(2005, 1, 1), D(2025, 9, 1)]

    job = run_import(officer, build_workbook({"CanBo": rows}))

    assert job.counts["CanBo"] == {"created": 0, "updated": 300, "unchanged": 0}
    assert Person.objects.filter(full_name__endswith=" Mới", unit=org.division).count() == 300
    assert Assignment.objects.filter(end=D(2025, 8, 31)).count() == 300


def test_an_edit_made_during_the_import_is_never_overwritten(officer, org, cb003, monkeypatch):
    from tdkt.imports import services as import_services
    from tdkt.imports.writing import CONCURRENT_EDIT
    from tdkt.people.services import person_update

    real_check_rows = import_services.check_rows

    def check_then_someone_edits(**kwargs):
        real_check_rows(**kwargs)
        person = Person.objects.get(code="CB003")
        person_update(
            person=person, expected_version=person.version, reason="Sửa tay", rank="KSV_CC"
        )

    monkeypatch.setattr(import_services, "check_rows", check_then_someone_edits)
    row = ["CB003", "Tên Khác", "Nam", D(1985, 3, 1), "", "", "HN", D(2019, 1, 1)]
    run_import(officer, build_workbook({"CanBo": [row]}))

    job = ImportJob.objects.get()
    assert job.status == ImportStatus.FAILED
    assert job.errors[0]["message"] == CONCURRENT_EDIT.format(count=1, code="CB003")
    person = Person.objects.get(code="CB003")
    assert person.rank == "KSV_CC" and person.full_name != "Tên Khác"
