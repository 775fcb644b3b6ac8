"""The task inbox page and the count shown beside the menu."""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from tdkt.web.inbox import tasks_for


@login_required
def inbox(request):
    """Everything waiting for the user, overdue first, grouped by kind of work."""
    tasks = tasks_for(request.user, today=timezone.localdate())
    by_group = sorted(tasks, key=lambda t: t.group)
    groups = [(name, list(items)) for name, items in groupby(by_group, key=lambda t: t.group)]
    overdue = [t for t in tasks if t.overdue]
    context = {"tasks": tasks, "groups": groups, "overdue": overdue}
    return render(request, "web/inbox.html", context)


@login_required
def inbox_count(request):
    """The badge beside the menu (loaded by htmx after the page): items waiting, overdue."""
    tasks = tasks_for(request.user, today=timezone.localdate())
    context = {"count": sum(t.count for t in tasks), "overdue": any(t.overdue for t in tasks)}
    return render(request, "web/_inbox_badge.html", context)
