"""Pages of clusters and blocks: list by year, detail, create, edit, next year's in one step."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.accounts.scope import reach_of, require_anywhere
from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.emulation.forms import ClusterFilterForm, ClusterForm, CopyClustersForm, OrganiserPickForm
from tdkt.emulation.models import MemberRole
from tdkt.emulation.selectors import clusters as selectors
from tdkt.emulation.selectors.covenants import covenant_for
from tdkt.emulation.services import clusters as services
from tdkt.emulation.tables import ClusterTable
from tdkt.emulation.views import XLSX
from tdkt.org.models import Unit

PAGE_SIZE = 50


def _filters(request):
    """The list's filter form and the filters it yields (the current year by default)."""
    organisers = (
        Unit.objects.restrict(request.user)
        .filter(organised_clusters__isnull=False)
        .distinct()
        .order_by("path")
    )
    data = request.GET.copy()
    data.setdefault("year", str(timezone.localdate().year))
    form = ClusterFilterForm(data, organisers=organisers)
    filters = form.cleaned_data if form.is_valid() else {"year": timezone.localdate().year}
    return form, filters


@login_required
def cluster_list(request):
    """Clusters and blocks the user may see for a year, filtered, searched, sorted, paged."""
    require_anywhere(request.user, "view")
    form, filters = _filters(request)
    table = ClusterTable(selectors.cluster_list(user=request.user, filters=filters))
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    can_manage = reach_of(request.user).allows_anywhere(MANAGE_EMULATION)
    context = {"form": form, "table": table, "filters": filters, "can_manage": can_manage}
    return render(request, "emulation/cluster_list.html", context)


