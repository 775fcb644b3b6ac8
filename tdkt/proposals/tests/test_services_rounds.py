"""Rounds: opened, edited and closed by the sector officer only, with every refusal."""

import datetime as dt

import pytest

from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.emulation.services.movements import MovementInput, movement_create
from tdkt.proposals.models import RoundStatus
from tdkt.proposals.services import rounds as services
from tdkt.proposals.services.proposals import line_add
from tdkt.proposals.tests.conftest import round_input

pytestmark = pytest.mark.django_db


def test_sector_officer_opens_an_annual_round(users):
    round_ = services.round_create(data=round_input(), user=users["sector"])
    assert round_.is_open
    assert set(round_.award_types.values_list("code", flat=True)) == {"LDTT", "CSTDCS", "TTLDXS"}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": "  "}, services.NAME_REQUIRED),
        ({"year": 1999}, services.YEAR_OUT_OF_RANGE),
        ({"award_types": []}, services.CODES_REQUIRED),
        ({"kind": "CHUYEN_DE"}, services.MOVEMENT_REQUIRED),
        ({"kind": "DOT_XUAT"}, services.CASE_REQUIRED),
        ({"simplified_case": "2"}, services.CASE_NOT_ALLOWED),
        ({"submission_deadline": dt.date(1800, 1, 1)}, services.DATE_IMPLAUSIBLE),
    ],
)
def test_bad_rounds_are_refused(users, overrides, message):
    with pytest.raises(DomainError) as caught:
        services.round_create(data=round_input(**overrides), user=users["sector"])
    assert caught.value.message == message


def test_deadlines_must_be_in_order(users):
    data = round_input(
        submission_deadline=dt.date(2026, 12, 20), appraisal_deadline=dt.date(2026, 12, 10)
    )
    with pytest.raises(DomainError) as caught:
        services.round_create(data=data, user=users["sector"])
    assert caught.value.message == services.DEADLINES_REVERSED


def test_unit_officer_cannot_open_a_round(users):
    with pytest.raises(DomainError) as caught:
        services.round_create(data=round_input(), user=users["hanoi_officer"])
    assert caught.value.message == services.NOT_MANAGER


def test_thematic_round_needs_a_movement_of_its_year(org, users):
    movement = movement_create(
        data=MovementInput(
            name="Phong trào chuyên đề", kind="CHUYEN_DE", launched_by=org.root,
            start_year=2025, end_year=2025,
        )
    )  # fmt: skip
    data = round_input(kind="CHUYEN_DE", movement=movement)
    with pytest.raises(DomainError) as caught:
        services.round_create(data=data, user=users["sector"])
    assert "không diễn ra trong năm 2026" in caught.value.message
    movement.end_year = 2026
    movement.save()
    assert services.round_create(data=data, user=users["sector"]).movement == movement


def test_ad_hoc_round_names_its_simplified_case(users):
    data = round_input(kind="DOT_XUAT", simplified_case="2")
    assert services.round_create(data=data, user=users["sector"]).simplified_case == "2"


def test_stale_edit_is_refused(annual, users):
    services.round_update(
        round_=annual, data=round_input(name="Mới"), expected_version=1, user=users["sector"]
    )
    with pytest.raises(StaleEditError):
        services.round_update(
            round_=annual, data=round_input(name="Khác"), expected_version=1, user=users["sector"]
        )
    annual.refresh_from_db()
    assert annual.name == "Mới"


def test_a_code_in_use_cannot_be_dropped(duc_line, annual, users):
    data = round_input(award_types=list(AwardType.objects.filter(code="CSTDCS")))
    with pytest.raises(DomainError) as caught:
        services.round_update(
            round_=annual, data=data, expected_version=annual.version, user=users["sector"]
        )
    assert "LDTT" in caught.value.message


def test_close_is_idempotent_and_blocks_edits(annual, hanoi_proposal, people, users):
    closed = services.round_close(round_=annual, user=users["sector"])
    assert closed.status == RoundStatus.CLOSED
    version = closed.version
    again = services.round_close(round_=closed, user=users["sector"])
    assert again.version == version
    with pytest.raises(DomainError) as caught:
        line_add(
            proposal=hanoi_proposal,
            person=people["duc"],
            award_type=AwardType.objects.get(code="LDTT"),
            user=users["hanoi_officer"],
        )
    assert caught.value.code == "round_closed"
    with pytest.raises(DomainError):
        services.round_update(
            round_=closed, data=round_input(), expected_version=None, user=users["sector"]
        )


def test_unit_officer_cannot_close(annual, users):
    with pytest.raises(DomainError):
        services.round_close(round_=annual, user=users["hanoi_officer"])


def test_year_cannot_change_once_lines_exist(duc_line, annual, users):
    with pytest.raises(DomainError) as caught:
        services.round_update(
            round_=annual, data=round_input(year=2025), expected_version=None, user=users["sector"]
        )
    assert caught.value.field == "year"


def test_appraisal_deadline_counts_working_days_after_the_submission_deadline(users):
    from tdkt.core.models import PublicHoliday

    # Friday 11/12/2026; with Monday 14/12 a day off, 3 working days later is Thursday 17/12.
    PublicHoliday.objects.create(date=dt.date(2026, 12, 14), name="Ngày nghỉ thử")
    data = round_input(
        submission_deadline=dt.date(2026, 12, 11),
        appraisal_deadline=None,
        appraisal_working_days=3,
    )
    round_ = services.round_create(data=data, user=users["sector"])
    assert round_.appraisal_deadline == dt.date(2026, 12, 17)
    assert round_.appraisal_working_days == 3


