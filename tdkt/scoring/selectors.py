"""Reads of the scoring app. Every selector takes the acting user where data is scoped and
builds its queries so that a page's query count does not grow with its rows."""

from django.db.models import Count, Q

from tdkt.scoring.models import ScoringTable, TableStatus


def table_for(*, unit_type: str, year: int) -> ScoringTable | None:
    """The published table a unit of ``unit_type`` is scored against for ``year``: among the
    published tables covering that year, the one starting latest, then the latest edition."""
    return (
        ScoringTable.objects.filter(unit_type=unit_type, status=TableStatus.PUBLISHED)
        .filter(year_from__lte=year)
        .filter(Q(year_to__isnull=True) | Q(year_to__gte=year))
        .order_by("-year_from", "-edition")
        .first()
    )


def table_list(*, filters: dict | None = None):
    """Every table with its number of criteria, newest first within each unit type."""
    filters = filters or {}
    qs = (
        ScoringTable.objects.annotate(criteria_count=Count("criteria"))
        .select_related("published_by")
        .order_by("unit_type", "-year_from", "-edition", "pk")
    )
    if filters.get("unit_type"):
        qs = qs.filter(unit_type=filters["unit_type"])
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("year"):
        year = filters["year"]
        qs = qs.filter(year_from__lte=year).filter(Q(year_to__isnull=True) | Q(year_to__gte=year))
    return qs


class TableRow:
    """One line of a table's tree: a group (with its depth) or a criterion."""

    def __init__(self, *, depth: int, group=None, criterion=None):
        self.depth = depth
        self.group = group
        self.criterion = criterion

    @property
    def indent(self) -> str:
        return f"{self.depth * 1.25:.2f}rem"


def table_tree(table: ScoringTable) -> list[TableRow]:
    """The table's groups and criteria in reading order, in two queries."""
    groups = list(table.groups.all())
    criteria = list(table.criteria.all())
    children: dict[int | None, list] = {}
    for group in groups:
        children.setdefault(group.parent_id, []).append(group)
    items: dict[int, list] = {}
    for criterion in criteria:
        items.setdefault(criterion.group_id, []).append(criterion)
    rows: list[TableRow] = []

    def walk(parent_id, depth):
        for group in children.get(parent_id, []):
            rows.append(TableRow(depth=depth, group=group))
            for criterion in items.get(group.pk, []):
                rows.append(TableRow(depth=depth + 1, criterion=criterion))
            walk(group.pk, depth + 1)

    walk(None, 0)
    return rows


def table_summary(table: ScoringTable) -> dict:
    """Totals of a table by kind of criterion (one query)."""
    from decimal import Decimal

    totals = {"STANDARD": Decimal(0), "BONUS": Decimal(0), "DEDUCTION": Decimal(0)}
    count = 0
    for kind, points in table.criteria.values_list("kind", "max_points"):
        totals[kind] += points
        count += 1
    return {"count": count, **{k.lower(): v for k, v in totals.items()}}


def _criteria_and_bands(table_ids) -> tuple[dict, dict]:
    from tdkt.scoring.models import Criterion, ScoreBand

    criteria: dict[int, list] = {}
    for criterion in Criterion.objects.filter(table__in=table_ids).select_related("group"):
        criteria.setdefault(criterion.table_id, []).append(criterion)
    bands: dict[int, list] = {}
    for band in ScoreBand.objects.filter(table__in=table_ids):
        bands.setdefault(band.table_id, []).append(band)
    return criteria, bands


def _ordered(criteria: list) -> list:
    """Criteria in the table's reading order (group position, then criterion position)."""
    return sorted(criteria, key=lambda c: (c.group.position, c.group_id, c.position, c.pk))


def scorecards_with_results(scorecards) -> list:
    """Results of the given scorecards, in a fixed number of queries whatever their number."""
    from django.db.models import Prefetch

    from tdkt.scoring.models import Review
    from tdkt.scoring.results import card_result

    cards = list(
        scorecards.select_related("unit", "table", "cluster").prefetch_related(
            "entries",
            Prefetch(
                "reviews",
                queryset=Review.objects.select_related("reviewer").prefetch_related("scores"),
            ),
        )
    )
    criteria, bands = _criteria_and_bands({c.table_id for c in cards})
    return [
        card_result(card, _ordered(criteria.get(card.table_id, [])), bands.get(card.table_id, []))
        for card in cards
    ]


