"""Properties of the individual higher awards that must hold for any history: what never counts
(revoked, ad hoc and thematic awards) cannot help, a shorter history cannot help, and an open
freeze always blocks."""

import datetime as dt
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt.rules.engine import evaluate, reference_date_for
from tdkt.rules.facts import AwardFact, Discipline, Freeze, InitiativeFact, PersonHistory
from tdkt.rules.verdicts import Outcome

FIRST_YEAR = {
    "CSTD_NGANH": 2016,
    "CSTD_TQ": 2016,
    "BK_NGANH": 2024,
    "BK_TTG": 2016,
    "HCLD3": 2024,
    "KNC_VSNKS": 2016,
}
LAST_YEAR = 2026
RANK = {Outcome.NOT_ELIGIBLE: 0, Outcome.NEEDS_REVIEW: 1, Outcome.ELIGIBLE: 2}
HELD_CODES = ("CSTDCS", "CSTDCS", "CSTDCS", "CSTD_NGANH", "BK_NGANH", "BK_TTG", "KNC_VSNKS")
PROFILE = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

years = st.integers(2012, LAST_YEAR)
any_rating = st.sampled_from(["HTXSNV", "HTTNV", "HTNV", "KHTNV", None])
good_rating = st.sampled_from(["HTXSNV"] * 10 + ["HTTNV"] * 5 + ["HTNV", None])
kinds = st.sampled_from(["CONG_TRANG"] * 12 + ["DOT_XUAT", "CHUYEN_DE"])
scopes = st.sampled_from([None, "CO_SO", "CO_SO", "CO_SO", "NGANH", "NGANH", "TOAN_QUOC"])


def _award(draw, code: str, year: int, index: int) -> AwardFact:
    revoked = draw(st.integers(0, 12)) == 0
    return AwardFact(code, year, draw(kinds), revoked=revoked, id=f"a{index}")


def _ratings(draw, streak_from: int) -> dict[int, str]:
    by_year = {
        y: draw(good_rating if y >= streak_from else any_rating) for y in range(2012, LAST_YEAR + 1)
    }
    return {y: r for y, r in by_year.items() if r is not None}


def _awards(draw, ratings: dict[int, str], streak_from: int) -> tuple[AwardFact, ...]:
    awards = []
    for year, rating in sorted(ratings.items()):
        if rating == "HTXSNV" and draw(st.integers(0, 5)):
            awards.append(_award(draw, "CSTDCS", year, len(awards)))
    for code in ("BK_NGANH", "BK_TTG", "CSTD_NGANH", "CSTD_NGANH", "KNC_VSNKS"):
        if draw(st.integers(0, 2)):
            year = draw(st.integers(streak_from - 3, streak_from + 4))
            awards.append(_award(draw, code, year, len(awards)))
    return tuple(awards)


def _initiatives(draw, streak_from: int, awards) -> tuple[InitiativeFact, ...]:
    used = [""] * 8 + [a.id for a in awards][:3]
    when = st.integers(max(streak_from, 2012), LAST_YEAR)
    return tuple(
        InitiativeFact(
            f"s{i}",
            f"Sáng kiến {i}",
            year,
            dt.date(year, 6, 1) if draw(st.integers(0, 9)) else None,
            draw(scopes),
            draw(st.sampled_from(used)),
        )
        for i, year in enumerate(draw(st.lists(when, min_size=1, max_size=14)))
    )


@st.composite
def questions(draw):
    """(person, code, year): a career with a good streak from a random year (good ratings,
    CSTĐCS in most excellent years, certificates and sector titles around its start,
    initiatives within it) and random defects, asked about a year inside the streak, so that
    every code is reached on both sides."""
    code = draw(st.sampled_from(sorted(FIRST_YEAR)))
    streak_from = draw(st.integers(2012, 2024))
    year = draw(st.integers(max(FIRST_YEAR[code], streak_from + 1), LAST_YEAR))
    ratings = _ratings(draw, streak_from)
    awards = _awards(draw, ratings, streak_from)
    person = PersonHistory(
        id="p",
        name="",
        recruitment_date=dt.date(draw(st.integers(1995, 2012)), draw(st.integers(1, 12)), 1),
        ratings=ratings,
        awards=awards,
        initiatives=_initiatives(draw, streak_from, awards),
        disciplines=draw(disciplines()),
    )
    return person, code, year


