"""Evaluate many subjects for many codes: batches of histories in, result rows and counts out.

Nothing here touches the database. That is what makes it safe to evaluate the batches of a large
sweep in forked worker processes: the histories are already in memory and are inherited by the
workers without being copied or serialised, and only the result rows travel back (with equal
texts shared, about 5 MB for the full demo instead of 40 MB). On the 2-core machine the full
demo's 134,000 verdicts take about 3.9 s of CPU: 2.0 s in two processes when both cores are
free. Small sweeps, and processes that run threads (where forking is unsafe), stay in one
process; the results are the same either way.
"""

import multiprocessing
import os
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tdkt.rules.engine import Engine
from tdkt.rules.facts import PersonHistory, UnitHistory
from tdkt.rules.verdicts import Check, Outcome, Verdict

PROCESSES = min(os.cpu_count() or 1, 4)
"""Worker processes for a large sweep (the evaluation is pure CPU work)."""
PARALLEL_MIN_BATCHES = 4
"""Below this many batches, starting workers costs more than it saves."""
REASONS_MAX = 1000
NEXT_STEP_MAX = 300
PERSON_KIND, UNIT_KIND = "P", "C"
"""The values of ``SweepResult.subject_kind``."""


@dataclass(frozen=True)
class Question:
    """What a sweep asks of every subject: its job, the year, and the rank of each code."""

    job_id: int
    year: int
    rank: dict[str, int]


@dataclass(frozen=True)
class Batch:
    """Subjects evaluated together with one engine, and their place in the sweep's order.

    ``engine`` is the engine to use when one already holds verdicts the batch needs (the units'
    member statistics); otherwise each batch gets a fresh one, which keeps memory flat.
    """

    kind: str
    first_position: int
    histories: tuple[PersonHistory | UnitHistory, ...]
    codes: tuple[str, ...]
    engine: Engine | None = None


def batches_of(
    kind: str,
    histories: Iterable,
    codes: list[str],
    size: int,
    *,
    first_position: int = 0,
    engine: Engine | None = None,
) -> list[Batch]:
    """``histories`` cut into batches of ``size``, positions counted from ``first_position``."""
    items = tuple(histories)
    return [
        Batch(kind, first_position + start, items[start : start + size], tuple(codes), engine)
        for start in range(0, len(items), size)
    ]


def evaluate_batch(question: Question, batch: Batch) -> tuple[list[tuple], dict[str, Counter]]:
    """One result row per subject and code (in ``RESULT_COLUMNS`` order) and the count of
    outcomes per code.

    Equal texts in the rows are one shared string (``texts``): a batch's rows repeat a few
    dozen reasons thousands of times, and a worker process sends each shared string back to
    the parent once.
    """
    engine = batch.engine or Engine()
    evaluate = engine.evaluate
    rows: list[tuple] = []
    counts: dict[str, Counter] = {code: Counter() for code in batch.codes}
    texts: dict[str, str] = {}
    shared = texts.setdefault
    is_person = batch.kind == PERSON_KIND
    job_id, year, rank, kind = question.job_id, question.year, question.rank, batch.kind
    for offset, history in enumerate(batch.histories):
        person_id = int(history.id) if is_person else None
        unit_id = int(history.unit_id if is_person else history.id)
        position = batch.first_position + offset + 1
        for code in batch.codes:
            verdict = evaluate(history, code, year)
            outcome = verdict.outcome.value
            counts[code][outcome] += 1
            reasons = reasons_summary(verdict)
            next_step = verdict.next_step[:NEXT_STEP_MAX]
            rows.append(
                (
                    job_id,
                    kind,
                    person_id,
                    unit_id,
                    code,
                    rank[code],
                    position,
                    outcome,
                    verdict.rule_id,
                    shared(reasons, reasons),
                    shared(next_step, next_step),
                )
            )
    return rows, counts


def evaluate_batches(
    question: Question, batches: list[Batch]
) -> Iterator[tuple[Batch, list[tuple], dict[str, Counter]]]:
    """Each batch with its rows and counts, in order; in worker processes when it pays."""
    processes = _processes(batches)
    if processes < 2:
        for batch in batches:
            yield batch, *evaluate_batch(question, batch)
        return
    _release_connections()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_share, initargs=(question, batches)) as pool:
        for batch, (rows, counts) in zip(
            batches, pool.imap(_evaluate_nth, range(len(batches))), strict=True
        ):
            yield batch, rows, counts


def _release_connections() -> None:
    """Close this process's idle database connections before forking, so that no worker
    inherits a database socket; the parent reconnects on its next query. Connections inside a
    transaction stay open (the workers never use them)."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()


def _processes(batches: list[Batch]) -> int:
    if len(batches) < PARALLEL_MIN_BATCHES or PROCESSES < 2:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods() or not single_threaded():
        return 1
    if any(batch.engine is not None for batch in batches):
        return 1
    return min(PROCESSES, len(batches))


def single_threaded() -> bool:
    """Whether this process runs one thread only (counting threads not started by Python's
    ``threading``, as the interpreter's own fork warning does)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


_shared: tuple[Question, list[Batch]] | None = None
"""In a worker process only: the sweep's question and batches, inherited from the parent."""


def _share(question: Question, batches: list[Batch]) -> None:
    global _shared
    _shared = (question, batches)


def _evaluate_nth(index: int) -> tuple[list[tuple], dict[str, Counter]]:
    question, batches = _shared
    return evaluate_batch(question, batches[index])


DECIDING_CHECK = {Outcome.NOT_ELIGIBLE: Check.NOT_MET, Outcome.NEEDS_REVIEW: Check.UNKNOWN}
"""The check of the conditions that decide each outcome other than eligible."""


def reasons_summary(verdict: Verdict) -> str:
    """The conditions that decided the outcome, in one line: those not met when not eligible,
    those unknown when the verdict needs review, nothing when eligible."""
    wanted = DECIDING_CHECK.get(verdict.outcome)
    if wanted is None:
        return ""
    text = "; ".join([c.text for c in verdict.conditions if c.check == wanted])
    return text if len(text) <= REASONS_MAX else text[: REASONS_MAX - 1] + "…"
