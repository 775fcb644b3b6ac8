"""Reads of decisions and transmissions, scoped: the sector office sees them all; a unit's
officer sees the decisions whose awards fall in their units, and only those awards."""

from django.db.models import Count, Q, Sum
from django.http import Http404

from tdkt.awards.models import Award, Decision, Transmission, TransmissionLine
from tdkt.catalog.models import STATE_LEVEL
from tdkt.proposals import permissions
from tdkt.proposals.models import LineStatus, ProposalLine


def visible_decisions(user):
    """Decisions the user manages (issuer in reach) or that hold an award in reach."""
    if user is None or not user.is_authenticated:
        return Decision.objects.none()
    managed = Decision.objects.restrict(user).values("pk")
    awarded = Award.objects.restrict(user).filter(decision__isnull=False).values("decision_id")
    return Decision.objects.filter(Q(pk__in=managed) | Q(pk__in=awarded))


def decision_list(*, user, filters: dict | None = None):
    """Visible decisions with their number of awards and money total, newest first."""
    filters = filters or {}
    decisions = visible_decisions(user).select_related("round")
    if filters.get("year"):
        decisions = decisions.filter(signed_year=filters["year"])
    if filters.get("round"):
        decisions = decisions.filter(round=filters["round"])
    if filters.get("authority"):
        decisions = decisions.filter(authority__icontains=filters["authority"])
    if filters.get("revoked") in ("yes", "no"):
        decisions = decisions.filter(revoked=filters["revoked"] == "yes")
    if filters.get("q"):
        decisions = decisions.filter(
            Q(number__icontains=filters["q"]) | Q(summary__icontains=filters["q"])
        )
    return decisions.annotate(
        award_count=Count("awards"), money_total=Sum("awards__money")
    ).order_by("-signed_on", "-pk")


def decision_get(*, user, pk) -> Decision:
    try:
        return visible_decisions(user).select_related("round", "created_by").get(pk=pk)
    except (Decision.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def decision_manage_get(*, user, pk) -> Decision:
    """A decision the user may change (the sector office); 404 for anyone else."""
    permissions.require_manage_rounds(user)
    return decision_get(user=user, pk=pk)


def recipients(*, user, decision):
    """The awards of ``decision`` the user may see, in the order of the attached list."""
    return (
        Award.objects.restrict(user)
        .filter(decision=decision)
        .select_related("award_type", "person", "unit", "holder_unit", "source_line__proposal")
        .order_by("award_type__sort_order", "holder_unit__path", "person__full_name", "pk")
    )


def recipient_totals(*, user, decision) -> dict:
    return (
        recipients(user=user, decision=decision)
        .order_by()
        .aggregate(count=Count("pk"), money=Sum("money"))
    )


def passed_lines(*, round_, state_level: bool):
    """Lines of ``round_`` the council passed, of state-level codes or not (officer only)."""
    level = Q(award_type__level__gte=STATE_LEVEL)
    lines = ProposalLine.objects.filter(proposal__round=round_, status=LineStatus.PASSED)
    lines = lines.filter(level if state_level else ~level)
    return lines.select_related(
        "proposal__unit", "person__unit", "candidate_unit", "award_type"
    ).order_by("award_type__sort_order", "proposal__unit__path", "person__full_name", "pk")


def transmission_list(*, user):
    permissions.require_manage_rounds(user)
    return (
        Transmission.objects.restrict(user)
        .select_related("round")
        .annotate(
            line_count=Count("items"),
            pending=Count("items", filter=Q(items__outcome="PENDING")),
        )
        .order_by("-sent_on", "-pk")
    )


def transmission_get(*, user, pk) -> Transmission:
    permissions.require_manage_rounds(user)
    try:
        return Transmission.objects.restrict(user).select_related("round").get(pk=pk)
    except (Transmission.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def transmission_items(transmission):
    return (
        TransmissionLine.objects.filter(transmission=transmission)
        .select_related(
            "line__proposal__unit",
            "line__person__unit",
            "line__candidate_unit",
            "line__award_type",
            "decision",
        )
        .order_by("line__award_type__sort_order", "line__proposal__unit__path", "pk")
    )
