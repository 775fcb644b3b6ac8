"""Who may do what with councils and meetings. The role table lives in ``accounts.permissions``.

- A council is managed (created, edited, its members and meetings prepared) by whoever holds
  ``change_catalog`` over the sector's root (the sector TĐKT officer) for the sector council,
  and ``change_people`` over the unit (its TĐKT officer) for a unit's council.
- Users who reach the unit, and the council's members, see the council and its meetings.
- The chair (or a manager) opens and closes voting; the secretary (or a manager) records the
  written ballots of absent members and issues the minutes; each present voting member casts
  their own ballot.
"""

from tdkt.accounts.permissions import CHANGE_CATALOG, CHANGE_PEOPLE, VIEW
from tdkt.accounts.scope import reach_of
from tdkt.council.models import MemberRole


def reaches(user, unit, action: str) -> bool:
    if not (user and user.is_authenticated):
        return False
    reach = reach_of(user)
    if reach.everything:
        return True
    return any(unit.path.startswith(path) for path in reach.paths.get(action, ()))


def manage_action(unit) -> str:
    """The action that manages the council of ``unit``: the sector's needs ``change_catalog``."""
    return CHANGE_CATALOG if unit.parent_id is None else CHANGE_PEOPLE


def can_manage(user, council) -> bool:
    return reaches(user, council.unit, manage_action(council.unit))


def can_create_anywhere(user) -> bool:
    if not (user and user.is_authenticated):
        return False
    reach = reach_of(user)
    return reach.allows_anywhere(CHANGE_PEOPLE) or reach.allows_anywhere(CHANGE_CATALOG)


def can_view_unit(user, unit) -> bool:
    return reaches(user, unit, VIEW)


def seat_of(user, council, seats=None):
    """The user's seat on ``council`` (a ``CouncilMember``) or None. ``seats`` may be the
    council's members already loaded, to avoid a query."""
    if not (user and user.is_authenticated):
        return None
    if seats is None:
        return council.members.filter(user=user).first()
    return next((s for s in seats if s.user_id == user.pk), None)


def can_chair(user, council, seat=None) -> bool:
    """Open and close voting: the chair, or a manager of the council."""
    return (seat is not None and seat.role == MemberRole.CHAIR) or can_manage(user, council)


def can_record(user, council, seat=None) -> bool:
    """Record written ballots and issue the minutes: the secretary, or a manager."""
    return (seat is not None and seat.role == MemberRole.SECRETARY) or can_manage(user, council)
