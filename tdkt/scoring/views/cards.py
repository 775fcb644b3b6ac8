"""Pages of a scorecard: self-scoring with evidence, submission, the review, the export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.org.models import Unit
from tdkt.scoring import permissions, selectors
from tdkt.scoring.exports import scorecard_workbook
from tdkt.scoring.forms import EvidenceForm, RecuseForm, ReviewForm, ScorecardForm, VersionForm
from tdkt.scoring.models import Adjustment, Evidence, Review
from tdkt.scoring.services import cards as services
from tdkt.scoring.services import reviews as review_services
from tdkt.scoring.services.indicators import indicator_points
from tdkt.scoring.views.common import XLSX, download


def _result(card):
    from tdkt.scoring.models import Scorecard

    return selectors.scorecards_with_results(Scorecard.objects.filter(pk=card.pk))[0]


def _editable(card) -> str | None:
    """The reason the scorecard cannot be edited now, or None."""
    try:
        services.require_self_editable(card)
    except DomainError as error:
        return error.message
    return None


def _reviewer_choices(request, card) -> list:
    """Member units other than the scorecard's that the user may review for."""
    members = card.cluster.members.select_related("unit").exclude(unit=card.unit_id)
    return [m.unit for m in members if permissions.can_act_for(request.user, m.unit)]


def _card_context(request, card, form=None, evidence_form=None) -> dict:
    result = _result(card)
    criteria = [line.criterion for line in result.lines]
    can_act = permissions.can_act_for(request.user, card.unit)
    blocked = _editable(card)
    editable = can_act and blocked is None
    if editable and form is None:
        initial = {"version": card.version}
        for entry in card.entries.all():
            initial[f"c_{entry.criterion_id}"] = entry.points
            initial[f"n_{entry.criterion_id}"] = entry.note
        form = ScorecardForm(initial=initial, criteria=criteria)
    if editable and evidence_form is None:
        evidence_form = EvidenceForm(criteria=card.table.criteria.all())
    notes = {e.criterion_id: e.note for e in card.entries.all()}
    computed = indicator_points(card)
    if editable:
        for pk in computed:
            form.fields[f"c_{pk}"].disabled = True
            form.fields[f"n_{pk}"].disabled = True
    files: dict[int, list] = {}
    for item in card.evidence.all():
        files.setdefault(item.criterion_id, []).append(item)
    rows = []
    for line in result.lines:
        pk = line.criterion.pk
        rows.append(
            {
                "line": line,
                "files": files.get(pk, []),
                "values": [line.reviewer_values.get(u.pk) for u in result.active_reviewers],
                "note": notes.get(pk, ""),
                "computed": computed.get(pk),
                "points_field": form[f"c_{pk}"] if editable else None,
                "note_field": form[f"n_{pk}"] if editable else None,
            }
        )
    adjustments = (
        Adjustment.objects.filter(review__scorecard=card)
        .select_related("review__reviewer", "criterion", "actor")
        .order_by("-created_at", "-pk")
    )
    review_state = getattr(card.cluster, "scoring_review", None)
    return {
        "card": card,
        "result": result,
        "rows": rows,
        "form": form,
        "evidence_form": evidence_form,
        "editable": editable,
        "blocked": blocked if can_act else None,
        "can_act": can_act,
        "deadline": services.deadline_of(card),
        "adjustments": adjustments,
        "self_history": selectors.self_scoring_history(card),
        "review_state": review_state,
        "reviewer_units": _reviewer_choices(request, card)
        if review_state and not review_state.is_closed and card.is_submitted
        else [],
    }


@login_required
def scorecard_detail(request, pk):
    """A scorecard: the table with self points, evidence, reviewers' values and final points;
    the self-scoring form while the unit may still change it."""
    card = selectors.scorecard_get(user=request.user, pk=pk)
    return render(request, "scoring/scorecard.html", _card_context(request, card))


