"""Benchmark: the eligibility sweep on the database as it is (no domain data is created).

    uv run --frozen python bench/sweep.py [--year 2025] [--runs 3] [--user tdkt.nganh]
                                          [--small-user tdkt.hanoi] [--job]

Uses the configured database (``TDKT_VAR_DIR`` or ``DATABASE_URL``); run ``demo_data`` first.
For the user's reach (default: the sector officer, who reaches everything) it prints the median
and the 95th percentile over ``--runs`` runs of:

- the time to load every history (persons, then units with their members' statistics);
- the time to evaluate every subject for every code whose rules cover the year, result rows
  included (in up to ``evaluation.PROCESSES`` worker processes, as the job does);
- subjects per second of the whole sweep (load and evaluation);
- the number of SQL queries of the whole sweep, and the same for ``--small-user`` (one
  province), which must be equal: the count does not depend on the number of subjects;
- the floor: the same history rows fetched raw (the same ``values_list`` querysets, no Python
  processing), and the ratio of the whole sweep to it;
- the CPU time of the load and of the evaluation: this process's (``time.process_time``) plus
  that of its worker processes (``os.times``, counted once they have exited). On a shared
  machine the wall times depend on what else runs; the CPU times much less.

With ``--job`` it also runs one complete background job (``sweep_run``: load, evaluate and
store every result row), and deletes it afterwards.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402  (sibling module of this script)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--user", default="tdkt.nganh")
    parser.add_argument("--small-user", default="tdkt.hanoi")
    parser.add_argument("--job", action="store_true", help="also run one complete sweep job")
    return parser.parse_args()


def _timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def _cpu() -> float:
    """CPU seconds used so far by this process and by its exited worker processes."""
    times = os.times()
    return time.process_time() + times.children_user + times.children_system


def _p95(values: list[float]) -> float:
    """The 95th percentile, interpolated between the closest ranks."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=20, method="inclusive")[-1]


def sweep_once(user, year: int) -> dict:
    """Load and evaluate everything in ``user``'s reach for ``year``; times and counts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tdkt.accounts.scope import reach_of
    from tdkt.eligibility.codes import codes_for
    from tdkt.eligibility.evaluation import (
        PERSON_KIND,
        PROCESSES,
        UNIT_KIND,
        Question,
        batches_of,
        evaluate_batches,
    )
    from tdkt.eligibility.selectors import load_subjects
    from tdkt.eligibility.services import PROGRESS_EVERY, collector_paused
    from tdkt.rules.registry import PERSON, UNIT

    reach_of(user)  # the user's reach is computed once per request, before any page work
    cpu_started = _cpu()
    with collector_paused(), CaptureQueriesContext(connection) as queries:
        person_codes, unit_codes = codes_for(PERSON, year), codes_for(UNIT, year)
        load, subjects = _timed(load_subjects, user=user, year=year)
    query_count = len(queries.captured_queries)
    cpu_loaded = _cpu()

    def evaluate() -> int:
        question = Question(0, year, {c: r for r, c in enumerate(person_codes + unit_codes)})
        people = subjects.people.values()
        batches = (
            batches_of(PERSON_KIND, people, person_codes, PROGRESS_EVERY),
            batches_of(
                UNIT_KIND,
                subjects.units.values(),
                unit_codes,
                PROGRESS_EVERY,
                first_position=len(people),
                engine=subjects.engine,
            ),
        )
        return sum(
            len(rows) for group in batches for _b, rows, _c in evaluate_batches(question, group)
        )

    with collector_paused():
        evaluation, verdicts = _timed(evaluate)
    return {
        "load": load,
        "evaluate": evaluation,
        "load_cpu": cpu_loaded - cpu_started,
        "evaluate_cpu": _cpu() - cpu_loaded,
        "queries": query_count,
        "persons": len(subjects.people),
        "units": len(subjects.units),
        "verdicts": verdicts,
        "codes": len(person_codes) + len(unit_codes),
        "processes": PROCESSES,
    }


def floor_once(user, year: int) -> tuple[float, int]:
    """Fetch the rows a sweep reads, raw: the same querysets, no Python processing."""
    from tdkt.eligibility.histories import member_assignments, person_fact_rows, unit_fact_rows
    from tdkt.eligibility.selectors import sweep_persons, sweep_units

    started = time.perf_counter()
    querysets = list(person_fact_rows(sweep_persons(user, year)).values())
    querysets += list(unit_fact_rows(sweep_units(user, year)).values())
    rows = sum(len(list(queryset)) for queryset in querysets)
    tree_ids = [pk for pk, _parent, _type in unit_fact_rows(sweep_units(user, year))["tree"]]
    rows += len(list(member_assignments(tree_ids, [year]).values_list("person_id", "unit_id")))
    return time.perf_counter() - started, rows


def run_job(user, year: int) -> None:
    from tdkt.eligibility.codes import catalog_order
    from tdkt.eligibility.models import SweepJob
    from tdkt.eligibility.services import sweep_run

    job = SweepJob.objects.create(created_by=user, year=year, codes=catalog_order())
    seconds, _ = _timed(sweep_run, job_id=job.pk)
    job.refresh_from_db()
    stored = job.results.count()
    print(
        f"Complete job (load, evaluate, store {stored} result rows): {seconds:.2f} s,"
        f" status {job.status}"
    )
    job.delete()


def main() -> None:
    arguments = _arguments()
    pages.setup_django()
    from django.db import connection

    from tdkt.accounts.models import User

    user = User.objects.get(username=arguments.user)
    small = User.objects.get(username=arguments.small_user)
    year = arguments.year
    print(f"Database: {connection.vendor}; year {year}; user {user.username}")
    sweep_once(user, year)  # warm-up: imports, rule registry, parameters, caches
    runs = [sweep_once(user, year) for _ in range(arguments.runs)]
    floors = [floor_once(user, year) for _ in range(arguments.runs)]
    small_run = sweep_once(small, year)

    def both(values) -> str:
        values = list(values)
        return f"{statistics.median(values):6.2f} s (p95 {_p95(values):5.2f} s)"

    wholes = [r["load"] + r["evaluate"] for r in runs]
    floor = statistics.median(seconds for seconds, _rows in floors)
    first = runs[0]
    subjects = first["persons"] + first["units"]
    whole = statistics.median(wholes)
    print(
        f"Subjects: {first['persons']} persons, {first['units']} units;"
        f" {first['codes']} codes; {first['verdicts']} verdicts; {len(runs)} runs"
    )
    print(f"Load histories:     {both(r['load'] for r in runs)}")
    print(
        f"Evaluate:           {both(r['evaluate'] for r in runs)}"
        f"  (up to {first['processes']} processes)"
    )
    print(f"Whole sweep:        {both(wholes)}  ({subjects / whole:,.0f} subjects/s)")
    print(
        f"CPU time:           load {statistics.median(r['load_cpu'] for r in runs):.2f} s,"
        f" evaluate {statistics.median(r['evaluate_cpu'] for r in runs):.2f} s"
        " (this process and its workers, medians)"
    )
    print(
        f"Queries:            {first['queries']} ({user.username}, {subjects} subjects);"
        f" {small_run['queries']} ({small.username},"
        f" {small_run['persons'] + small_run['units']} subjects)"
    )
    print(f"Floor (raw fetch):  {both(seconds for seconds, _rows in floors)}")
    print(f"                    ({floors[0][1]:,} rows)")
    print(f"Ratio to floor:     {whole / floor:6.2f} (medians); p95 {_p95(wholes) / floor:.2f}")
    if arguments.job:
        run_job(user, year)


if __name__ == "__main__":
    main()
