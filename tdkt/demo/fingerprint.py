"""A digest of the demo dataset's content, independent of database ids and timestamps.

Two databases generated with the same seed and scale have the same fingerprint, whatever the
backend (SQLite or PostgreSQL).
"""

import hashlib

from tdkt.accounts.models import RoleAssignment
from tdkt.awards.models import Award
from tdkt.initiatives.models import Initiative
from tdkt.org.models import RestructuringEvent, Unit, UnitYearlyRating
from tdkt.people.models import Absence, Assignment, Discipline, Freeze, Person, YearlyRating

_TABLES = (
    (
        Unit,
        (
            "code",
            "short_name",
            "full_name",
            "unit_type",
            "parent__code",
            "valid_from",
            "valid_to",
            "depth",
        ),
    ),
    (
        Person,
        (
            "code",
            "full_name",
            "gender",
            "date_of_birth",
            "rank",
            "position",
            "recruitment_date",
            "leaving_date",
            "unit__code",
        ),
    ),
    (Assignment, ("person__code", "unit__code", "position", "start", "end")),
    (YearlyRating, ("person__code", "year", "rating")),
    (UnitYearlyRating, ("unit__code", "year", "rating")),
    (Absence, ("person__code", "reason", "start", "end")),
    (Discipline, ("person__code", "level", "decision_number", "decided_on", "start", "end")),
    (Freeze, ("person__code", "reason", "start", "end")),
    (
        Award,
        (
            "award_type__code",
            "person__code",
            "unit__code",
            "year",
            "kind",
            "decision_number",
            "decision_date",
            "signer",
            "revoked",
            "revoked_on",
            "holder_unit__code",
        ),
    ),
    (RoleAssignment, ("user__username", "role", "unit__code")),
)


def _events() -> list[tuple]:
    return [
        (
            event.kind,
            event.date,
            event.note,
            tuple(sorted(unit.code for unit in event.predecessors.all())),
            tuple(sorted(unit.code for unit in event.successors.all())),
        )
        for event in RestructuringEvent.objects.prefetch_related("predecessors", "successors")
    ]


def _initiatives() -> list[tuple]:
    return [
        (
            item.title,
            item.unit.code,
            item.year,
            item.recognised_on,
            item.effect_scope,
            item.used_for.decision_number if item.used_for else "",
            tuple(sorted(person.code for person in item.authors.all())),
        )
        for item in Initiative.objects.select_related("unit", "used_for").prefetch_related(
            "authors"
        )
    ]


def dataset_fingerprint() -> str:
    """SHA-256 over every generated row, each table sorted by its content."""
    tables = {
        model._meta.label: list(model.objects.values_list(*fields)) for model, fields in _TABLES
    }
    tables["events"] = _events()
    tables["initiatives"] = _initiatives()
    digest = hashlib.sha256()
    for name, rows in sorted(tables.items()):
        digest.update(name.encode())
        for row in sorted(rows, key=repr):
            digest.update(repr(row).encode())
    return digest.hexdigest()
