"""Delete all domain data so the demo can be generated again.

Domain data is every row of the organisation, people, awards, initiatives, emulation and
scoring apps (their historical and many-to-many tables included), every role assignment, and
every row of any other project table that refers to those. The catalog is reference data and
stays. Demo users that are not superusers are deleted; other users stay, without roles and
without a person link.
Rows are deleted with plain SQL deletes (no signals, no historical "deleted" records).
"""

from django.apps import apps
from django.db import models

from tdkt.accounts.models import RoleAssignment, User
from tdkt.demo.accounts import DEMO_USERNAMES

DOMAIN_APPS = ("org", "people", "awards", "initiatives", "emulation", "scoring")
PROJECT_PREFIX = "tdkt."
KEPT_APPS = frozenset({"catalog", "accounts", "demo", "core"})


def _references(model, targets: set) -> bool:
    return any(
        isinstance(f, models.ForeignKey) and f.related_model in targets
        for f in model._meta.get_fields()
        if f.concrete
    )


def domain_models() -> list[type[models.Model]]:
    """The models to empty, those that refer to others first."""
    targets = {
        m for m in apps.get_models(include_auto_created=True) if m._meta.app_label in DOMAIN_APPS
    }
    targets.add(RoleAssignment)
    project = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_config.name.startswith(PROJECT_PREFIX) and m._meta.app_label not in KEPT_APPS
    ]
    changed = True
    while changed:
        extra = {m for m in project if m not in targets and _references(m, targets)}
        targets |= extra
        changed = bool(extra)
    return _referrers_first(targets)


def _referrers_first(targets: set) -> list:
    ordered: list = []
    remaining = sorted(targets, key=lambda m: m._meta.label)
    while remaining:
        for model in remaining:
            others = [m for m in remaining if m is not model]
            referred = any(_references(other, {model}) for other in others)
            if not referred:
                ordered.append(model)
                remaining.remove(model)
                break
        else:
            ordered.extend(remaining)
            break
    return ordered


def flush_domain_data() -> dict[str, int]:
    """Empty the domain tables; returns the number of rows deleted per model label."""
    User.objects.exclude(person=None).update(person=None)
    deleted = {}
    for model in domain_models():
        count = model._base_manager.all()._raw_delete(model._base_manager.db)
        deleted[model._meta.label] = count
    users, _ = User.objects.filter(username__in=DEMO_USERNAMES, is_superuser=False).delete()
    deleted["accounts.User"] = users
    return deleted