@st.composite
def disciplines(draw):
    if draw(st.integers(0, 5)):
        return ()
    start = dt.date(draw(years), draw(st.integers(1, 12)), 1)
    end = start + dt.timedelta(days=draw(st.integers(30, 500)))
    level = draw(st.sampled_from(["KHIEN_TRACH", "CANH_CAO"]))
    return (Discipline(level, start, start, end),)


def _base(ratings: dict[int, str], awards, initiatives=()) -> PersonHistory:
    return PersonHistory(
        id="p",
        name="",
        recruitment_date=dt.date(2005, 1, 1),
        ratings=ratings,
        awards=tuple(AwardFact(code, year, id=f"b{i}") for i, (code, year) in enumerate(awards)),
        initiatives=tuple(
            InitiativeFact(f"k{i}", f"Sáng kiến {i}", year, dt.date(year, 6, 1), scope)
            for i, (year, scope) in enumerate(initiatives)
        ),
    )


GOOD = {y: "HTXSNV" for y in range(2012, LAST_YEAR + 1)}
ELIGIBLE_BASES = {
    "CSTD_NGANH": _base(GOOD, [("CSTDCS", 2022), ("CSTDCS", 2023)], [(2023, "NGANH")]),
    "CSTD_TQ": _base(
        GOOD,
        [("CSTDCS", y) for y in range(2018, 2024)] + [("CSTD_NGANH", 2020), ("CSTD_NGANH", 2023)],
        [(2022, "TOAN_QUOC")],
    ),
    "BK_NGANH": _base(GOOD, [("CSTDCS", 2023)], [(2023, "CO_SO"), (2024, "CO_SO")]),
    "BK_TTG": _base(GOOD, [("BK_NGANH", 2018), ("CSTDCS", 2020), ("CSTDCS", 2022)]),
    "HCLD3": _base(GOOD, [("BK_TTG", 2018), ("CSTDCS", 2020), ("CSTDCS", 2022)]),
    "KNC_VSNKS": _base(GOOD, []),
}
"""Histories that meet every condition for 2024 (CSTĐ ngành and toàn quốc: all but the
council's judgement)."""


@st.composite
def mutated(draw):
    """(person, code, year): a history meeting the conditions for 2024, changed at random in a
    few places (an award or initiative dropped, a rating changed, an award or initiative
    added), asked mostly about 2024."""
    code = draw(st.sampled_from(sorted(ELIGIBLE_BASES)))
    person = ELIGIBLE_BASES[code]
    for _ in range(draw(st.integers(0, 2))):
        person = draw(st.sampled_from(MUTATIONS))(draw, person)
    year = draw(st.sampled_from([2024, 2024, 2025, 2023 if FIRST_YEAR[code] <= 2023 else 2024]))
    return person, code, year


def _drop_award(draw, person):
    if not person.awards:
        return person
    dropped = draw(st.sampled_from(person.awards))
    return replace(person, awards=tuple(a for a in person.awards if a is not dropped))


def _drop_initiative(draw, person):
    if not person.initiatives:
        return person
    dropped = draw(st.sampled_from(person.initiatives))
    return replace(person, initiatives=tuple(i for i in person.initiatives if i is not dropped))


def _change_rating(draw, person):
    year = draw(st.integers(2016, LAST_YEAR))
    return replace(person, ratings={**person.ratings, year: draw(any_rating) or "HTNV"})


def _add_award(draw, person):
    award = _award(draw, draw(st.sampled_from(HELD_CODES)), draw(years), len(person.awards))
    return replace(person, awards=person.awards + (award,))


def _add_initiative(draw, person):
    year = draw(st.integers(2016, LAST_YEAR))
    used = draw(st.sampled_from(["", "", "b0", "elsewhere"]))
    taken = {i.id for i in person.initiatives}
    identifier = next(f"m{n}" for n in range(len(taken) + 1) if f"m{n}" not in taken)
    initiative = InitiativeFact(
        identifier, "Sáng kiến thêm", year, dt.date(year, 3, 1), draw(scopes), used
    )
    return replace(person, initiatives=person.initiatives + (initiative,))


