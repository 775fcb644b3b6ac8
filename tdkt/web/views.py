from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from tdkt.web.selectors import dashboard_for


@login_required
def home(request):
    """The dashboard of the user's scope: counts and the ratings chart."""
    dashboard = dashboard_for(user=request.user, today=timezone.localdate())
    return render(request, "web/home.html", {"dashboard": dashboard})
