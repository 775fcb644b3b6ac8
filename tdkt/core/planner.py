"""Keep the database's query planner informed of the tables' sizes.

SQLite plans joins from the statistics that ``ANALYZE`` stores in ``sqlite_stat1``. A database
that has never been analysed, or a table that a migration has just rebuilt (Django alters a
SQLite table by copying it, which drops its statistics), is planned from built-in guesses, and a
guess can be very wrong: the histories' initiatives query took 41 s instead of 0.03 s on the
full demo after one such rebuild. So SQLite's statistics are refreshed after every ``migrate``.
After the demo data are generated both databases are analysed: PostgreSQL's autovacuum would
do it later, and a bulk load planned from stale counts in the meantime is slow.
"""

from django.db import connections


def refresh_planner_statistics(using: str = "default") -> None:
    """Run ``ANALYZE`` on the database ``using`` (0.1 s on the full demo in SQLite). Inside a
    transaction it also counts that transaction's own rows; the demo calls it after its
    transaction has committed, so other connections' plans use the new counts too."""
    connection = connections[using]
    if connection.vendor not in ("sqlite", "postgresql"):
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def after_migrate(sender, using="default", plan=None, **kwargs) -> None:
    """``post_migrate`` receiver (connected once, by the core app): SQLite only.

    ``flush`` sends the signal too, without a plan: an emptied database needs no statistics.
    PostgreSQL alters tables in place and keeps their statistics, and analysing at migrate time
    would be harmful there: on a new, empty database it records every table as empty, and a
    table's row estimate is written in place (a rollback does not undo it), so the planner goes
    on believing it empty until autovacuum analyses it again; rows written inside a test's
    transaction never reach autovacuum, and the test suite's larger cases then ran for minutes.
    """
    if plan is None or connections[using].vendor != "sqlite":
        return
    refresh_planner_statistics(using)
