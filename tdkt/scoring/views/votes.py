"""Pages of the cluster vote: open it, cast a member's ballot, close it, the minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.org.models import Unit
from tdkt.scoring import permissions, selectors
from tdkt.scoring.documents import minutes_docx
from tdkt.scoring.forms import BallotForm, VersionForm, VoteOpenForm
from tdkt.scoring.models import CandidacyKind
from tdkt.scoring.services import votes as services
from tdkt.scoring.views.clusters import dashboard_context
from tdkt.scoring.views.common import DOCX, download


def _open_form(request, cluster, context):
    """The opening form, prefilled from the ranking: first leading, second excellent, the
    rest advanced (the head changes it as the meeting decides)."""
    members = Unit.objects.filter(cluster_memberships__cluster=cluster).order_by("code")
    ranked = [r.scorecard.unit for r in context["ranking"]]
    initial = {
        "leading": ranked[:1],
        "excellent": ranked[1:2],
        "advanced": ranked[2:],
    }
    return VoteOpenForm(request.POST or None, units=members, initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
def vote_page(request, pk):
    """The vote of a cluster: opening (head), ballots (members), turnout and the result."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    context = dashboard_context(request, cluster)
    vote = context["vote"]
    open_form = None
    if vote is None and context["is_head"]:
        open_form = _open_form(request, cluster, context)
        if request.method == "POST" and open_form.is_valid():
            data = open_form.cleaned_data
            try:
                services.vote_open(
                    cluster=cluster,
                    user=request.user,
                    place=data["place"],
                    candidates={
                        CandidacyKind.LEADING: list(data["leading"]),
                        CandidacyKind.EXCELLENT: list(data["excellent"]),
                        CandidacyKind.ADVANCED: list(data["advanced"]),
                    },
                )
            except DomainError as error:
                open_form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã mở bình xét; các thành viên có thể bỏ phiếu."))
                return redirect("scoring:vote", pk=cluster.pk)
    elif request.method == "POST":
        raise Http404
    context["open_form"] = open_form
    context["threshold"] = services.threshold_on(cluster.year)
    if vote is not None:
        result = selectors.vote_result(vote)
        voted = {t.member_unit_id for t in result["turnout"]}
        pending = [
            row["member"].unit
            for row in context["rows"]
            if row["can_act"] and row["member"].unit_id not in voted
        ]
        context.update(
            result=result,
            pending=pending,
            ballots=[
                (unit, BallotForm(candidates=result["candidates"], auto_id=f"u{unit.pk}_%s"))
                for unit in pending
            ],
            close_form=VersionForm(initial={"version": vote.version}),
        )
    return render(request, "scoring/vote.html", context)


@login_required
@require_POST
def ballot_cast(request, pk, unit_pk):
    """One member's secret ballot, cast by a user holding a role at that member."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    vote = getattr(cluster, "scoring_vote", None)
    unit = get_object_or_404(Unit, pk=unit_pk)
    if vote is None or not permissions.can_act_for(request.user, unit):
        raise Http404
    candidates = list(vote.candidates.select_related("unit"))
    form = BallotForm(request.POST, candidates=candidates)
    if not form.is_valid():
        messages.error(request, _("Hãy cho ý kiến về mọi đơn vị được bình xét."))
        return redirect("scoring:vote", pk=cluster.pk)
    try:
        services.ballot_cast(vote=vote, member_unit=unit, user=request.user, choices=form.choices())
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Đã ghi nhận phiếu của %(unit)s (nội dung phiếu được giữ bí mật).")
            % {"unit": unit.short_name},
        )
    return redirect("scoring:vote", pk=cluster.pk)


@login_required
@require_POST
def vote_close(request, pk):
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    vote = getattr(cluster, "scoring_vote", None)
    if vote is None:
        raise Http404
    form = VersionForm(request.POST)
    if form.is_valid():
        try:
            services.vote_close(
                vote=vote, user=request.user, expected_version=form.cleaned_data["version"]
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã kết thúc bình xét và kiểm phiếu."))
    return redirect("scoring:vote", pk=cluster.pk)


@login_required
def vote_minutes(request, pk):
    """The minutes of a closed vote as a Word document."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    vote = getattr(cluster, "scoring_vote", None)
    if vote is None or not vote.is_closed:
        raise Http404
    try:
        content = minutes_docx(
            vote, selectors.vote_result(vote), selectors.cluster_ranking(cluster)
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("scoring:cluster", pk=cluster.pk)
    name = f"bien-ban-binh-xet-cum-{cluster.pk}-{cluster.year}.docx"
    return download(content, content_type=DOCX, filename=name)
