"""Properties of the collective titles' rules that must hold for any unit, in every period."""

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tdkt.rules.engine import evaluate
from tdkt.rules.facts import AwardFact, Freeze, MemberStats, UnitHistory
from tdkt.rules.verdicts import Outcome

CODES = ("TTLDTT", "TTLDXS", "CO_NGANH", "CO_CP")
RANK = {Outcome.NOT_ELIGIBLE: 0, Outcome.NEEDS_REVIEW: 1, Outcome.ELIGIBLE: 2}
# (evaluation year, reference date): both sides of 31/12/2023 | 1/1/2024 and 30/9 | 1/10/2024.
MOMENTS = (
    (2023, dt.date(2023, 12, 31)),
    (2024, dt.date(2024, 1, 1)),
    (2024, dt.date(2024, 9, 30)),
    (2024, dt.date(2024, 10, 1)),
    (2025, dt.date(2025, 12, 31)),
)
OLD_RULES = MOMENTS[0]


@st.composite
def member_stats(draw):
    members = draw(st.integers(1, 60))
    advanced = draw(st.integers(0, members))
    return MemberStats(
        members=members,
        completed=draw(st.sampled_from([members, draw(st.integers(0, members))])),
        advanced=advanced,
        fighters=draw(st.integers(0, advanced)),
        warned_or_worse=draw(st.sampled_from([0, 0, draw(st.integers(0, members))])),
    )


@st.composite
def units(draw, year: int):
    stats = draw(st.one_of(st.none(), member_stats()))
    rating = draw(st.sampled_from([None, "HTXSNV", "HTXSNV", "HTTNV", "HTNV"]))
    leader = draw(st.sampled_from([None, True, False]))
    return UnitHistory(
        id="u",
        name="Đơn vị thử",
        unit_type=draw(st.sampled_from(["PROVINCIAL", "SUPREME_UNIT", "DISTRICT"])),
        ratings={year: rating} if rating else {},
        members={year: stats} if stats else {},
        cluster_leader={year: leader} if leader is not None else {},
    )


def cases():
    return st.sampled_from(MOMENTS).flatmap(
        lambda moment: st.tuples(st.just(moment), st.sampled_from(CODES), units(moment[0]))
    )


def _outcome(unit, code, moment):
    year, ref = moment
    return evaluate(unit, code, year, ref).outcome


def _with_stats(unit, year, **changes):
    stats = dataclasses.replace(unit.members[year], **changes)
    return dataclasses.replace(unit, members={**unit.members, year: stats})


@settings(max_examples=300, deadline=None)
@given(cases())
def test_more_advanced_workers_never_make_the_outcome_worse(case):
    moment, code, unit = case
    year = moment[0]
    stats = unit.members.get(year)
    if stats is None or stats.advanced == stats.members:
        return
    better = _with_stats(unit, year, advanced=stats.advanced + 1)

    assert RANK[_outcome(better, code, moment)] >= RANK[_outcome(unit, code, moment)]


@settings(max_examples=300, deadline=None)
@given(cases())
def test_a_warned_member_never_helps(case):
    moment, code, unit = case
    year = moment[0]
    stats = unit.members.get(year)
    if stats is None or stats.warned_or_worse == stats.members:
        return
    worse = _with_stats(unit, year, warned_or_worse=stats.warned_or_worse + 1)

    assert RANK[_outcome(worse, code, moment)] <= RANK[_outcome(unit, code, moment)]


@settings(max_examples=200, deadline=None)
@given(units(OLD_RULES[0]), st.sampled_from(["TTLDTT", "TTLDXS", "CO_NGANH"]))
def test_under_the_old_rules_a_warned_member_excludes_the_unit(unit, code):
    year = OLD_RULES[0]
    if year not in unit.members:
        return
    warned = _with_stats(unit, year, warned_or_worse=1)

    assert _outcome(warned, code, OLD_RULES) == Outcome.NOT_ELIGIBLE


@settings(max_examples=300, deadline=None)
@given(
    cases(),
    st.sampled_from(["TTLDTT", "TTLDXS", "CO_NGANH"]),
    st.sampled_from([{"revoked": True}, {"kind": "DOT_XUAT"}, {"kind": "CHUYEN_DE"}]),
)
def test_revoked_and_ad_hoc_awards_change_nothing(case, award_code, how):
    moment, code, unit = case
    award = AwardFact(code=award_code, year=moment[0], **how)
    with_award = dataclasses.replace(unit, awards=(award,))

    assert _outcome(with_award, code, moment) == _outcome(unit, code, moment)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_a_freeze_open_on_the_reference_date_is_never_eligible(case):
    moment, code, unit = case
    frozen = dataclasses.replace(unit, freezes=(Freeze("INVESTIGATION", moment[1]),))

    assert _outcome(frozen, code, moment) == Outcome.NOT_ELIGIBLE


@settings(max_examples=200, deadline=None)
@given(cases())
def test_missing_member_results_are_never_eligible(case):
    moment, code, unit = case
    if code == "CO_CP" or any(a.code == "TTLDXS" for a in unit.awards):
        return
    without = dataclasses.replace(unit, members={})

    assert _outcome(without, code, moment) != Outcome.ELIGIBLE
