"""The task inbox (*việc cần làm*): what waits for a user, gathered from every app.

An app contributes by defining an ``inbox`` module with functions decorated by ``provider``.
A provider takes the user and today's date and returns ``Task`` items; it must run a fixed
number of queries whatever the number of items (count, don't list, when there can be many).
``tasks_for`` calls every provider and sorts the tasks: overdue first, then by due date.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone


@dataclass(frozen=True)
class Task:
    """One thing that waits for the user: ``count`` items of the same kind at ``url``.

    ``group`` is the heading the inbox shows it under (e.g. "Thẩm định", "Hội đồng");
    ``due`` the deadline when there is one; ``days_left`` working or calendar days as the
    provider counts them (negative once overdue).
    """

    group: str
    title: str
    url: str
    count: int = 1
    due: date | None = None
    days_left: int | None = None
    working_days: bool = False
    """Whether ``days_left`` counts working days (else calendar days)."""

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    @property
    def due_soon(self) -> bool:
        return self.days_left is not None and 0 <= self.days_left <= 3


Provider = Callable[..., list[Task]]
_PROVIDERS: list[Provider] = []


def provider(func: Provider) -> Provider:
    """Register ``func(user, today) -> list[Task]`` as a source of the inbox."""
    if func not in _PROVIDERS:
        _PROVIDERS.append(func)
    return func


def tasks_for(user, *, today: date | None = None) -> list[Task]:
    """Every task waiting for ``user``: overdue first, then by due date, then by group."""
    today = today or timezone.localdate()
    tasks = [task for func in _PROVIDERS for task in func(user, today) if task.count]
    far = date.max
    return sorted(tasks, key=lambda t: (not t.overdue, t.due or far, t.group, t.title))
