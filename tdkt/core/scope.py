"""Scoped querysets: every model with a unit answers ``restrict(user, action)``.

Which units a user reaches is domain knowledge held by ``accounts``; this module only asks the
resolver named by the ``TDKT_SCOPE_RESOLVER`` setting for a ``Q`` object and applies it, so a
query can never be run unscoped by forgetting a filter in a view.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.module_loading import import_string

Resolver = Callable[..., models.Q]


def _resolver() -> Resolver:
    return import_string(settings.TDKT_SCOPE_RESOLVER)


class ScopedQuerySet(models.QuerySet):
    """A queryset whose model declares ``scope_unit_field`` (path to a ``Unit``) and, for records
    that belong to a person, ``scope_person_field`` (path to a ``Person``)."""

    def restrict(self, user, action: str = "view") -> "ScopedQuerySet":
        """Only the rows ``user`` may ``action``; nothing at all for anonymous users."""
        if user is None or not user.is_authenticated:
            return self.none()
        q = _resolver()(
            user,
            action,
            unit_field=getattr(self.model, "scope_unit_field", None),
            person_field=getattr(self.model, "scope_person_field", None),
        )
        return self.filter(q)


def get_scoped_or_404(queryset: ScopedQuerySet, user, action: str = "view", **lookup):
    """Fetch one object within the user's scope; out of scope and missing both answer 404."""
    try:
        return queryset.restrict(user, action).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
