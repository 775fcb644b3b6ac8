"""The access policy: which role may do which action.

A role held at a unit reaches that unit's subtree, and the subtrees of the units it succeeded
(so a merged province's officer sees the history of the provinces it absorbed). A staff member
reaches only their own record. Superusers are administrators of the whole sector.
"""

from tdkt.accounts.models import Role

VIEW = "view"
CHANGE_PEOPLE = "change_people"
CHANGE_ORG = "change_org"
IMPORT = "import"
MANAGE_ACCOUNTS = "manage_accounts"
CHANGE_CATALOG = "change_catalog"
MANAGE_EMULATION = "manage_emulation"

ACTIONS_BY_ROLE: dict[str, frozenset[str]] = {
    Role.ADMIN: frozenset(
        {VIEW, CHANGE_PEOPLE, CHANGE_ORG, CHANGE_CATALOG, IMPORT, MANAGE_ACCOUNTS, MANAGE_EMULATION}
    ),
    Role.SECTOR_OFFICER: frozenset(
        {VIEW, CHANGE_PEOPLE, CHANGE_ORG, CHANGE_CATALOG, IMPORT, MANAGE_EMULATION}
    ),
    Role.UNIT_OFFICER: frozenset({VIEW, CHANGE_PEOPLE, IMPORT, MANAGE_EMULATION}),
    Role.COUNCIL_MEMBER: frozenset({VIEW}),
    Role.CLUSTER_OFFICER: frozenset({VIEW}),
    Role.LEADER: frozenset({VIEW}),
    Role.STAFF: frozenset(),
}
"""Actions a role grants over its subtree."""

SELF_ACTIONS: frozenset[str] = frozenset({VIEW})
"""Actions any user linked to a person may take on that person's own record."""


def roles_granting(action: str) -> list[str]:
    """The roles whose holders may take ``action`` over their subtree."""
    return [role for role, actions in ACTIONS_BY_ROLE.items() if action in actions]


def users_who_may(action: str, unit):
    """Active users holding a role that grants ``action`` at ``unit`` or one of its ancestors
    (the people a task or notification about ``unit`` is for), in one query. Superusers are
    not included unless they hold such a role."""
    from tdkt.accounts.models import User
    from tdkt.org.models import ancestor_paths

    return User.objects.filter(
        is_active=True,
        roles__role__in=roles_granting(action),
        roles__unit__path__in=ancestor_paths(unit.path),
    ).distinct()


def unit_officer_roles() -> list[str]:
    """The roles of a unit's TĐKT officers: those granting ``change_people`` but not
    ``change_catalog`` (the sector's officers left out)."""
    sector = set(roles_granting(CHANGE_CATALOG))
    return [role for role in roles_granting(CHANGE_PEOPLE) if role not in sector]


def unit_officers(unit=None):
    """Active users holding a role that grants ``change_people`` at ``unit`` or one of its
    ancestors (at any unit when ``unit`` is None) and no role granting ``change_catalog``
    anywhere: the unit's TĐKT officers, not the sector's. One query."""
    from tdkt.accounts.models import User

    if unit is None:
        users = User.objects.filter(
            is_active=True, roles__role__in=roles_granting(CHANGE_PEOPLE)
        ).distinct()
    else:
        users = users_who_may(CHANGE_PEOPLE, unit)
    return users.exclude(roles__role__in=roles_granting(CHANGE_CATALOG))