@login_required
def cluster_export(request):
    """The filtered cluster list, one row per member, as an Excel file."""
    from tdkt.emulation.exports import clusters_workbook

    require_anywhere(request.user, "view")
    _form, filters = _filters(request)
    clusters = (
        selectors.cluster_list(user=request.user, filters=filters)
        .prefetch_related("members__unit")
        .order_by("year", "organiser__path", "kind", "name")
    )
    response = HttpResponse(clusters_workbook(clusters), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="cum-khoi-thi-dua.xlsx"'
    return response


@login_required
def cluster_detail(request, pk):
    """A cluster: members with roles, follower, regulation, covenant, next year's rotation."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    members = selectors.cluster_members(cluster)
    rotation, offered = selectors.rotation_for(cluster, members)
    context = {
        "cluster": cluster,
        "members": members,
        "rotation": rotation,
        "offered": offered,
        "can_manage": selectors.may_manage(request.user, cluster),
        "covenant": covenant_for(cluster, members),
    }
    return render(request, "emulation/cluster_detail.html", context)


def _form_for(request, organiser, year, *, initial=None):
    units = selectors.member_choices(organiser=organiser, year=year)
    followers = selectors.follower_choices(organiser=organiser)
    return ClusterForm(
        request.POST if request.method == "POST" else None,
        units=units,
        followers=followers,
        initial=initial,
    )


def _input_from(form, organiser, year) -> services.ClusterInput:
    data = form.cleaned_data
    return services.ClusterInput(
        year=year,
        kind=data["kind"],
        name=data["name"],
        organiser=organiser,
        members=list(data["members"]),
        head=data["head"],
        deputy=data["deputy"],
        deputy_elected_on=data["deputy_elected_on"],
        follower=data["follower"],
        regulation=data["regulation"],
        synthetic=data["synthetic"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def cluster_create(request):
    """Create a cluster or block: pick the organiser and year, then fill in the cluster."""
    require_anywhere(request.user, MANAGE_EMULATION)
    organisers = selectors.organiser_choices(user=request.user)
    pick = OrganiserPickForm(request.GET or None, organisers=organisers)
    if not pick.is_valid():
        return render(request, "emulation/cluster_pick.html", {"pick": pick})
    organiser, year = pick.cleaned_data["organiser"], pick.cleaned_data["year"]
    form = _form_for(request, organiser, year)
    if request.method == "POST" and form.is_valid():
        try:
            cluster = services.cluster_create(
                data=_input_from(form, organiser, year),
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã tạo %(name)s.") % {"name": cluster})
            return redirect("emulation:cluster-detail", pk=cluster.pk)
    context = {"form": form, "organiser": organiser, "year": year, "cluster": None}
    return render(request, "emulation/cluster_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cluster_edit(request, pk):
    """Edit a cluster's members, head, deputy, follower and regulation."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    if not selectors.may_manage(request.user, cluster):
        raise Http404
    members = selectors.cluster_members(cluster)
    by_role = {m.role: m for m in members}
    deputy = by_role.get(MemberRole.DEPUTY)
    initial = {
        "version": cluster.version,
        "kind": cluster.kind,
        "name": cluster.name,
        "members": [m.unit_id for m in members],
        "head": by_role[MemberRole.HEAD].unit_id if MemberRole.HEAD in by_role else None,
        "deputy": deputy.unit_id if deputy else None,
        "deputy_elected_on": deputy.elected_on if deputy else None,
        "follower": cluster.follower_id,
        "regulation": cluster.regulation_id,
        "synthetic": cluster.synthetic,
    }
    form = _form_for(request, cluster.organiser, cluster.year, initial=initial)
    offered = services.next_head(
        [m.unit for m in members], organiser=cluster.organiser, year=cluster.year
    )
    if offered is not None:
        form.fields["head"].help_text = _("Theo luân phiên, năm %(year)s đến lượt: %(unit)s.") % {
            "year": cluster.year,
            "unit": offered.short_name,
        }
    if request.method == "POST" and form.is_valid():
        try:
            services.cluster_update(
                cluster=cluster,
                data=_input_from(form, cluster.organiser, cluster.year),
                expected_version=form.cleaned_data["version"],
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu %(name)s.") % {"name": cluster})
            return redirect("emulation:cluster-detail", pk=cluster.pk)
    context = {
        "form": form,
        "organiser": cluster.organiser,
        "year": cluster.year,
        "cluster": cluster,
    }
    return render(request, "emulation/cluster_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cluster_copy(request, organiser_pk, year):
    """Preview and confirm creating next year's clusters of an organiser from this year's."""
    organiser = selectors.organiser_get(user=request.user, pk=organiser_pk)
    sources = selectors.clusters_of(organiser=organiser, year=year)
    existing = selectors.clusters_of(organiser=organiser, year=year + 1)
    form = CopyClustersForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.clusters_copy_to_next_year(
                organiser=organiser, year=year, user=request.user
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Đã tạo %(n)s cụm, khối năm %(year)s; hãy bầu cụm phó, khối phó.")
                % {"n": len(created), "year": year + 1},
            )
            query = f"?year={year + 1}&organiser={organiser.pk}"
            return redirect(reverse("emulation:cluster-list") + query)
    context = {
        "organiser": organiser,
        "year": year,
        "sources": sources,
        "existing": existing,
        "form": form,
    }
    return render(request, "emulation/cluster_copy.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cluster_delete(request, pk):
    """Confirm, then delete a cluster created by mistake (never one whose covenant is signed)."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    if not selectors.may_manage(request.user, cluster):
        raise Http404
    error = None
    if request.method == "POST":
        try:
            services.cluster_delete(cluster=cluster, user=request.user)
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã xóa %(name)s.") % {"name": cluster})
            return redirect(reverse("emulation:cluster-list") + f"?year={cluster.year}")
    context = {
        "title": _("Xóa %(name)s") % {"name": cluster},
        "question": _(
            "Xóa %(name)s cùng danh sách thành viên và giao ước chưa ký? Việc này không hoàn tác."
        )
        % {"name": cluster},
        "error": error,
        "back": reverse("emulation:cluster-detail", kwargs={"pk": cluster.pk}),
    }
    return render(request, "emulation/confirm_delete.html", context)


@login_required
def cluster_history_view(request, pk):
    """Who changed the cluster, when and why (member and role changes included)."""
    from tdkt.emulation.history import cluster_history

    cluster = selectors.cluster_get(user=request.user, pk=pk)
    context = {"cluster": cluster, "changes": cluster_history(cluster)}
    return render(request, "emulation/cluster_history.html", context)
