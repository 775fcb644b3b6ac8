"""Evaluating batches of subjects: the same rows in one process or in several."""

import datetime as dt

import pytest

from tdkt.eligibility import evaluation
from tdkt.eligibility.evaluation import PERSON_KIND, Question, batches_of, evaluate_batches
from tdkt.rules.facts import AwardFact, PersonHistory

YEAR = 2024


def _person(number: int) -> PersonHistory:
    rating = ("HTXSNV", "HTTNV", "HTNV")[number % 3]
    return PersonHistory(
        id=str(number),
        name=f"Cán bộ {number}",
        recruitment_date=dt.date(2010, 1, 1),
        ratings={YEAR - 1: "HTTNV", YEAR: rating},
        awards=(AwardFact("LDTT", YEAR - 1, id=f"a{number}"),),
        unit_id="7",
    )


def _sweep(batch_size: int):
    question = Question(job_id=1, year=YEAR, rank={"LDTT": 0, "CSTDCS": 1})
    batches = batches_of(PERSON_KIND, map(_person, range(12)), ["LDTT", "CSTDCS"], batch_size)
    return batches, list(evaluate_batches(question, batches))


def test_rows_follow_the_subjects_order_with_positions_and_ranks():
    _batches, results = _sweep(5)

    rows = [row for _batch, batch_rows, _counts in results for row in batch_rows]
    assert len(rows) == 24
    assert [row[6] for row in rows[:4]] == [1, 1, 2, 2]
    assert [(row[4], row[5]) for row in rows[:2]] == [("LDTT", 0), ("CSTDCS", 1)]
    first = rows[0]
    assert first[:4] == (1, "P", 0, 7)
    assert first[7] == "ELIGIBLE" and first[9] == ""


def test_worker_processes_give_the_same_rows_as_one_process(monkeypatch):
    if not evaluation.single_threaded():
        pytest.skip("this test process runs threads (pytest-xdist): workers are not forked")
    _batches, alone = _sweep(2)
    monkeypatch.setattr(evaluation, "PROCESSES", 2)

    batches, together = _sweep(2)

    assert evaluation._processes(batches) == 2
    assert [(rows, counts) for _b, rows, counts in together] == [
        (rows, counts) for _b, rows, counts in alone
    ]


def test_small_sweeps_threads_and_shared_engines_keep_one_process(monkeypatch):
    monkeypatch.setattr(evaluation, "PROCESSES", 2)
    monkeypatch.setattr(evaluation, "single_threaded", lambda: False)
    many = batches_of(PERSON_KIND, map(_person, range(8)), ["LDTT"], 1)
    assert evaluation._processes(many) == 1
    monkeypatch.setattr(evaluation, "single_threaded", lambda: True)
    few = batches_of(PERSON_KIND, map(_person, range(3)), ["LDTT"], 1)
    shared = batches_of(PERSON_KIND, map(_person, range(8)), ["LDTT"], 1, engine=object())

    assert evaluation._processes(few) == 1
    assert evaluation._processes(shared) == 1


def test_a_failure_in_a_worker_reaches_the_caller(monkeypatch):
    if not evaluation.single_threaded():
        pytest.skip("this test process runs threads (pytest-xdist): workers are not forked")
    monkeypatch.setattr(evaluation, "PROCESSES", 2)

    def broken(verdict):
        raise RuntimeError("rule bug")

    monkeypatch.setattr(evaluation, "reasons_summary", broken)

    with pytest.raises(RuntimeError):
        _sweep(2)
