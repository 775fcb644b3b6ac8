"""One statistics form for a user, a unit and a year, ready to download."""

import datetime as dt
from dataclasses import dataclass

from tdkt.org.models import Unit, path_ids
from tdkt.reports.official_forms.figures import Figures, compute
from tdkt.reports.official_forms.layouts import FORMS
from tdkt.reports.official_forms.scope import report_scope
from tdkt.reports.official_forms.workbook import form_workbook


@dataclass(frozen=True)
class FormFile:
    figures: Figures
    content: bytes
    filename: str


def ancestors_of(unit: Unit) -> list[Unit]:
    """The unit's ancestors, root first (one query)."""
    ids = [pk for pk in path_ids(unit.path) if pk != unit.pk]
    return sorted(Unit.objects.filter(pk__in=ids), key=lambda u: u.depth)


def official_form(*, user, code: str, year: int, unit_id: int, today: dt.date) -> FormFile:
    """Form ``code`` for ``year`` covering ``unit_id``'s subtree (and its predecessors'), as an
    Excel file. 404 when the unit is outside the user's reach; ``code`` must be in ``FORMS``."""
    scope = report_scope(user, unit_id)
    figures = compute(code, scope=scope, year=year, today=today)
    content = form_workbook(
        figures, unit=scope.unit, ancestors=ancestors_of(scope.unit), year=year, made_on=today
    )
    filename = f"bieu-{FORMS[code].code}N-{scope.unit.code}-{year}.xlsx"
    return FormFile(figures=figures, content=content, filename=filename)
