"""Who may do what with proposals. The role table lives in ``accounts.permissions``.

- Rounds are sector-wide: every user with a role sees them; the sector officer and
  administrators (action ``change_catalog``) open, edit and close them.
- A proposal belongs to a unit: users who reach the unit see it; users holding
  ``change_people`` over the unit (its TĐKT officer, the sector officer) create and edit it
  until it is submitted.
"""

from django.http import Http404

from tdkt.accounts.permissions import CHANGE_CATALOG, CHANGE_PEOPLE, VIEW
from tdkt.accounts.scope import reach_of

EDIT = CHANGE_PEOPLE


def can_view(user) -> bool:
    return bool(user and user.is_authenticated) and reach_of(user).allows_anywhere(VIEW)


def require_view(user) -> None:
    if not can_view(user):
        raise Http404


def can_manage_rounds(user) -> bool:
    return bool(user and user.is_authenticated) and reach_of(user).allows_anywhere(CHANGE_CATALOG)


def require_manage_rounds(user) -> None:
    if not can_manage_rounds(user):
        raise Http404


def can_propose(user) -> bool:
    """Whether the user may create proposals for some unit."""
    return bool(user and user.is_authenticated) and reach_of(user).allows_anywhere(EDIT)


def can_edit_unit(user, unit) -> bool:
    """Whether the user holds ``change_people`` over ``unit`` (a fixed number of queries)."""
    if not (user and user.is_authenticated):
        return False
    reach = reach_of(user)
    if reach.everything:
        return True
    return any(unit.path.startswith(path) for path in reach.paths.get(EDIT, ()))
