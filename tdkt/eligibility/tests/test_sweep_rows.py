"""A sweep's rows say exactly what each subject's full verdict says.

The sweep evaluates many subjects with one engine per batch, through the indexes the histories
keep (awards by code, standing merit years) and with equal texts shared between rows. Here a
generated population is swept and every row is compared with the verdict of a fresh engine for
that subject alone, and the indexes with the plain filters they replace.
"""

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tdkt.eligibility.evaluation import PERSON_KIND, Question, batches_of, evaluate_batch
from tdkt.rules.engine import evaluate, reference_date_for
from tdkt.rules.registry import PERSON, all_codes, version_on, versions_of
from tdkt.rules.tests.test_properties_individual import questions
from tdkt.rules.verdicts import Check, Outcome


def _person_codes(year: int) -> list[str]:
    return [
        code
        for code in all_codes()
        if versions_of(code)[0].subject == PERSON
        and version_on(code, reference_date_for(code, year)) is not None
    ]


def _expected_row(person, code: str, year: int, rank: dict[str, int], position: int) -> tuple:
    verdict = evaluate(person, code, year)
    deciding = {Outcome.NOT_ELIGIBLE: Check.NOT_MET, Outcome.NEEDS_REVIEW: Check.UNKNOWN}
    wanted = deciding.get(verdict.outcome)
    reasons = "; ".join(c.text for c in verdict.conditions if c.check == wanted) if wanted else ""
    return (
        9,
        PERSON_KIND,
        int(person.id),
        int(person.unit_id),
        code,
        rank[code],
        position,
        str(verdict.outcome),
        verdict.rule_id,
        reasons[:999] + "…" if len(reasons) > 1000 else reasons,
        verdict.next_step[:300],
    )


@settings(max_examples=15, deadline=None)
@given(st.lists(questions(), min_size=3, max_size=12), st.integers(2018, 2026))
def test_sweep_rows_match_each_subjects_own_verdict(drawn, year):
    people = [
        replace(person, id=str(number), unit_id="5")
        for number, (person, _code, _year) in enumerate(drawn, start=1)
    ]
    codes = _person_codes(year)
    rank = {code: index for index, code in enumerate(codes)}
    question = Question(job_id=9, year=year, rank=rank)

    rows = []
    for batch in batches_of(PERSON_KIND, people, codes, 4):
        rows += evaluate_batch(question, batch)[0]

    expected = [
        _expected_row(person, code, year, rank, position)
        for position, person in enumerate(people, start=1)
        for code in codes
    ]
    assert rows == expected


@settings(max_examples=40, deadline=None)
@given(questions())
def test_award_indexes_match_the_plain_filters(question):
    person, _code, _year = question
    for code in {a.code for a in person.awards} | {"LDTT", "HCLD3"}:
        assert list(person.awards_of(code)) == [a for a in person.awards if a.code == code]
        assert person.merit_years(code) == {
            a.year for a in person.awards if a.code == code and a.counts_for_merit
        }


def test_rule_ids_name_the_code_and_the_day_the_version_took_effect():
    version = version_on("LDTT", dt.date(2025, 12, 31))
    assert version.id == f"LDTT@{version.effective.isoformat()}"
    assert version.id is version.id
