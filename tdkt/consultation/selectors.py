"""Reads of consultations, each a fixed number of queries whatever the number of rows.

Officer reads take the acting user and are restricted to the consultations whose organising
unit they manage; public reads return only published consultations and only public fields
are ever rendered from them (see the public templates and API schemas).
"""

import datetime as dt

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _

from tdkt.consultation import permissions
from tdkt.consultation.models import (
    STATE_LEVEL,
    Candidate,
    Comment,
    Consultation,
    ConsultationStatus,
    Outcome,
)
from tdkt.core.scope import get_scoped_or_404
from tdkt.proposals.models import LineStatus, ProposalLine

UPHELD_BLOCK = "Ý kiến nhân dân phản ánh có cơ sở (đợt lấy ý kiến “%(title)s”): %(note)s"
PENDING_BLOCK = "Đang lấy ý kiến nhân dân (đợt “%(title)s”, đến hết ngày %(date)s)"
NO_OUTCOME_BLOCK = "Đợt lấy ý kiến nhân dân “%(title)s” chưa ghi kết quả"

CANDIDATE_RELATED = (
    "line__person__unit",
    "line__candidate_unit__parent",
    "line__award_type",
    "line__proposal__unit",
)


def consultation_list(*, user, status: str | None = None):
    """The consultations the user manages, newest first, with their numbers of candidates
    and of comments waiting for resolution."""
    qs = Consultation.objects.restrict(user, permissions.MANAGE).select_related("round")
    if status:
        qs = qs.filter(status=status)
    return qs.annotate(
        candidate_count=Count("candidates", distinct=True),
        unresolved_count=Count("comments", filter=Q(comments__resolution=""), distinct=True),
    ).order_by("-opens_on", "-pk")


def consultation_get(*, user, pk) -> Consultation:
    qs = Consultation.objects.select_related("round", "issuer_unit", "created_by")
    return get_scoped_or_404(qs, user, permissions.MANAGE, pk=pk)


def candidates_of(consultation: Consultation):
    """The consultation's candidates in order, with their line, person or unit and code, and
    the number of comments about each."""
    return (
        Candidate.objects.filter(consultation=consultation)
        .select_related(*CANDIDATE_RELATED)
        .annotate(
            comment_count=Count("comments", distinct=True),
            unresolved_count=Count("comments", filter=Q(comments__resolution=""), distinct=True),
        )
        .order_by("position", "pk")
    )


def eligible_lines(*, user, round_):
    """Lines of ``round_`` the user may publish: state-level code, passed by the council, not
    yet in a consultation (``user=None``: every such line, for the demo generator)."""
    qs = ProposalLine.objects.all() if user is None else ProposalLine.objects.restrict(user)
    return (
        qs.filter(
            proposal__round=round_,
            status=LineStatus.PASSED,
            award_type__level__gte=STATE_LEVEL,
            consultation_candidate__isnull=True,
        )
        .select_related("person__unit", "candidate_unit", "award_type", "proposal__unit")
        .order_by("proposal__unit__path", "award_type__sort_order", "pk")
    )


def comment_list(
    *, consultation: Consultation, state: str = "", candidate=None, oldest_first: bool = False
):
    """Comments of a consultation, newest first (or oldest first); ``state`` "open" or
    "resolved" filters."""
    qs = Comment.objects.filter(consultation=consultation).select_related(
        "candidate__line__person", "candidate__line__candidate_unit", "resolved_by"
    )
    if state == "open":
        qs = qs.filter(resolution="")
    elif state == "resolved":
        qs = qs.exclude(resolution="")
    if candidate is not None:
        qs = qs.filter(candidate=candidate)
    if oldest_first:
        qs = qs.order_by("received_at", "pk")
    return qs


def comment_get(*, user, pk) -> Comment:
    qs = Comment.objects.select_related(
        "consultation", "candidate__line__person", "candidate__line__candidate_unit"
    )
    return get_scoped_or_404(qs, user, permissions.MANAGE, pk=pk)


# --- public reads ------------------------------------------------------------------------


def public_open(*, today: dt.date):
    """Published consultations accepting comments on ``today``, closing soonest first."""
    return Consultation.objects.filter(
        status=ConsultationStatus.PUBLISHED, opens_on__lte=today, closes_on__gte=today
    ).order_by("closes_on", "pk")


def public_get(pk) -> Consultation:
    """A consultation that has been published (whatever happened since); 404 otherwise."""
    try:
        return Consultation.objects.exclude(status=ConsultationStatus.DRAFT).get(pk=pk)
    except (Consultation.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def public_with_candidates(qs):
    return qs.prefetch_related(
        Prefetch(
            "candidates",
            queryset=Candidate.objects.select_related(*CANDIDATE_RELATED).order_by(
                "position", "pk"
            ),
        )
    )


# --- for other apps ---------------------------------------------------------------------


def transmission_blockers(lines) -> dict[int, str]:
    """For the lines that may not be transmitted upward because of a consultation, the
    Vietnamese reason, by line id (one query). A line is blocked while its consultation is
    published and has no outcome yet, and when the outcome is an upheld objection. Lines never
    published, or whose consultation is still a draft, are not blocked."""
    ids = [getattr(line, "pk", line) for line in lines]
    rows = (
        Candidate.objects.filter(line_id__in=ids)
        .exclude(consultation__status=ConsultationStatus.DRAFT)
        .select_related("consultation")
    )
    blocked: dict[int, str] = {}
    for candidate in rows:
        consultation = candidate.consultation
        values = {
            "title": consultation.title,
            "date": f"{consultation.closes_on:%d/%m/%Y}",
            "note": candidate.outcome_note,
        }
        if consultation.status == ConsultationStatus.PUBLISHED:
            blocked[candidate.line_id] = _(PENDING_BLOCK) % values
        elif consultation.status == ConsultationStatus.CLOSED:
            blocked[candidate.line_id] = _(NO_OUTCOME_BLOCK) % values
        elif candidate.outcome == Outcome.UPHELD:
            blocked[candidate.line_id] = _(UPHELD_BLOCK) % values
    return blocked


def report_of_line(*, user, line) -> Candidate | None:
    """The candidate row of ``line`` when its consultation has a report and ``user`` sees the
    line (for the line page and the report download); None otherwise."""
    candidate = (
        Candidate.objects.filter(line=line)
        .exclude(consultation__report="")
        .select_related("consultation")
        .first()
    )
    if candidate is None:
        return None
    if not ProposalLine.objects.restrict(user).filter(pk=line.pk).exists():
        return None
    return candidate
