"""The change history of a unit."""

from tdkt.core.history import Change, changes_of
from tdkt.org.models import Unit


def unit_history(unit: Unit) -> list[Change]:
    """Every recorded change to the unit, newest first. One query."""
    records = (
        Unit.history.filter(id=unit.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    return sorted(changes_of(Unit, records), key=lambda c: c.when, reverse=True)
