"""The planner's statistics: SQLite's are refreshed after migrate; ANALYZE runs on demand.

On PostgreSQL the tests never let ANALYZE reach the server: its row estimates are written in
place and survive the test's rollback, so an ANALYZE of a nearly empty test database would make
the planner believe the tables stay empty for every later test of the worker.
"""

import pytest
from django.core.management import call_command
from django.db import connection

from tdkt.core.planner import refresh_planner_statistics

pytestmark = pytest.mark.django_db


def _an_initiative(person):
    from tdkt.initiatives.models import Initiative

    initiative = Initiative.objects.create(title="Sổ tay", unit=person.unit, year=2025)
    initiative.authors.add(person)


def _sqlite_analysed_tables() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        return {row[0] for row in cursor.fetchall()}


class _AnalyzeRecorder:
    """An execute wrapper that records ANALYZE statements; on PostgreSQL it does not run them."""

    def __init__(self, run: bool):
        self.run = run
        self.seen: list[str] = []

    def __call__(self, execute, sql, params, many, context):
        if sql.strip().upper().startswith("ANALYZE"):
            self.seen.append(sql)
            if not self.run:
                return None
        return execute(sql, params, many, context)


def test_migrate_analyses_sqlite_only(people):
    # given a table with rows and no statistics
    _an_initiative(people["duc"])
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM sqlite_stat1")
    recorder = _AnalyzeRecorder(run=sqlite)
    # when migrate runs (here with nothing left to apply)
    with connection.execute_wrapper(recorder):
        call_command("migrate", verbosity=0)
    # then SQLite has statistics again (a table a migration rebuilt is never planned from
    # guesses; SQLite records only tables that have rows), PostgreSQL was left alone
    if sqlite:
        assert recorder.seen
        assert {"initiatives_initiative", "initiatives_initiative_authors"} <= (
            _sqlite_analysed_tables()
        )
    else:
        assert recorder.seen == []


def test_flush_does_not_analyse():
    from tdkt.core.planner import after_migrate

    recorder = _AnalyzeRecorder(run=False)
    with connection.execute_wrapper(recorder):
        after_migrate(sender=None, using="default")  # flush sends no plan
    assert recorder.seen == []


def test_refresh_runs_on_demand(people):
    sqlite = connection.vendor == "sqlite"
    recorder = _AnalyzeRecorder(run=sqlite)
    with connection.execute_wrapper(recorder):
        refresh_planner_statistics()
    assert recorder.seen == ["ANALYZE"]
    if sqlite:
        assert "people_person" in _sqlite_analysed_tables()
