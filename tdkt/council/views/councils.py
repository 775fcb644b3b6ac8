"""Pages of councils: list, create, edit, members."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts.permissions import CHANGE_CATALOG, CHANGE_PEOPLE, VIEW
from tdkt.accounts.scope import reach_of
from tdkt.core.errors import DomainError
from tdkt.council import permissions, selectors
from tdkt.council.forms import CouncilForm, MemberForm
from tdkt.council.services import councils as services
from tdkt.org.models import Unit

PAGE_SIZE = 25


def _require_any_view(user) -> None:
    reach = reach_of(user)
    if not (reach.allows_anywhere(VIEW) or user.council_seats.exists()):
        raise Http404


@login_required
def council_list(request):
    _require_any_view(request.user)
    query = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "unit")
    councils = selectors.council_list(user=request.user, query=query, sort=sort)
    page = Paginator(councils, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "council/council_list.html",
        {
            "page": page,
            "query": query,
            "sort": sort,
            "can_create": permissions.can_create_anywhere(request.user),
        },
    )


def _manageable_units(user):
    """Units whose council the user may create: the root with ``change_catalog``, any unit
    below with ``change_people``."""
    reach = reach_of(user)
    units = Unit.objects.filter(valid_to__isnull=True)
    if reach.everything:
        return units.order_by("path")
    from django.db.models import Q

    q = Q(pk__in=[])
    for path in reach.paths.get(CHANGE_PEOPLE, ()):
        q |= Q(path__startswith=path, parent__isnull=False)
    for path in reach.paths.get(CHANGE_CATALOG, ()):
        q |= Q(path__startswith=path)
    return units.filter(q).order_by("path")


def _input(data, unit):
    return services.CouncilInput(
        unit=unit,
        name=data["name"],
        valid_from=data["valid_from"],
        valid_to=data["valid_to"],
        establishing_decision=data["establishing_decision"],
        note=data["note"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def council_create(request):
    if not permissions.can_create_anywhere(request.user):
        raise Http404
    form = CouncilForm(request.POST or None, units=_manageable_units(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            council = services.council_create(
                data=_input(form.cleaned_data, form.cleaned_data["unit"]), user=request.user
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Đã thành lập hội đồng; hãy bổ sung thành viên."))
            return redirect("council:council-detail", pk=council.pk)
    return render(
        request,
        "council/form.html",
        {
            "form": form,
            "title": _("Thành lập Hội đồng Thi đua – Khen thưởng"),
            "back": reverse("council:council-list"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def council_edit(request, pk):
    council = selectors.council_get(user=request.user, pk=pk)
    if not permissions.can_manage(request.user, council):
        raise Http404
    initial = {
        "name": council.name,
        "valid_from": council.valid_from,
        "valid_to": council.valid_to,
        "establishing_decision": council.establishing_decision,
        "note": council.note,
        "version": council.version,
    }
    form = CouncilForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.council_update(
                council=council,
                data=_input(form.cleaned_data, council.unit),
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Đã lưu thông tin hội đồng."))
            return redirect("council:council-detail", pk=council.pk)
    return render(
        request,
        "council/form.html",
        {
            "form": form,
            "title": _("Sửa hội đồng: %(name)s") % {"name": council.name},
            "back": reverse("council:council-detail", args=[council.pk]),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def council_detail(request, pk):
    """The council: its members (add / remove for managers) and its meetings."""
    council = selectors.council_get(user=request.user, pk=pk)
    can_manage = permissions.can_manage(request.user, council)
    form = None
    if can_manage:
        form = MemberForm(request.POST or None, users=services.eligible_users(council))
        if request.method == "POST" and form.is_valid():
            try:
                services.member_add(
                    council=council,
                    member_user=form.cleaned_data["user"],
                    role=form.cleaned_data["role"],
                    user=request.user,
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("Đã bổ sung thành viên."))
                return redirect("council:council-detail", pk=council.pk)
    elif request.method == "POST":
        raise Http404
    meetings = selectors.meeting_list(user=request.user, council=council)
    return render(
        request,
        "council/council_detail.html",
        {
            "council": council,
            "members": selectors.members_of(council),
            "meetings": Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page")),
            "can_manage": can_manage,
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request, pk, member_pk):
    council = selectors.council_get(user=request.user, pk=pk)
    if not permissions.can_manage(request.user, council):
        raise Http404
    member = get_object_or_404(council.members.select_related("user"), pk=member_pk)
    back = reverse("council:council-detail", args=[council.pk])
    error = None
    if request.method == "POST":
        try:
            services.member_remove(member=member, user=request.user)
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã xóa thành viên khỏi hội đồng."))
            return redirect(back)
    return render(
        request,
        "council/confirm.html",
        {
            "title": _("Xóa thành viên hội đồng"),
            "question": _("Xóa %(user)s (%(role)s) khỏi %(council)s?")
            % {
                "user": member.user.display_name,
                "role": member.get_role_display(),
                "council": council,
            },
            "button": _("Xóa thành viên"),
            "back": back,
            "error": error,
        },
    )