def test_a_typed_deadline_must_agree_with_the_working_days(users):
    data = round_input(
        submission_deadline=dt.date(2026, 12, 11),
        appraisal_deadline=dt.date(2026, 12, 31),
        appraisal_working_days=3,
    )
    with pytest.raises(DomainError) as caught:
        services.round_create(data=data, user=users["sector"])
    assert caught.value.field == "appraisal_deadline"
    assert "16/12/2026" in caught.value.message and "31/12/2026" in caught.value.message
    agreeing = round_input(
        submission_deadline=dt.date(2026, 12, 11),
        appraisal_deadline=dt.date(2026, 12, 16),
        appraisal_working_days=3,
    )
    assert services.round_create(data=agreeing, user=users["sector"]).appraisal_deadline == (
        dt.date(2026, 12, 16)
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"appraisal_deadline": None}, "appraisal_deadline"),
        ({"appraisal_deadline": None, "appraisal_working_days": 0}, "appraisal_working_days"),
        ({"appraisal_deadline": None, "appraisal_working_days": 121}, "appraisal_working_days"),
    ],
)
def test_missing_or_impossible_appraisal_deadline_is_refused(users, overrides, field):
    with pytest.raises(DomainError) as caught:
        services.round_create(data=round_input(**overrides), user=users["sector"])
    assert caught.value.field == field


def test_editing_the_submission_deadline_moves_a_working_day_deadline(annual, users):
    data = round_input(
        submission_deadline=dt.date(2026, 12, 11),
        appraisal_deadline=None,
        appraisal_working_days=10,
    )
    services.round_update(round_=annual, data=data, expected_version=annual.version)
    moved = round_input(
        submission_deadline=dt.date(2026, 12, 18),
        appraisal_deadline=None,
        appraisal_working_days=10,
    )
    annual.refresh_from_db()
    services.round_update(round_=annual, data=moved, expected_version=annual.version)
    annual.refresh_from_db()
    assert annual.appraisal_deadline == dt.date(2027, 1, 4)  # 1/1/2027 is a holiday


@pytest.mark.parametrize(
    ("kind", "codes", "refused"),
    [
        ("KY_NIEM_CHUONG", ["KNC_VSNKS", "BK_NGANH"], "BK_NGANH"),
        ("NHA_NUOC", ["CSTD_TQ", "CSTD_NGANH"], "CSTD_NGANH"),
        ("HANG_NAM", ["LDTT", "KNC_VSNKS"], "KNC_VSNKS"),
    ],
)
def test_a_round_takes_only_the_codes_of_its_kind(users, kind, codes, refused):
    data = round_input(kind=kind, award_types=list(AwardType.objects.filter(code__in=codes)))
    with pytest.raises(DomainError) as caught:
        services.round_create(data=data, user=users["sector"])
    assert caught.value.field == "award_types"
    assert refused in caught.value.message
    assert codes[0] not in caught.value.message.split(";")[-1]


def test_medal_and_state_rounds_take_their_own_codes(users):
    medal = round_input(
        kind="KY_NIEM_CHUONG", award_types=list(AwardType.objects.filter(code="KNC_VSNKS"))
    )
    assert services.round_create(data=medal, user=users["sector"]).kind == "KY_NIEM_CHUONG"
    state = round_input(
        kind="NHA_NUOC",
        award_types=list(AwardType.objects.filter(code__in=["CSTD_TQ", "BK_TTG", "HCLD3"])),
    )
    assert services.round_create(data=state, user=users["sector"]).kind == "NHA_NUOC"


def test_a_day_added_to_or_removed_from_the_calendar_moves_open_working_day_deadlines(users):
    from tdkt.core.workdays import holiday_add, holiday_delete

    counted = services.round_create(
        data=round_input(
            submission_deadline=dt.date(2026, 12, 11),
            appraisal_deadline=None,
            appraisal_working_days=3,
        ),
        user=users["sector"],
    )
    typed = services.round_create(
        data=round_input(
            name="Hạn nhập tay",
            submission_deadline=dt.date(2026, 12, 11),
            appraisal_deadline=dt.date(2026, 12, 16),
        ),
        user=users["sector"],
    )
    assert counted.appraisal_deadline == dt.date(2026, 12, 16)
    holiday = holiday_add(date=dt.date(2026, 12, 15), name="Ngày nghỉ thử")
    counted.refresh_from_db()
    typed.refresh_from_db()
    assert counted.appraisal_deadline == dt.date(2026, 12, 17)
    assert typed.appraisal_deadline == dt.date(2026, 12, 16)  # a typed date stays
    assert counted.history.first().history_change_reason == "Lịch ngày nghỉ thay đổi"
    holiday_delete(holiday=holiday)
    counted.refresh_from_db()
    assert counted.appraisal_deadline == dt.date(2026, 12, 16)
    services.round_close(round_=counted, user=users["sector"])
    holiday_add(date=dt.date(2026, 12, 14), name="Sau khi đóng đợt")
    counted.refresh_from_db()
    assert counted.appraisal_deadline == dt.date(2026, 12, 16)  # a closed round keeps its date
