from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from tdkt.web.inbox import tasks_for
from tdkt.web.selectors import dashboard_for

INBOX_ON_HOME = 5


@login_required
def home(request):
    """The dashboard of the user's scope: the first tasks waiting for the user, counts and
    the ratings chart."""
    today = timezone.localdate()
    dashboard = dashboard_for(user=request.user, today=today)
    tasks = tasks_for(request.user, today=today)
    context = {"dashboard": dashboard, "tasks": tasks[:INBOX_ON_HOME], "task_total": len(tasks)}
    return render(request, "web/home.html", context)
