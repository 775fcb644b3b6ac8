"""Which units a user may report for, and the subtrees a report for a unit covers."""

from django.db.models import Case, IntegerField, Value, When
from django.http import Http404

from tdkt.accounts.permissions import ACTIONS_BY_ROLE, VIEW
from tdkt.accounts.scope import reach_of
from tdkt.core.scope import get_scoped_or_404
from tdkt.org.models import Unit, UnitType
from tdkt.org.selectors import unit_lineage
from tdkt.reports.official_forms.figures import Scope

VIEWING_ROLES = [role for role, actions in ACTIONS_BY_ROLE.items() if VIEW in actions]


def may_report(user) -> bool:
    """Whether the user reaches any unit's subtree (a staff member's own record is not enough)."""
    reach = reach_of(user)
    return reach.everything or bool(reach.paths.get(VIEW))


def report_units(user) -> list[Unit]:
    """The units a user may report for: the units where they hold a role that views (the
    whole sector for an administrator) first, then every provincial procuracy they reach,
    current ones before those ended by the 2025 reform. Two queries."""
    if not may_report(user):
        return []
    if reach_of(user).everything:
        own = Unit.objects.filter(parent__isnull=True)
    else:
        own = Unit.objects.filter(
            pk__in=user.roles.filter(role__in=VIEWING_ROLES).values("unit_id")
        )
    own = list(own.order_by("path"))
    provinces = (
        Unit.objects.restrict(user, VIEW)
        .filter(unit_type=UnitType.PROVINCIAL)
        .exclude(pk__in=[u.pk for u in own])
        .annotate(
            ended=Case(
                When(valid_to__isnull=True, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("ended", "search_text")
    )
    return own + list(provinces)


def report_scope(user, unit_id) -> Scope:
    """The scope of a report for ``unit_id``: its subtree and those of the units it succeeded
    (within the user's reach). 404 when the unit is outside the user's reach."""
    if not may_report(user):
        raise Http404
    unit = get_scoped_or_404(Unit.objects, user, VIEW, pk=unit_id)
    lineage = unit_lineage(unit, user=user)
    return Scope(unit=unit, paths=tuple(sorted({u.path for u in lineage} | {unit.path})))
