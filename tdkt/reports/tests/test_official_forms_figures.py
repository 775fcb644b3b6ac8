"""Every cell of each statistics form on a small, hand-made register: given known awards,
movements, TĐKT units and officers, when a form is drawn, then each figure equals the count
worked out by hand (all other cells zero, the manual cells empty and shaded)."""

import datetime as dt

import pytest

from tdkt.accounts.models import Role
from tdkt.awards.models import Award
from tdkt.awards.services import award_record, award_revoke
from tdkt.catalog.models import AwardType, CommendationKind
from tdkt.emulation.models import Movement, MovementKind
from tdkt.org.models import UnitType
from tdkt.org.services import unit_create
from tdkt.people.models import Assignment, Position, Rank
from tdkt.reports.official_forms.figures import age_row
from tdkt.reports.official_forms.layouts import FORMS, TOTAL
from tdkt.reports.official_forms.report import official_form
from tdkt.reports.official_forms.workbook import MANUAL_NOTE
from tdkt.reports.tests.official_forms_reading import read_form, sheet_texts
from tdkt.testing import make_person, make_user

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)
YEAR = 2024
UNRECORDED_COLUMNS = (
    "medal:C", "medal:P", "hcm_prize:P", "state_prize:P", "heroic_mother:P",
    "armed_forces_hero:C", "armed_forces_hero:P", "merited_teacher:P", "other:C", "other:P",
)  # fmt: skip
"""The 0602 columns of awards the catalog has no type for: medals, the two prizes, the
honorary titles other than Anh hùng Lao động and the other state awards."""


