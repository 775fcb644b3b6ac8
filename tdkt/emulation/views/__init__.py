"""Pages of the emulation app, one module per sub-domain; thin, writes go through services."""

from django.http import Http404

from tdkt.accounts.scope import reach_of
from tdkt.core.errors import DomainError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def require_reach(user, action: str) -> None:
    """404 for a user who may not ``action`` anywhere (no role, or staff only)."""
    if not reach_of(user).allows_anywhere(action):
        raise Http404


def apply_domain_error(form, error: DomainError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
