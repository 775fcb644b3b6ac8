"""Pages of a cluster's scoring: the list of clusters, the dashboard, the deadline, exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.emulation.models import MemberRole
from tdkt.scoring import permissions, selectors
from tdkt.scoring.exports import ranking_workbook
from tdkt.scoring.forms import ClusterFilterForm, DeadlineForm, VersionForm
from tdkt.scoring.models import ScoringCalendar
from tdkt.scoring.services import cards as card_services
from tdkt.scoring.services import reviews as review_services
from tdkt.scoring.views.common import XLSX, download, page_of


@login_required
def cluster_index(request):
    """Clusters and blocks in the user's reach for a year with their scoring progress."""
    permissions.require_view(request.user)
    form = ClusterFilterForm(request.GET or None)
    year, query = timezone.localdate().year, ""
    if form.is_valid():
        year = form.cleaned_data["year"] or year
        query = form.cleaned_data["q"].strip()
    clusters = selectors.cluster_list(user=request.user, year=year, query=query)
    context = {"form": form, "page": page_of(request, clusters), "year": year}
    return render(request, "scoring/cluster_list.html", context)


def _chart(ranking) -> dict:
    ranked = [r for r in ranking if r.rank]
    return {
        "labels": [r.scorecard.unit.short_name for r in ranked],
        "self": [float(r.self_totals.total) for r in ranked],
        "final": [float(r.final_totals.total) for r in ranked],
    }


def _rank_or_last(result) -> int:
    return result.rank if result and result.rank else 10_000


def dashboard_context(request, cluster) -> dict:
    """Everything the cluster dashboard shows, in a fixed number of queries."""
    members = list(cluster.members.select_related("unit").order_by("role", "unit__code"))
    ranking = selectors.cluster_ranking(cluster)
    by_unit = {r.scorecard.unit_id: r for r in ranking}
    head = next((m.unit for m in members if m.role == MemberRole.HEAD), None)
    calendar = ScoringCalendar.objects.filter(organiser=cluster.organiser, year=cluster.year)
    rows = [
        {
            "member": m,
            "result": by_unit.get(m.unit_id),
            "can_act": permissions.can_act_for(request.user, m.unit),
        }
        for m in members
    ]
    rows.sort(key=lambda row: (_rank_or_last(row["result"]), row["member"].unit.code))
    review = getattr(cluster, "scoring_review", None)
    vote = getattr(cluster, "scoring_vote", None)
    return {
        "cluster": cluster,
        "rows": rows,
        "ranking": [r for r in ranking if r.rank],
        "head": head,
        "is_head": head is not None and permissions.can_act_for(request.user, head),
        "calendar": calendar.first(),
        "can_set_deadline": permissions.can_set_deadlines(request.user, cluster.organiser),
        "review": review,
        "vote": vote,
        "submitted": sum(1 for r in ranking if r.rank),
        "chart": _chart(ranking),
        "version_form": VersionForm(initial={"version": review.version if review else 0}),
    }


@login_required
def cluster_dashboard(request, pk):
    """A cluster: members, scoring progress, the ranking and its chart, review and vote."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    return render(request, "scoring/cluster_dashboard.html", dashboard_context(request, cluster))


@login_required
@require_http_methods(["GET", "POST"])
def deadline_edit(request, pk):
    """Set the self-scoring deadline of the clusters the organiser set up for the year."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    if not permissions.can_set_deadlines(request.user, cluster.organiser):
        raise Http404
    calendar = ScoringCalendar.objects.filter(
        organiser=cluster.organiser, year=cluster.year
    ).first()
    initial = {"version": calendar.version if calendar else None}
    if calendar:
        initial["deadline"] = calendar.self_scoring_deadline
    form = DeadlineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            card_services.calendar_set(
                organiser=cluster.organiser,
                year=cluster.year,
                deadline=form.cleaned_data["deadline"],
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu hạn tự chấm điểm."))
            return redirect("scoring:cluster", pk=cluster.pk)
    subtitle = _("Áp dụng cho mọi cụm, khối do %(unit)s tổ chức năm %(year)s.") % {
        "unit": cluster.organiser.short_name,
        "year": cluster.year,
    }
    context = {"form": form, "title": _("Hạn tự chấm điểm"), "subtitle": subtitle}
    return render(request, "scoring/form.html", context)


@login_required
@require_POST
def review_open(request, pk):
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    try:
        review_services.review_open(cluster=cluster, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Đã mở thẩm định chéo; các đơn vị thành viên có thể thẩm định.")
        )
    return redirect("scoring:cluster", pk=cluster.pk)


@login_required
@require_http_methods(["GET", "POST"])
def review_close(request, pk):
    """Confirm, then close the cluster's review for good."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    review = getattr(cluster, "scoring_review", None)
    form = VersionForm(request.POST or None, initial={"version": review.version if review else 0})
    if request.method == "POST" and form.is_valid():
        try:
            review_services.review_close(
                cluster=cluster, user=request.user, expected_version=form.cleaned_data["version"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã kết thúc thẩm định chéo; kết quả xếp hạng đã chốt."))
        return redirect("scoring:cluster", pk=cluster.pk)
    context = dashboard_context(request, cluster)
    return render(request, "scoring/confirm_review_close.html", {**context, "form": form})


@login_required
def ranking_export(request, pk):
    """The cluster's ranking as an Excel file."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    content = ranking_workbook(cluster, selectors.cluster_ranking(cluster))
    name = f"xep-hang-cum-{cluster.pk}-{cluster.year}.xlsx"
    return download(content, content_type=XLSX, filename=name)