@pytest.fixture
def register(org):
    """Awards, movements, TĐKT units and officers, mostly in Hà Nội, some elsewhere."""
    start = dt.date(2015, 1, 1)
    tdkt_division = unit_create(
        code="VP-TDKT",
        short_name="Phòng Thi đua – Khen thưởng",
        full_name="Phòng Thi đua – Khen thưởng, Văn phòng",
        unit_type=UnitType.DIVISION,
        parent=org.office,
        valid_from=start,
    )
    unit_create(
        code="V16",
        short_name="Vụ Thi đua – Khen thưởng",
        full_name="Vụ Thi đua – Khen thưởng",
        unit_type=UnitType.SUPREME_UNIT,
        parent=org.root,
        valid_from=start,
        valid_to=dt.date(2023, 12, 31),
    )
    hanoi_tdkt = unit_create(
        code="T-HN-TDKT", short_name="Bộ phận Thi đua – Khen thưởng Hà Nội",
        full_name="Bộ phận Thi đua – Khen thưởng, VKSND thành phố Hà Nội",
        unit_type=UnitType.DIVISION, parent=org.hanoi, valid_from=start,
    )  # fmt: skip
    p = {
        "chief": make_person(org.root, "Viện trưởng", position=Position.VIEN_TRUONG),
        "hanoi_head": make_person(org.hanoi, "VT Hà Nội", position=Position.VIEN_TRUONG),
        "division_head": make_person(
            org.hanoi_division, "Trưởng phòng", position=Position.TRUONG_PHONG
        ),
        "prosecutor": make_person(org.hanoi, "Kiểm sát viên"),
        "far": make_person(org.area_phu_tho_1, "Phú Thọ"),
        "tdkt": make_person(
            tdkt_division, "Chuyên viên TĐKT", gender="F", rank=Rank.CV_CHINH,
            date_of_birth=dt.date(1990, 6, 1), position=Position.CHUYEN_VIEN,
        ),
        "hanoi_tdkt": make_person(
            hanoi_tdkt, "TĐKT Hà Nội", rank=Rank.CV, date_of_birth=dt.date(2000, 1, 1),
            position=Position.CHUYEN_VIEN,
        ),
        "officer": make_person(
            org.hanoi_division, "Cán bộ kiêm nhiệm", gender="F", rank=Rank.KSV_SO_CAP,
            date_of_birth=dt.date(1970, 1, 1),
        ),
        "promoted": make_person(org.hanoi, "Được bổ nhiệm", position=Position.VIEN_TRUONG),
    }  # fmt: skip
    # "promoted" was a division head until 31/5/2024, head of Hà Nội from 1/6/2024.
    Assignment.objects.filter(person=p["promoted"]).update(start=dt.date(2024, 6, 1))
    Assignment.objects.create(
        person=p["promoted"], unit=org.hanoi_division, position=Position.TRUONG_PHONG,
        start=dt.date(2010, 9, 1), end=dt.date(2024, 5, 31),
    )  # fmt: skip
    make_user("kiemnhiem", (Role.UNIT_OFFICER, org.hanoi), person=p["officer"])
    make_user("xem", (Role.LEADER, org.hanoi), person=p["prosecutor"])

    def award(code, *, person=None, unit=None, day=dt.date(YEAR, 12, 1), kind="CONG_TRANG"):
        return award_record(
            award_type=AwardType.objects.get(code=code), year=min(day.year, YEAR),
            decision_number=f"{code}-{Award.objects.count()}", decision_date=day,
            person=person, unit=unit, kind=kind, reason="Kiểm thử",
        )  # fmt: skip

    award("HCLD3", person=p["chief"])
    award("HCLD3", person=p["hanoi_head"])
    award("BK_TTG", person=p["division_head"], kind=CommendationKind.DOT_XUAT)
    award("BK_TTG", unit=org.hanoi_division)
    award("CO_CP", unit=org.hanoi)
    award("CSTD_TQ", person=p["prosecutor"])
    award("BK_TTG", person=p["promoted"], day=dt.date(YEAR, 3, 1))  # then a division head
    award("AHLD", person=p["far"])  # outside Hà Nội
    award("HCLD2", person=p["prosecutor"], day=dt.date(YEAR - 1, 12, 1))  # another year
    revoked = award("HCLD1", person=p["prosecutor"])
    award_revoke(award=revoked, revoked_on=dt.date(YEAR, 12, 20), reason="Sai", expected_version=1)
    award("BK_NGANH", person=p["prosecutor"], kind=CommendationKind.CHUYEN_DE)
    award("BK_NGANH", unit=org.hanoi_division)
    award("CSTD_NGANH", person=p["division_head"])
    award("CO_NGANH", unit=org.hanoi)
    award("KNC_VSNKS", person=p["hanoi_head"], kind=CommendationKind.CONG_HIEN)
    award("KNC_VSNKS", person=p["far"], kind=CommendationKind.CONG_HIEN)
    award("LDTT", person=p["prosecutor"])  # in no form

    def movement(unit, kind, start, end):
        Movement.objects.create(
            name=f"Phong trào {Movement.objects.count()}", kind=kind, launched_by=unit,
            start_year=start, end_year=end,
        )  # fmt: skip

    movement(org.root, MovementKind.REGULAR, YEAR, YEAR)
    movement(org.root, MovementKind.THEMATIC, YEAR - 2, YEAR + 2)
    movement(org.hanoi, MovementKind.THEMATIC, YEAR, YEAR)
    movement(org.hanoi_division, MovementKind.REGULAR, YEAR - 1, YEAR)
    movement(org.hanoi, MovementKind.THEMATIC, YEAR - 3, YEAR)
    movement(org.phu_tho, MovementKind.REGULAR, YEAR, YEAR)  # dated 2025 unit: other scope
    movement(org.hanoi, MovementKind.REGULAR, YEAR - 5, YEAR - 1)  # over before the year
    return p


def _expect(layout, nonzero: dict, manual: set) -> dict:
    expected = {}
    for row in layout.rows:
        if row.section:
            continue
        for leaf in layout.leaves():
            key = (row.key, leaf.key)
            expected[key] = None if key in manual else nonzero.get(key, 0)
    return expected


def _manual(layout, *, rows=(), columns=()) -> set:
    keys = [(r.key, c.key) for r in layout.rows if not r.section for c in layout.leaves()]
    return {k for k in keys if k[0] in rows or k[1] in columns}