MUTATIONS = (_drop_award, _drop_initiative, _change_rating, _add_award, _add_initiative)


cases = st.one_of(mutated(), mutated(), questions())
"""Mostly histories near eligibility, some random careers."""


def _outcome(person, code, year) -> Outcome:
    return evaluate(person, code, year).outcome


def _with_award(person, award: AwardFact) -> PersonHistory:
    return replace(person, awards=person.awards + (award,))


@PROFILE
@given(cases, st.sampled_from(HELD_CODES), years)
def test_adding_a_revoked_award_changes_no_outcome(question, code, year):
    # given any history, when a revoked award of any code and year is added, nothing changes
    person, asked, asked_year = question
    revoked = AwardFact(code, year, revoked=True, id="revoked")
    after = _outcome(_with_award(person, revoked), asked, asked_year)
    assert after == _outcome(person, asked, asked_year)


@PROFILE
@given(
    st.one_of(mutated(), questions()),
    st.sampled_from(HELD_CODES),
    years,
    st.sampled_from(["DOT_XUAT", "CHUYEN_DE"]),
)
def test_ad_hoc_or_thematic_awards_never_help(question, code, year, kind):
    person, asked, asked_year = question
    extra = AwardFact(code, year, kind=kind, id="extra")
    after = _outcome(_with_award(person, extra), asked, asked_year)
    assert RANK[after] <= RANK[_outcome(person, asked, asked_year)]


@PROFILE
@given(cases, st.data())
def test_removing_a_year_of_cstdcs_never_helps(question, data):
    person, asked, asked_year = question
    held = [a for a in person.awards if a.code == "CSTDCS"]
    if not held:
        return
    removed = data.draw(st.sampled_from(held))
    shorter = replace(person, awards=tuple(a for a in person.awards if a is not removed))
    after = _outcome(shorter, asked, asked_year)
    assert RANK[after] <= RANK[_outcome(person, asked, asked_year)]


@PROFILE
@given(cases, st.data())
def test_removing_a_rating_never_makes_eligible(question, data):
    # a rating removed may turn a refusal into a question (the fact is then unknown), never
    # into eligibility
    person, asked, asked_year = question
    removed = data.draw(st.sampled_from(sorted(person.ratings) or [asked_year]))
    ratings = {y: r for y, r in person.ratings.items() if y != removed}
    after = _outcome(replace(person, ratings=ratings), asked, asked_year)
    assert after != Outcome.ELIGIBLE or _outcome(person, asked, asked_year) == Outcome.ELIGIBLE


@PROFILE
@given(
    st.one_of(mutated(), questions()),
    st.integers(0, 2000),
    st.sampled_from(["INVESTIGATION", "COMPLAINT"]),
)
def test_an_open_freeze_always_blocks(question, days_before, reason):
    person, asked, asked_year = question
    start = reference_date_for(asked, asked_year) - dt.timedelta(days=days_before)
    frozen = replace(person, freezes=(Freeze(reason, start),))
    assert _outcome(frozen, asked, asked_year) == Outcome.NOT_ELIGIBLE


@PROFILE
@given(cases)
def test_counted_initiatives_are_free_recognised_and_distinct(question):
    # the initiatives an eligible or reviewable verdict counts (those an award made on it would
    # consume) are the subject's own, recognised, distinct, and back no other award; marking
    # them used for another award then makes the verdict no better
    person, asked, asked_year = question
    verdict = evaluate(person, asked, asked_year)
    counted = list(verdict.initiatives)
    assert len(counted) == len(set(counted))
    if verdict.outcome == Outcome.NOT_ELIGIBLE:
        assert counted == []
        return
    by_id = {i.id: i for i in person.initiatives}
    held = {a.id for a in person.awards if a.code == asked and a.year == asked_year}
    for initiative_id in counted:
        initiative = by_id[initiative_id]
        assert initiative.recognised_on is not None
        assert initiative.used_for_award in ("", *held)
    if counted:
        consumed = replace(
            person,
            initiatives=tuple(
                replace(i, used_for_award="other") if i.id in counted else i
                for i in person.initiatives
            ),
        )
        after = _outcome(consumed, asked, asked_year)
        assert RANK[after] <= RANK[verdict.outcome]