@login_required
@require_POST
def scorecard_start(request, pk, unit_pk):
    """Open the scorecard of a member unit (from the cluster dashboard)."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    unit = get_object_or_404(Unit, pk=unit_pk)
    if not permissions.can_act_for(request.user, unit):
        raise Http404
    try:
        card = services.scorecard_start(cluster=cluster, unit=unit, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("scoring:cluster", pk=cluster.pk)
    messages.success(
        request, _("Đã lập phiếu tự chấm điểm theo bảng %(table)s.") % {"table": card.table}
    )
    return redirect("scoring:scorecard", pk=card.pk)


def _own_card(request, pk):
    card = selectors.scorecard_get(user=request.user, pk=pk)
    if not permissions.can_act_for(request.user, card.unit):
        raise Http404
    return card


@login_required
@require_POST
def scorecard_save(request, pk):
    """Save the self-scored points; bad input is shown back with the values typed."""
    card = _own_card(request, pk)
    form = ScorecardForm(request.POST, criteria=list(card.table.criteria.all()))
    if form.is_valid():
        try:
            services.scorecard_save(
                scorecard=card,
                expected_version=form.cleaned_data["version"],
                user=request.user,
                points=form.points(),
                notes=form.notes(),
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã lưu điểm tự chấm."))
            return redirect("scoring:scorecard", pk=card.pk)
    context = _card_context(request, card, form=form)
    if _editable(card) is not None:
        messages.error(request, _editable(card))
        return redirect("scoring:scorecard", pk=card.pk)
    return render(request, "scoring/scorecard.html", context, status=400)


@login_required
@require_POST
def evidence_upload(request, pk):
    card = _own_card(request, pk)
    form = EvidenceForm(request.POST, request.FILES, criteria=card.table.criteria.all())
    if form.is_valid():
        try:
            services.evidence_add(
                scorecard=card,
                criterion=form.cleaned_data["criterion"],
                upload=form.cleaned_data["file"],
                user=request.user,
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã tải lên tài liệu chứng minh."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect(f"{request.build_absolute_uri(card_url(card))}#tai-lieu")


def card_url(card) -> str:
    from django.urls import reverse

    return reverse("scoring:scorecard", kwargs={"pk": card.pk})


@login_required
def evidence_download(request, pk, evidence_pk):
    """Download an evidence file; only for users who reach the scorecard."""
    card = selectors.scorecard_get(user=request.user, pk=pk)
    evidence = get_object_or_404(Evidence, pk=evidence_pk, scorecard=card)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )


@login_required
@require_POST
def evidence_delete(request, pk, evidence_pk):
    card = _own_card(request, pk)
    evidence = get_object_or_404(Evidence, pk=evidence_pk, scorecard=card)
    try:
        services.evidence_delete(evidence=evidence, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Đã xóa tài liệu “%(name)s”.") % {"name": evidence.original_name}
        )
    return redirect("scoring:scorecard", pk=card.pk)


@login_required
@require_http_methods(["GET", "POST"])
def scorecard_submit(request, pk):
    """Confirm, then hand the scorecard in (after which the unit cannot change it)."""
    card = _own_card(request, pk)
    form = VersionForm(request.POST or None, initial={"version": card.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.scorecard_submit(
                scorecard=card, expected_version=form.cleaned_data["version"], user=request.user
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã nộp phiếu tự chấm điểm."))
        return redirect("scoring:scorecard", pk=card.pk)
    result = _result(card)
    return render(
        request, "scoring/confirm_submit.html", {"card": card, "result": result, "form": form}
    )


@login_required
def scorecard_export(request, pk):
    card = selectors.scorecard_get(user=request.user, pk=pk)
    content = scorecard_workbook(_result(card))
    name = f"phieu-cham-{card.unit.code}-{card.cluster.year}.xlsx"
    return download(content, content_type=XLSX, filename=name)


def _reviewer_from(request, card):
    choices = _reviewer_choices(request, card)
    if not choices:
        raise Http404
    wanted = request.GET.get("don-vi") or request.POST.get("reviewer")
    for unit in choices:
        if str(unit.pk) == str(wanted):
            return unit, choices
    return choices[0], choices


@login_required
@require_http_methods(["GET", "POST"])
def review_edit(request, pk):
    """A reviewing member's points for another member's scorecard, with reasons; recusal."""
    card = selectors.scorecard_get(user=request.user, pk=pk)
    if not card.is_submitted:
        raise Http404
    reviewer, choices = _reviewer_from(request, card)
    result = _result(card)
    criteria = [line.criterion for line in result.lines]
    review = Review.objects.filter(scorecard=card, reviewer=reviewer).first()
    current = {s.criterion_id: s for s in review.scores.all()} if review else {}
    version = review.version if review else 0
    if request.method == "POST" and "recuse" in request.POST:
        recuse_form = RecuseForm(request.POST)
        form = None
        if recuse_form.is_valid():
            try:
                review_services.review_recuse(
                    scorecard=card, reviewer=reviewer, user=request.user,
                    reason=recuse_form.cleaned_data["reason"],
                    expected_version=recuse_form.cleaned_data["version"],
                )  # fmt: skip
            except DomainError as error:
                apply_domain_error(recuse_form, error)
            else:
                messages.success(request, _("Đã ghi nhận việc từ chối thẩm định."))
                return redirect("scoring:scorecard", pk=card.pk)
    else:
        recuse_form = RecuseForm(initial={"version": version})
        form = None
    if request.method == "POST" and "recuse" not in request.POST:
        form = ReviewForm(request.POST, criteria=criteria)
        if form.is_valid():
            try:
                review_services.review_save(
                    scorecard=card, reviewer=reviewer, user=request.user,
                    expected_version=form.cleaned_data["version"], changes=form.changes(),
                )  # fmt: skip
            except DomainError as error:
                apply_domain_error(form, error)
            else:
                messages.success(request, _("Đã lưu ý kiến thẩm định."))
                return redirect("scoring:scorecard", pk=card.pk)
    if form is None:
        initial = {"version": version}
        for line in result.lines:
            score = current.get(line.criterion.pk)
            initial[f"p_{line.criterion.pk}"] = score.points if score else line.self_points
            initial[f"r_{line.criterion.pk}"] = score.reason if score else ""
        form = ReviewForm(initial=initial, criteria=criteria)
    rows = [
        {
            "line": line,
            "points": form[f"p_{line.criterion.pk}"],
            "reason": form[f"r_{line.criterion.pk}"],
        }
        for line in result.lines
    ]
    context = {
        "card": card,
        "result": result,
        "reviewer": reviewer,
        "choices": choices,
        "review": review,
        "form": form,
        "recuse_form": recuse_form,
        "rows": rows,
        "status": 400 if request.method == "POST" else 200,
    }
    return render(request, "scoring/review.html", context, status=context["status"])