def _form(users, code, unit, year=YEAR):
    return official_form(user=users["sector"], code=code, year=year, unit_id=unit.pk, today=TODAY)


def _cells(**by_row) -> dict:
    """``row=dict(column=value)`` → ``{(row, column): value}``."""
    return {(r, c): v for r, cols in by_row.items() for c, v in cols.items()}


def test_0601_counts_movements_of_the_scope_running_in_the_year(users, register, org):
    result = _form(users, "0601", org.root)
    layout = FORMS["0601"]
    # Root: two sector movements (1 year regular, 5-year thematic). Hà Nội and its division:
    # 1-year thematic, 2-year regular, 4-year thematic. Phú Thọ's 2024 movement: outside its
    # validity but launched in the root's subtree, so it counts as a unit movement (1 year).
    expected = _cells(
        total=dict(total=6, sector=2, unit=4),
        scope_sector=dict(total=2, sector=2),
        scope_unit=dict(total=4, unit=4),
        length_under_1=dict(total=1, unit=1),
        length_1=dict(total=2, sector=1, unit=1),
        length_1_3=dict(total=1, unit=1),
        length_3_5=dict(total=1, unit=1),
        length_5=dict(total=1, sector=1),
        method_thematic=dict(total=3, sector=1, unit=2),
        method_regular=dict(total=3, sector=1, unit=2),
    )
    manual = _manual(layout, rows=("scope_national", "scope_cluster"), columns=("central",))
    sheet, _head, values, shaded = read_form(result.content, layout)
    assert values == _expect(layout, expected, manual)
    assert shaded == manual
    assert MANUAL_NOTE in " ".join(sheet_texts(sheet))


def test_0601_for_hanoi_leaves_out_the_sector_and_other_provinces(users, register, org):
    values = read_form(_form(users, "0601", org.hanoi).content, FORMS["0601"])[2]
    assert values[("total", "total")] == 3
    assert values[("total", "sector")] == 0


def test_0602_counts_state_awards_by_subject_post_and_kind(users, register, org):
    layout = FORMS["0602"]
    # Hà Nội, decided in 2024, standing: HCLD3 (head of Hà Nội), BK_TTG (division head, ad
    # hoc), BK_TTG (the division), CO_CP (Hà Nội), CSTD_TQ (prosecutor), BK_TTG (promoted, then
    # division head). Revoked HCLD1, the 2023 HCLD2 and the chief's HCLD3 (root) are out.
    cols = dict(total=6, **{"HCLD3:P": 1, "BK_TTG:P": 2, "BK_TTG:C": 1, "CO_CP:C": 1})
    cols["CSTD_TQ:P"] = 1
    expected = _cells(
        total=cols,
        submitter_ministry={k: 1 for k in cols},
        collective={"total": 2, "BK_TTG:C": 1, "CO_CP:C": 1},
        individual={"total": 4, "HCLD3:P": 1, "BK_TTG:P": 2, "CSTD_TQ:P": 1},
        lead_dept={"total": 1, "HCLD3:P": 1},
        lead_other={"total": 2, "BK_TTG:P": 2},
        worker={"total": 1, "CSTD_TQ:P": 1},
        kind_regular={"total": 5, "HCLD3:P": 1, "BK_TTG:P": 1, "BK_TTG:C": 1, "CO_CP:C": 1,
                      "CSTD_TQ:P": 1},
        kind_adhoc={"total": 1, "BK_TTG:P": 1},
    )  # fmt: skip
    manual = _manual(layout, rows=("kind_resistance",), columns=UNRECORDED_COLUMNS)
    sheet, _head, values, shaded = read_form(_form(users, "0602", org.hanoi).content, layout)
    assert values == _expect(layout, expected, manual)
    assert shaded == manual
    assert MANUAL_NOTE in " ".join(sheet_texts(sheet))


def test_0602_for_the_sector_counts_the_chief_as_ministry_level(users, register, org):
    values = read_form(_form(users, "0602", org.root).content, FORMS["0602"])[2]
    assert values[("lead_ministry", "HCLD3:P")] == 1
    assert values[("total", "AHLD:P")] == 1
    assert values[("total", "total")] == 8


