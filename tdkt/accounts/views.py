"""Pages of the user's own account: roles held, personal API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tdkt.accounts import services
from tdkt.accounts.models import ApiToken
from tdkt.core.errors import DomainError


@login_required
def profile(request):
    """The roles the user holds and the units they reach."""
    roles = request.user.roles.select_related("unit").order_by("unit__path", "role")
    return render(request, "accounts/profile.html", {"roles": roles})


@login_required
def tokens(request):
    """The user's API tokens; a new token's raw key is shown exactly once."""
    error = None
    raw_key = None
    if request.method == "POST":
        try:
            _token, raw_key = services.token_create(
                user=request.user, name=request.POST.get("name", "")
            )
        except DomainError as exc:
            error = exc.message
    items = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "accounts/tokens.html",
        {"tokens": items, "raw_key": raw_key, "error": error},
    )


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    try:
        services.token_revoke(token=token)
    except DomainError as exc:
        messages.warning(request, exc.message)
    else:
        messages.success(request, _("Đã thu hồi mã truy cập “%(name)s”.") % {"name": token.name})
    return redirect("accounts:tokens")
