"""The tally: thresholds and their denominators from the rule parameters, boundaries, lines
advanced in one transaction, closing twice harmless."""

import datetime as dt
from fractions import Fraction

import pytest

from tdkt.council.models import AgendaItem, Choice, MeetingStatus
from tdkt.council.services.ballots import ballot_cast, written_ballot_record
from tdkt.council.services.meetings import voting_close
from tdkt.council.thresholds import Threshold, computation, quorum_on, threshold_for
from tdkt.proposals.models import AppraisalAction, LineStatus

pytestmark = pytest.mark.django_db

VOTERS = ["chu.tich", "pho.chu.tich", "uy.vien.1", "uy.vien.2", "uy.vien.3"]


def test_parameters_of_codes_and_defaults():
    day = dt.date(2026, 12, 15)
    nganh = threshold_for("CSTD_NGANH", day)
    assert (nganh.share, nganh.denominator, nganh.strict) == (Fraction(9, 10), "total", False)
    default = threshold_for("LDTT", day)
    assert (default.share, default.denominator, default.strict) == (Fraction(1, 2), "total", True)
    assert default.unsure
    assert quorum_on(day).share == Fraction(2, 3)


@pytest.mark.parametrize(
    ("agree", "base", "expected"),
    [(18, 20, True), (17, 20, False), (9, 10, True), (8, 10, False), (20, 20, True)],
)
def test_ninety_percent_boundary(agree, base, expected):
    threshold = Threshold(Fraction(9, 10), "total", False, "", False)
    assert threshold.passes(agree, base) is expected


@pytest.mark.parametrize(
    ("agree", "base", "expected"), [(11, 20, True), (10, 20, False), (3, 5, True), (2, 5, False)]
)
def test_majority_boundary_is_strict(agree, base, expected):
    threshold = Threshold(Fraction(1, 2), "total", True, "", False)
    assert threshold.passes(agree, base) is expected


def test_computation_text():
    assert (
        computation(18, 20, Fraction(9, 10), "total", False)
        == "18/20 = 90,0% ≥ 90% tổng số thành viên"
    )
    assert (
        computation(17, 20, Fraction(9, 10), "total", False)
        == "17/20 = 85,0% < 90% tổng số thành viên"
    )
    assert (
        computation(10, 20, Fraction(1, 2), "total", True)
        == "10/20 = 50,0% ≤ 50% tổng số thành viên"
    )


def _cast(meeting, seats, plan: dict[str, list[str]]):
    """``plan``: member name → one choice per agenda position."""
    items = list(meeting.items.order_by("position").values_list("pk", flat=True))
    for name, choices in plan.items():
        ballot_cast(
            meeting=meeting, user=seats[name], choices=dict(zip(items, choices, strict=True))
        )


def _result(meeting):
    return {
        item.line.award_type.code: item
        for item in AgendaItem.objects.filter(meeting=meeting).select_related("line__award_type")
    }


A, D, X = Choice.AGREE, Choice.DISAGREE, Choice.ABSTAIN


def test_total_membership_denominator(voting_meeting, seats, lines):
    """Positions: CSTD_NGANH, CSTDCS, LDTT (by the catalogue's order). Four of five vote:
    CSTĐ ngành needs 90% of the five members (4.5 → 5): four agree is not enough even though
    every voter agreed; the majority codes need more than 2.5 agree."""
    order = [
        item.line.award_type.code
        for item in voting_meeting.items.order_by("position").select_related("line__award_type")
    ]
    plan = {name: [A, A, A] for name in VOTERS[:4]}
    plan["uy.vien.2"] = [A, D, A]
    plan["uy.vien.1"] = [A, X, A]
    plan = {
        k: [v[order.index(c)] for c in ["CSTD_NGANH", "CSTDCS", "LDTT"]] for k, v in plan.items()
    }
    _cast(voting_meeting, seats, plan)
    meeting = voting_close(meeting=voting_meeting, user=seats["chu.tich"])
    result = _result(meeting)
    nganh = result["CSTD_NGANH"]
    assert (nganh.agree, nganh.disagree, nganh.abstain, nganh.not_voted, nganh.base) == (
        4,
        0,
        0,
        1,
        5,
    )
    assert nganh.passed is False
    assert result["CSTDCS"].agree == 2 and result["CSTDCS"].passed is False
    assert result["LDTT"].agree == 4 and result["LDTT"].passed is True
    statuses = {line.award_type.code: line for line in lines}
    for code, item in result.items():
        statuses[code].refresh_from_db()
        expected = LineStatus.PASSED if item.passed else LineStatus.NOT_PASSED
        assert statuses[code].status == expected
        step = statuses[code].appraisals.latest("at")
        assert step.action in (AppraisalAction.PASSED, AppraisalAction.NOT_PASSED)


