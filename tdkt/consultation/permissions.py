"""Who may do what with consultations.

- The public (anyone, without logging in) reads published consultations and comments on open
  ones; nothing else.
- The sector officer and administrators (``change_catalog``) create, publish and close
  consultations, read the comments with their senders' private details, resolve them and
  record the outcome — for the consultations whose organising unit they reach. Everyone else
  gets 404 on those pages.
- The outcome report of a candidate is also read by users who see the candidate's line.
"""

from django.http import Http404

from tdkt.accounts.permissions import CHANGE_CATALOG
from tdkt.accounts.scope import reach_of

MANAGE = CHANGE_CATALOG


def can_manage(user) -> bool:
    return bool(user and user.is_authenticated) and reach_of(user).allows_anywhere(MANAGE)


def require_manage(user) -> None:
    if not can_manage(user):
        raise Http404