def cluster_ranking(cluster) -> list:
    """Every scorecard of the cluster with its result, ranked (drafts last, unranked)."""
    from tdkt.scoring.models import Scorecard
    from tdkt.scoring.results import rank

    return rank(scorecards_with_results(Scorecard.objects.filter(cluster=cluster)))


def leading_units(year: int) -> dict[int, int]:
    """Which unit led which cluster or block in ``year``, as voted by its members: unit id →
    cluster id. Only closed votes count. Read by the eligibility app for ``CO_NGANH``."""
    from tdkt.scoring.models import ClusterVote, VoteStatus

    rows = ClusterVote.objects.filter(
        cluster__year=year, status=VoteStatus.CLOSED, leading_unit__isnull=False
    ).values_list("leading_unit_id", "cluster_id")
    return dict(rows)


def vote_result(vote) -> dict:
    """Turnout and, once the vote is closed, each candidate's counts (two queries)."""
    from tdkt.scoring.services.votes import required_agree

    turnout = list(
        vote.turnout.select_related("member_unit", "cast_by").order_by("member_unit__path")
    )
    order = {kind: i for i, kind in enumerate(("LEADING", "EXCELLENT", "ADVANCED"))}
    candidates = sorted(
        vote.candidates.select_related("unit"), key=lambda c: (order[c.kind], c.unit.code)
    )
    return {
        "turnout": turnout,
        "candidates": candidates,
        "needed": required_agree(vote, len(turnout)),
    }


def cluster_list(*, user, year: int | None = None, query: str = ""):
    """Clusters and blocks the user reaches, with their scoring progress, in one query."""
    from tdkt.emulation.models import Cluster

    qs = (
        Cluster.objects.restrict(user)
        .select_related("organiser", "scoring_review", "scoring_vote__leading_unit")
        .annotate(
            member_count=Count("members", distinct=True),
            started=Count("scorecards", distinct=True),
            submitted=Count("scorecards", filter=Q(scorecards__status="SUBMITTED"), distinct=True),
        )
        .order_by("-year", "kind", "name", "pk")
    )
    if year:
        qs = qs.filter(year=year)
    if query:
        qs = qs.filter(name__icontains=query)
    return qs


def cluster_get(*, user, pk: int):
    """One cluster the user reaches (404 otherwise), with its organiser and states."""
    from tdkt.core.scope import get_scoped_or_404
    from tdkt.emulation.models import Cluster

    return get_scoped_or_404(
        Cluster.objects.select_related(
            "organiser", "scoring_review", "scoring_vote__leading_unit", "follower"
        ),
        user,
        pk=pk,
    )


def scorecard_get(*, user, pk: int):
    """One scorecard the user reaches: their own unit's, or any in a cluster they reach."""
    from tdkt.core.scope import get_scoped_or_404
    from tdkt.scoring.models import Scorecard

    return get_scoped_or_404(
        Scorecard.objects.select_related(
            "unit", "table", "cluster__organiser", "cluster__scoring_review", "submitted_by"
        ),
        user,
        pk=pk,
    )


def self_scoring_history(scorecard, limit: int = 200) -> list[dict]:
    """The unit's own changes to its scorecard, newest first: each point changed (from, to),
    and each step of the scorecard (started, submitted), with who and when. Three queries."""
    from tdkt.scoring.models import Criterion, Scorecard, ScoreEntry

    codes = dict(Criterion.objects.filter(table=scorecard.table_id).values_list("pk", "code"))
    rows, previous = [], {}
    records = (
        ScoreEntry.history.filter(scorecard_id=scorecard.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    for record in records:
        before = previous.get(record.id)
        after = None if record.history_type == "-" else record.points
        previous[record.id] = after
        if before == after:
            continue
        rows.append(
            {
                "when": record.history_date,
                "who": record.history_user.display_name if record.history_user else "",
                "what": codes.get(record.criterion_id, ""),
                "before": before,
                "after": after,
                "note": record.note,
            }
        )
    steps = (
        Scorecard.history.filter(id=scorecard.pk)
        .exclude(history_change_reason__in=["", "Tự chấm điểm"])
        .exclude(history_change_reason__isnull=True)
        .select_related("history_user")
    )
    for record in steps:
        rows.append(
            {
                "when": record.history_date,
                "who": record.history_user.display_name if record.history_user else "",
                "what": record.history_change_reason,
                "before": None,
                "after": None,
                "note": "",
            }
        )
    rows.sort(key=lambda row: row["when"], reverse=True)
    return rows[:limit]