def test_0603_counts_sector_awards(users, register, org):
    layout = FORMS["0603"]
    values = read_form(_form(users, "0603", org.root).content, layout)[2]
    expected = _cells(
        total=dict(total=6, BK_NGANH=2, CSTD_NGANH=1, CO_NGANH=1, KNC_VSNKS=2),
        collective=dict(total=2, BK_NGANH=1, CO_NGANH=1),
        individual=dict(total=4, BK_NGANH=1, CSTD_NGANH=1, KNC_VSNKS=2),
        lead_dept=dict(total=1, KNC_VSNKS=1),
        lead_other=dict(total=1, CSTD_NGANH=1),
        worker=dict(total=2, BK_NGANH=1, KNC_VSNKS=1),
        kind_regular=dict(total=3, BK_NGANH=1, CSTD_NGANH=1, CO_NGANH=1),
        kind_thematic=dict(total=1, BK_NGANH=1),
        kind_career=dict(total=2, KNC_VSNKS=2),
    )
    assert values == _expect(layout, expected, _manual(layout, rows=("kind_resistance",)))


def test_0604_counts_tdkt_organisations_valid_at_year_end(users, register, org):
    layout = FORMS["0604"]
    values = read_form(_form(users, "0604", org.root).content, layout)[2]
    expected = _cells(total=dict(total=2), division=dict(total=2))
    assert values == _expect(layout, expected, set())
    values_2023 = read_form(_form(users, "0604", org.root, 2023).content, layout)[2]
    assert values_2023[("department", TOTAL)] == 1
    assert values_2023[("total", TOTAL)] == 3


def test_0605_counts_full_and_part_time_tdkt_staff_by_age(users, register, org):
    layout = FORMS["0605"]
    # The Office's specialist also holds a concurrent post in a Hà Nội division: still one person.
    Assignment.objects.create(
        person=register["tdkt"], unit=org.hanoi_division, position=Position.CHUYEN_VIEN,
        start=dt.date(2020, 1, 1),
    )  # fmt: skip
    values = read_form(_form(users, "0605", org.root).content, layout)[2]
    # Full time: the Office's TĐKT specialist (woman, 34 on 31/12/2024) and Hà Nội's (24).
    # Part time: the officer (woman, 54). The leader's person is no TĐKT officer.
    expected = _cells(
        total=dict(total=3, women=2),
        age_30=dict(total=1),
        age_31_40=dict(total=1, women=1),
        age_51_55=dict(total=1, women=1),
    )
    manual = _manual(
        layout,
        rows=(
            "training_elementary", "training_intermediate", "training_college",
            "training_university", "training_postgraduate",
            "tenure_under_5", "tenure_5_10", "tenure_10",
        ),
    )  # fmt: skip
    assert values == _expect(layout, expected, manual)
    hanoi = read_form(_form(users, "0605", org.hanoi).content, layout)[2]
    assert hanoi[("total", "total")] == 2


@pytest.mark.parametrize(
    ("born", "row"),
    [
        (dt.date(1994, 12, 31), "age_30"),
        (dt.date(1993, 12, 31), "age_31_40"),
        (dt.date(1984, 12, 31), "age_31_40"),
        (dt.date(1983, 12, 31), "age_41_50"),
        (dt.date(1974, 12, 31), "age_41_50"),
        (dt.date(1973, 12, 31), "age_51_55"),
        (dt.date(1969, 12, 31), "age_51_55"),
        (dt.date(1968, 12, 31), "age_56_60"),
        (dt.date(1964, 12, 31), "age_56_60"),
        (dt.date(1963, 12, 31), "age_over_60"),
    ],
)
def test_0605_age_brackets_include_both_ends(born, row):
    """Ages 30, 31, 40, 41, 50, 51, 55, 56, 60 and 61 on 31/12/2024 fall in the brackets of
    the form: up to 30, 31–40, 41–50, 51–55, 56–60, over 60."""
    assert age_row(born, dt.date(2024, 12, 31)) == row
