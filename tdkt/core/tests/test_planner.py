"""The planner's statistics are refreshed after migrate and on demand."""

import pytest
from django.core.management import call_command
from django.db import connection

from tdkt.core.planner import refresh_planner_statistics

pytestmark = pytest.mark.django_db


def _analysed_tables() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        else:
            # ANALYZE writes the row estimate into the catalog, inside the transaction
            cursor.execute(
                "SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > 0"
                " AND relnamespace = 'public'::regnamespace"
            )
        return {row[0] for row in cursor.fetchall()}


def _an_initiative(person):
    from tdkt.initiatives.models import Initiative

    initiative = Initiative.objects.create(title="Sổ tay", unit=person.unit, year=2025)
    initiative.authors.add(person)


def test_migrate_leaves_the_tables_analysed(people):
    # migrate (here with nothing left to apply) ends with ANALYZE, so a table a migration has
    # just rebuilt is never planned from guesses (SQLite records only tables that have rows)
    _an_initiative(people["duc"])
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM sqlite_stat1")
    call_command("migrate", verbosity=0)
    assert {"initiatives_initiative", "initiatives_initiative_authors"} <= _analysed_tables()


def test_refresh_runs_on_demand(people):
    refresh_planner_statistics()
    assert "people_person" in _analysed_tables()