def test_present_denominator(voting_meeting, seats, settings, monkeypatch):
    """With the ``present`` denominator, 90% is counted on the members who voted: 4 of 4."""
    from tdkt.council import thresholds

    real = thresholds.threshold_for

    def present_based(code, day):
        found = real(code, day)
        return Threshold(found.share, "present", found.strict, found.citation, found.unsure)

    monkeypatch.setattr("tdkt.council.services.meetings.threshold_for", present_based)
    items = list(voting_meeting.items.values_list("pk", flat=True))
    for name in VOTERS[:4]:
        ballot_cast(meeting=voting_meeting, user=seats[name], choices=dict.fromkeys(items, A))
    meeting = voting_close(meeting=voting_meeting, user=seats["chu.tich"])
    nganh = _result(meeting)["CSTD_NGANH"]
    assert (nganh.agree, nganh.base, nganh.passed) == (4, 4, True)


def test_present_denominator_one_below(voting_meeting, seats, monkeypatch):
    from tdkt.council import thresholds

    real = thresholds.threshold_for
    monkeypatch.setattr(
        "tdkt.council.services.meetings.threshold_for",
        lambda code, day: Threshold(real(code, day).share, "present", False, "", False),
    )
    items = list(voting_meeting.items.values_list("pk", flat=True))
    for name in VOTERS[:4]:
        ballot_cast(meeting=voting_meeting, user=seats[name], choices=dict.fromkeys(items, A))
    ballot_cast(meeting=voting_meeting, user=seats["uy.vien.3"], choices=dict.fromkeys(items, X))
    meeting = voting_close(meeting=voting_meeting, user=seats["chu.tich"])
    nganh = _result(meeting)["CSTD_NGANH"]
    assert (nganh.agree, nganh.abstain, nganh.base, nganh.passed) == (4, 1, 5, False)


def test_closing_twice_is_harmless(voting_meeting, seats, lines):
    items = list(voting_meeting.items.values_list("pk", flat=True))
    for name in VOTERS:
        ballot_cast(meeting=voting_meeting, user=seats[name], choices=dict.fromkeys(items, A))
    first = voting_close(meeting=voting_meeting, user=seats["chu.tich"])
    version = first.version
    again = voting_close(meeting=voting_meeting, user=seats["chu.tich"])
    assert again.status == MeetingStatus.CLOSED and again.version == version
    for line in lines:
        line.refresh_from_db()
        assert line.status == LineStatus.PASSED
        assert line.appraisals.filter(action=AppraisalAction.PASSED).count() == 1


def test_close_rolls_back_when_a_line_moved_meanwhile(voting_meeting, seats, lines):
    from tdkt.core.errors import DomainError

    lines[0].status = LineStatus.REJECTED
    lines[0].save()
    with pytest.raises(DomainError):
        voting_close(meeting=voting_meeting, user=seats["chu.tich"])
    voting_meeting.refresh_from_db()
    assert voting_meeting.status == MeetingStatus.VOTING
    lines[1].refresh_from_db()
    assert lines[1].status == LineStatus.ACCEPTED
    assert AgendaItem.objects.filter(meeting=voting_meeting, passed__isnull=False).count() == 0


def test_written_ballot_counts_in_totals(ready_meeting, council, seats, users):
    from tdkt.council.services.meetings import attendance_set, voting_open

    present = council.members.exclude(user=seats["uy.vien.3"]).exclude(role="SECRETARY")
    attendance_set(
        meeting=ready_meeting,
        member_ids=[m.pk for m in present],
        user=users["sector"],
        expected_version=ready_meeting.version,
    )
    ready_meeting.refresh_from_db()
    meeting = voting_open(
        meeting=ready_meeting, user=users["sector"], expected_version=ready_meeting.version
    )
    items = list(meeting.items.values_list("pk", flat=True))
    for name in VOTERS[:4]:
        ballot_cast(meeting=meeting, user=seats[name], choices=dict.fromkeys(items, A))
    written_ballot_record(
        meeting=meeting,
        member=council.members.get(user=seats["uy.vien.3"]),
        user=seats["thu.ky"],
        choices=dict.fromkeys(items, A),
    )
    meeting = voting_close(meeting=meeting, user=seats["chu.tich"])
    nganh = _result(meeting)["CSTD_NGANH"]
    assert (nganh.agree, nganh.not_voted, nganh.base, nganh.passed) == (5, 0, 5, True)
