"""The lists behind the figures: the standing awards, or the proposal lines, that a figure
counts, read with the same scope and the figure's own filters."""

from django.db.models import F, QuerySet
from django.http import Http404

from tdkt.awards.models import Award
from tdkt.org.models import Unit
from tdkt.proposals.models import ProposalLine
from tdkt.reports.statistics.awards import STATE, awards_in
from tdkt.reports.statistics.proposals import lines_in
from tdkt.reports.statistics.scope import StatisticsScope

LAST = ("award_type__sort_order", "holder_unit__path", "pk")
AWARD_ORDERS = {
    "-year": ("-year", *LAST),
    "year": ("year", *LAST),
    "code": ("award_type__sort_order", "-year", "holder_unit__path", "pk"),
    "unit": ("holder_unit__path", "-year", "award_type__sort_order", "pk"),
    "-money": (F("money").desc(nulls_last=True), "-year", *LAST),
}
"""How the awards list may be sorted (``AwardDrillForm.sort``); ties broken to a stable order."""
LINE_ORDERS = {
    "-year": (
        "-year",
        "proposal__round_id",
        "proposal__unit__path",
        "award_type__sort_order",
        "pk",
    ),
    "unit": ("proposal__unit__path", "-year", "award_type__sort_order", "pk"),
    "code": ("award_type__sort_order", "-year", "proposal__unit__path", "pk"),
    "status": ("status", "-year", "proposal__unit__path", "pk"),
}

AWARD_FILTERS = {
    "year": "year",
    "code": "award_type__code",
    "kind": "kind",
    "unit_type": "holder_unit__unit_type",
    "gender": "person__gender",
}


def award_drill(scope: StatisticsScope, filters: dict) -> QuerySet[Award]:
    """Standing awards of the scope matching ``filters`` (cleaned ``AwardDrillForm`` data),
    or, with ``revoked="1"``, the revoked ones the figures leave out; newest first, with what a
    row shows selected alongside."""
    qs = awards_in(scope).filter(revoked=filters.get("revoked") == "1")
    for name, lookup in AWARD_FILTERS.items():
        value = filters.get(name)
        if value not in (None, ""):
            qs = qs.filter(**{lookup: value})
    if filters.get("level"):
        level = int(filters["level"])
        qs = qs.filter(
            **{"award_type__level__gte" if level == STATE else "award_type__level": level}
        )
    if filters.get("subject"):
        qs = qs.filter(person__isnull=filters["subject"] != "P")
    if filters.get("rank"):
        qs = qs.filter(person__isnull=False, person__rank=filters["rank"].strip("-"))
    if filters.get("money"):
        qs = qs.filter(money__isnull=filters["money"] == "none")
    if filters.get("branch"):
        branch = Unit.objects.filter(pk=filters["branch"]).values("pk", "path", "depth").first()
        if branch is None:
            raise Http404
        if branch["depth"] == 0:
            qs = qs.filter(holder_unit_id=branch["pk"])
        else:
            qs = qs.filter(holder_unit__path__startswith=branch["path"])
    order = AWARD_ORDERS.get(filters.get("sort") or "-year", AWARD_ORDERS["-year"])
    return qs.select_related("award_type", "person", "unit", "holder_unit").order_by(*order)


def line_drill(scope: StatisticsScope, filters: dict) -> QuerySet[ProposalLine]:
    """Proposal lines of the scope matching ``filters`` (cleaned ``LineDrillForm`` data): by
    state, round, and appraisal step taken (a line counts once however many times it took it)."""
    qs = lines_in(scope)
    if filters.get("status"):
        qs = qs.filter(status__in=filters["status"])
    if filters.get("round"):
        qs = qs.filter(proposal__round_id=filters["round"])
    if filters.get("step"):
        qs = qs.filter(
            pk__in=lines_in(scope).filter(appraisals__action=filters["step"]).values("pk")
        )
    order = LINE_ORDERS.get(filters.get("sort") or "-year", LINE_ORDERS["-year"])
    return qs.select_related(
        "proposal__round", "proposal__unit", "person", "candidate_unit", "award_type"
    ).order_by(*order)
