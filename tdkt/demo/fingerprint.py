"""A digest of the demo dataset's content, independent of database ids and timestamps.

Two databases generated with the same seed and scale have the same fingerprint.
"""

import hashlib

from tdkt.accounts.models import RoleAssignment
from tdkt.awards.models import Award
from tdkt.initiatives.models import Initiative
from tdkt.org.models import RestructuringEvent, Unit
from tdkt.people.models import Absence, Assignment, Discipline, Freeze, Person, YearlyRating


def _rows() -> dict[str, list[tuple]]:
    return {
        "units": list(
            Unit.objects.values_list(
                "code",
                "short_name",
                "full_name",
                "unit_type",
                "parent__code",
                "valid_from",
                "valid_to",
                "depth",
            )
        ),
        "events": sorted(
            (
                e.kind,
                e.date,
                e.note,
                tuple(sorted(e.predecessors.values_list("code", flat=True))),
                tuple(sorted(e.successors.values_list("code", flat=True))),
            )
            for e in RestructuringEvent.objects.all()
        ),
        "persons": list(
            Person.objects.values_list(
                "code",
                "full_name",
                "gender",
                "date_of_birth",
                "rank",
                "position",
                "recruitment_date",
                "leaving_date",
                "unit__code",
            )
        ),
        "assignments": list(
            Assignment.objects.values_list("person__code", "unit__code", "position", "start", "end")
        ),
        "ratings": list(YearlyRating.objects.values_list("person__code", "year", "rating")),
        "absences": list(Absence.objects.values_list("person__code", "reason", "start", "end")),
        "disciplines": list(
            Discipline.objects.values_list(
                "person__code", "level", "decision_number", "decided_on", "start", "end"
            )
        ),
        "freezes": list(Freeze.objects.values_list("person__code", "reason", "start", "end")),
        "awards": list(
            Award.objects.values_list(
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
            )
        ),
        "initiatives": sorted(
            (
                i.title,
                i.unit.code,
                i.year,
                i.recognised_on,
                i.effect_scope,
                i.used_for.decision_number if i.used_for else "",
                tuple(sorted(p.code for p in i.authors.all())),
            )
            for i in Initiative.objects.select_related("unit", "used_for").prefetch_related(
                "authors"
            )
        ),
        "roles": list(RoleAssignment.objects.values_list("user__username", "role", "unit__code")),
    }


def dataset_fingerprint() -> str:
    """SHA-256 over every generated row, each table sorted by its content."""
    digest = hashlib.sha256()
    for name, rows in sorted(_rows().items()):
        digest.update(name.encode())
        for row in sorted(rows, key=repr):
            digest.update(repr(row).encode())
    return digest.hexdigest()
