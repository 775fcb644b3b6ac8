"""The change history of a person, across the person's facts."""

from tdkt.core.history import Change, changes_of
from tdkt.people.models import Absence, Assignment, Discipline, Freeze, Person, YearlyRating


def person_history(person: Person) -> list[Change]:
    """Every recorded change to the person and their facts, newest first. Six queries."""
    changes = changes_of(
        Person,
        Person.history.filter(id=person.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id"),
    )
    for model in (Assignment, YearlyRating, Absence, Discipline, Freeze):
        records = (
            model.history.filter(person_id=person.pk)
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        changes += changes_of(model, records)
    return sorted(changes, key=lambda c: c.when, reverse=True)
