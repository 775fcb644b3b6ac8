"""API routes for scorecards, rankings and cluster vote results, scoped like the pages:
a scorecard or cluster outside the caller's reach answers 404."""

from decimal import Decimal

from ninja import Query, Router, Schema

from tdkt.api.pagination import MAX_PAGE, MAX_PAGE_SIZE
from tdkt.scoring import selectors
from tdkt.scoring.models import Scorecard

router = Router(tags=["Chấm điểm, xếp hạng"])


class TotalsOut(Schema):
    standard: Decimal
    bonus: Decimal
    deduction: Decimal
    total: Decimal


class ScorecardOut(Schema):
    id: int
    year: int
    cluster_id: int
    cluster_name: str
    unit_id: int
    unit_code: str
    unit_name: str
    table_id: int
    status: str
    submitted_at: str | None
    self_totals: TotalsOut
    final_totals: TotalsOut
    band: str
    rank: int | None
    flagged_criteria: list[str]


class LineOut(Schema):
    criterion_id: int
    code: str
    title: str
    kind: str
    max_points: Decimal
    self_points: Decimal
    reviewer_points: dict[int, Decimal]
    final_points: Decimal
    flagged: bool


class ScorecardDetailOut(ScorecardOut):
    lines: list[LineOut]


class ScorecardPage(Schema):
    items: list[ScorecardOut]
    count: int


class CandidateOut(Schema):
    unit_id: int
    unit_name: str
    kind: str
    agree: int | None
    disagree: int | None
    abstain: int | None
    approved: bool | None


class VoteOut(Schema):
    cluster_id: int
    status: str
    share: Decimal
    denominator: str
    parameter_unsure: bool
    member_count: int
    turnout_units: list[int]
    candidates: list[CandidateOut]
    leading_unit_id: int | None


def _totals(totals) -> dict:
    return {
        "standard": totals.standard,
        "bonus": totals.bonus,
        "deduction": totals.deduction,
        "total": totals.total,
    }


def _card(result, with_lines: bool = False) -> dict:
    card = result.scorecard
    out = {
        "id": card.pk,
        "year": card.cluster.year,
        "cluster_id": card.cluster_id,
        "cluster_name": card.cluster.name,
        "unit_id": card.unit_id,
        "unit_code": card.unit.code,
        "unit_name": card.unit.short_name,
        "table_id": card.table_id,
        "status": card.status,
        "submitted_at": card.submitted_at.isoformat() if card.submitted_at else None,
        "self_totals": _totals(result.self_totals),
        "final_totals": _totals(result.final_totals),
        "band": result.band,
        "rank": result.rank,
        "flagged_criteria": [line.criterion.code for line in result.flagged],
    }
    if with_lines:
        out["lines"] = [
            {
                "criterion_id": line.criterion.pk,
                "code": line.criterion.code,
                "title": line.criterion.title,
                "kind": line.criterion.kind,
                "max_points": line.criterion.max_points,
                "self_points": line.self_points,
                "reviewer_points": line.reviewer_values,
                "final_points": line.final,
                "flagged": line.flagged,
            }
            for line in result.lines
        ]
    return out


@router.get("/scorecards", response=ScorecardPage, summary="Phiếu tự chấm trong phạm vi")
def list_scorecards(
    request,
    year: int | None = Query(None, ge=2000, le=2100),
    cluster: int | None = None,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(100, ge=1, le=MAX_PAGE_SIZE),
):
    """Scorecards of the caller's units and of the clusters the caller reaches, with their
    totals (ranks are given by the ranking route)."""
    qs = Scorecard.objects.restrict(request.user).order_by(
        "cluster__year", "cluster_id", "unit__code", "pk"
    )
    if year:
        qs = qs.filter(cluster__year=year)
    if cluster:
        qs = qs.filter(cluster_id=cluster)
    count = qs.count()
    start = (page - 1) * page_size
    ids = list(qs.values_list("pk", flat=True)[start : start + page_size])
    results = selectors.scorecards_with_results(Scorecard.objects.filter(pk__in=ids))
    order = {pk: i for i, pk in enumerate(ids)}
    results.sort(key=lambda r: order[r.scorecard.pk])
    return {"items": [_card(r) for r in results], "count": count}


@router.get("/scorecards/{int:pk}", response=ScorecardDetailOut, summary="Một phiếu tự chấm")
def get_scorecard(request, pk: int):
    """One scorecard with each criterion: self points, reviewers' points, final points."""
    card = selectors.scorecard_get(user=request.user, pk=pk)
    result = selectors.scorecards_with_results(Scorecard.objects.filter(pk=card.pk))[0]
    return _card(result, with_lines=True)


@router.get(
    "/clusters/{int:pk}/ranking", response=list[ScorecardOut], summary="Xếp hạng của cụm, khối"
)
def cluster_ranking(request, pk: int):
    """The cluster's scorecards in ranking order (drafts last, without rank)."""
    cluster = selectors.cluster_get(user=request.user, pk=pk)
    return [_card(r) for r in selectors.cluster_ranking(cluster)]


@router.get("/clusters/{int:pk}/vote", response=VoteOut, summary="Kết quả bình xét của cụm, khối")
def cluster_vote(request, pk: int):
    """Turnout and, once the vote is closed, each candidate's counts; never who voted what."""
    from django.http import Http404

    cluster = selectors.cluster_get(user=request.user, pk=pk)
    vote = getattr(cluster, "scoring_vote", None)
    if vote is None:
        raise Http404
    result = selectors.vote_result(vote)
    return {
        "cluster_id": cluster.pk,
        "status": vote.status,
        "share": vote.share,
        "denominator": vote.denominator,
        "parameter_unsure": vote.parameter_unsure,
        "member_count": vote.member_count,
        "turnout_units": [t.member_unit_id for t in result["turnout"]],
        "candidates": [
            {
                "unit_id": c.unit_id,
                "unit_name": c.unit.short_name,
                "kind": c.kind,
                "agree": c.agree,
                "disagree": c.disagree,
                "abstain": c.abstain,
                "approved": c.approved,
            }
            for c in result["candidates"]
        ],
        "leading_unit_id": vote.leading_unit_id,
    }
