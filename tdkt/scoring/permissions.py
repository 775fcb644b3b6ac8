"""Who may do what in scoring. The role table lives in ``accounts.permissions``; this module
adds the scoring policy on top of it without new actions there.

- Scoring tables are sector data: everyone with a role sees them; the sector officer and
  administrators (action ``change_catalog``) build and publish them.
- A unit scores itself, reviews others in its cluster and casts its ballot through a user
  holding ``UNIT_OFFICER``, ``LEADER`` or ``CLUSTER_OFFICER`` at that very unit; the sector
  officer and administrators may act for any unit in their reach.
- Deadlines are set by the sector officer, or by the unit officer of the organiser itself (a
  province for its own area clusters and division block).
"""

from django.http import Http404

from tdkt.accounts.models import Role
from tdkt.accounts.scope import reach_of

ACTING_ROLES = frozenset({Role.UNIT_OFFICER, Role.LEADER, Role.CLUSTER_OFFICER})
ORGANISER_ROLES = frozenset({Role.UNIT_OFFICER, Role.CLUSTER_OFFICER})
OVERSEER_ROLES = frozenset({Role.SECTOR_OFFICER, Role.ADMIN})
_ROLES_ATTR = "_tdkt_scoring_roles"


def _roles(user) -> list[tuple[str, int, str]]:
    """(role, unit id, unit path) of every role the user holds; one query per request."""
    cached = getattr(user, _ROLES_ATTR, None)
    if cached is None:
        cached = list(user.roles.values_list("role", "unit_id", "unit__path"))
        setattr(user, _ROLES_ATTR, cached)
    return cached


def _oversees(user, unit) -> bool:
    """Whether the user is the sector officer or an administrator with ``unit`` in reach."""
    if user.is_superuser:
        return True
    return any(
        role in OVERSEER_ROLES and unit.path.startswith(path) for role, _id, path in _roles(user)
    )


def can_view_scoring(user) -> bool:
    return bool(user and user.is_authenticated) and reach_of(user).allows_anywhere("view")


def require_view(user) -> None:
    if not can_view_scoring(user):
        raise Http404


def can_edit_tables(user) -> bool:
    return bool(user and user.is_authenticated) and reach_of(user).allows_anywhere("change_catalog")


def require_edit_tables(user) -> None:
    if not can_edit_tables(user):
        raise Http404


def can_act_for(user, unit) -> bool:
    """Whether the user may score, review and vote on behalf of ``unit``."""
    if not (user and user.is_authenticated):
        return False
    if _oversees(user, unit):
        return True
    return any(role in ACTING_ROLES and unit_id == unit.pk for role, unit_id, _p in _roles(user))


def acting_unit_ids(user) -> set[int]:
    """The units the user holds an acting role at (not counting the sector officer's reach)."""
    if not (user and user.is_authenticated):
        return set()
    return {unit_id for role, unit_id, _p in _roles(user) if role in ACTING_ROLES}


def can_set_deadlines(user, organiser) -> bool:
    """Whether the user may set the scoring deadlines of clusters organised by ``organiser``."""
    if not (user and user.is_authenticated):
        return False
    if _oversees(user, organiser):
        return True
    return any(
        role in ORGANISER_ROLES and unit_id == organiser.pk for role, unit_id, _p in _roles(user)
    )
