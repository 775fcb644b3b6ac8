"""The leader dashboard (*tổng quan cho lãnh đạo*): for the user's reach, the key figures of an
emulation year against the year before and that year's cluster rankings, this year's proposals,
the open rounds with their deadlines in working days and what is late. A fixed number of
queries whatever the scope.

The year shown is the one asked for (``?nam=``), or by default the **latest year whose annual
results are recorded** in the user's reach: the latest year, not after this one, with a standing
annual emulation title (``ANNUAL_TITLES``: LĐTT, CSTĐCS, TTLĐTT, TTLĐXS, conferred by every unit
at its year-end review). Awards decided during a year (a Bằng khen, an ad hoc award) do not
make it the year to read: in November 2026 the demo has eight Bằng khen of 2026 but its annual
titles are those of 2025, so 2025 is shown against 2024. Without any annual title in reach, the
latest year with a standing award; without any award, last year."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count
from django.utils.translation import gettext as _

from tdkt.core.workdays import count_working_days, holidays_between
from tdkt.emulation.models import Cluster
from tdkt.proposals.models import LineStatus, ProposalRound, RoundStatus
from tdkt.reports.statistics import awards, proposals
from tdkt.reports.statistics.forms import FIRST_YEAR
from tdkt.reports.statistics.scope import StatisticsScope, reaches_whole_tree, require_unit_reach
from tdkt.reports.statistics.tables import chart

ANNUAL_TITLES = ("LDTT", "CSTDCS", "TTLDTT", "TTLDXS")
"""The annual titles every unit confers at its year-end review: a year holding one of them in
the reach has its results recorded (the default year of the dashboard)."""
MAIN_CODES = ("LDTT", "CSTDCS", "CSTD_NGANH", "BK_NGANH", "TTLDTT", "TTLDXS", "CO_NGANH",
              "KNC_VSNKS")  # fmt: skip
"""The codes whose yearly counts a leader follows; state-level awards are shown as one line."""
TOP = 3
"""How many ranked units of each cluster the dashboard shows."""


@dataclass(frozen=True)
class KeyFigure:
    """One figure of two years; ``drill`` are the filters of the list behind it (with the
    year added), ``target`` that list ("awards" or "lines"), or none."""

    label: str
    current: int | float | Decimal | None
    previous: int | float | Decimal | None
    drill: dict | None = None
    target: str = "awards"
    suffix: str = ""

    @property
    def change(self):
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous


@dataclass(frozen=True)
class OpenRound:
    round: ProposalRound
    submission_left: int
    appraisal_left: int
    lines: int
    waiting: int
    returned: int


@dataclass(frozen=True)
class LateItem:
    """Lines of one round that are late: still awaiting appraisal after its deadline, or
    returned to the unit and not resubmitted."""

    round_id: int
    round_name: str
    year: int
    deadline: dt.date
    status: str
    count: int
    overdue: int
    """Working days since the deadline (0 when the deadline has not passed)."""


@dataclass
class ClusterStanding:
    cluster: Cluster
    leading_unit: object
    ranked: list = field(default_factory=list)
    """(rank, unit, final total) of the first ``TOP`` submitted scorecards."""
    closed: bool = False
    """The cross-review is closed: the ranking is final (otherwise provisional)."""


@dataclass
class Dashboard:
    today: dt.date
    award_year: int
    """The emulation year shown (asked for, or ``default_year``)."""
    default_year: int
    """The latest year whose annual results are recorded in the reach."""
    proposal_year: int
    figures: list[KeyFigure]
    proposal_figures: list[KeyFigure]
    rounds: list[OpenRound]
    late: list[LateItem]
    cluster_year: int
    clusters: list[ClusterStanding]
    chart: dict


def default_award_year(user, today: dt.date, types: dict, whole_tree: bool = False) -> int:
    """The latest year, not after this one, whose annual results are recorded in the user's
    reach: with a standing award of an ``ANNUAL_TITLES`` title; failing that, with any standing
    award; failing that, last year. One query (two without annual titles): the register is
    read from its latest year down, so only the few awards after the annual titles are
    passed over."""
    scope = StatisticsScope(user, FIRST_YEAR, today.year, whole_tree=whole_tree)
    standing = awards.awards_in(scope).filter(revoked=False).order_by("-year")
    annual = [types[c]["id"] for c in ANNUAL_TITLES if c in types]
    found = standing.filter(award_type_id__in=annual).values_list("year", flat=True).first()
    if found is None:
        found = standing.values_list("year", flat=True).first()
    return found or today.year - 1


def _award_figures(user, year: int, types: dict, whole_tree: bool):
    scope = StatisticsScope(user, year - 1, year, whole_tree=whole_tree)
    register = awards.award_figures(scope, types)
    rows = register.code_years
    women = awards.women_share_by_year(register.people)
    by = defaultdict(int)
    money = defaultdict(Decimal)
    for r in rows:
        by[(r.year, r.code)] += r.count
        by[(r.year, "*")] += r.count
        by[(r.year, types[r.code]["level"])] += r.count
        money[r.year] += r.money
    figures = [KeyFigure(_("Tổng số khen thưởng"), by[(year, "*")], by[(year - 1, "*")], {})]
    figures += [
        KeyFigure(types[c]["name"], by[(year, c)], by[(year - 1, c)], {"code": c})
        for c in MAIN_CODES
        if c in types
    ]
    figures += [
        KeyFigure(_("Khen thưởng cấp Nhà nước"), by[(year, 2)], by[(year - 1, 2)], {"level": "2"}),
        KeyFigure(_("Tỷ lệ nữ trong khen thưởng cá nhân"), women.get(year), women.get(year - 1),
                  {"gender": "F"}, suffix="%"),
        KeyFigure(_("Tiền thưởng (đồng)"), money[year], money[year - 1], {"money": "set"}),
    ]  # fmt: skip
    chart_data = chart(
        "bar",
        [wrap(types[c]["name"]) for c in MAIN_CODES if c in types],
        [
            {"label": str(y), "data": [by[(y, c)] for c in MAIN_CODES if c in types],
             "filters": {"year": y}}
            for y in (year - 1, year)
        ],
        [{"code": c} for c in MAIN_CODES if c in types],
    )  # fmt: skip
    chart_data["horizontal"] = True
    return figures, chart_data


def wrap(label: str, width: int = 24) -> list[str]:
    """A long name as lines of about ``width`` characters (Chart.js draws each on its own
    line)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _proposal_figures(user, year: int) -> list[KeyFigure]:
    rows = proposals.round_status_counts(StatisticsScope(user, year - 1, year))
    submitted, accepted = defaultdict(int), defaultdict(int)
    for r in rows:
        if r["status"] != LineStatus.DRAFT:
            submitted[r["proposal__round__year"]] += r["n"]
        if r["status"] in proposals.AFTER_ACCEPTANCE:
            accepted[r["proposal__round__year"]] += r["n"]
    not_draft = ",".join(s for s in LineStatus.values if s != LineStatus.DRAFT)
    return [
        KeyFigure(_("Dòng đề nghị đã nộp"), submitted[year], submitted[year - 1],
                  {"status": not_draft}, "lines"),
        KeyFigure(_("Dòng đề nghị thẩm định đạt"), accepted[year], accepted[year - 1],
                  {"status": ",".join(proposals.AFTER_ACCEPTANCE)}, "lines"),
    ]  # fmt: skip


def _rounds_and_late(user, today: dt.date) -> tuple[list[OpenRound], list[LateItem]]:
    """Open rounds (one query), the reached lines per round and state that matter (one
    query) and the holidays of the span (one query)."""
    open_rounds = list(
        ProposalRound.objects.restrict(user).filter(status=RoundStatus.OPEN)
        .order_by("submission_deadline", "pk")
    )  # fmt: skip
    scope = StatisticsScope(user, 2000, 9999)
    counts = (
        proposals.lines_in(scope)
        .values("proposal__round_id", "proposal__round__name", "proposal__round__year",
                "proposal__round__submission_deadline", "proposal__round__appraisal_deadline",
                "status")
        .annotate(n=Count("id"))
        .order_by("proposal__round__appraisal_deadline", "proposal__round_id")
    )  # fmt: skip
    rows = list(counts)
    dates = [today] + [r.appraisal_deadline for r in open_rounds]
    dates += [r["proposal__round__submission_deadline"] for r in rows]
    holidays = holidays_between(min(dates), max(dates))
    per_round: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    late = []
    for r in rows:
        per_round[r["proposal__round_id"]][r["status"]] += r["n"]
        if r["status"] == LineStatus.SUBMITTED:
            deadline = r["proposal__round__appraisal_deadline"]
        elif r["status"] == LineStatus.RETURNED:
            deadline = r["proposal__round__submission_deadline"]
        else:
            continue
        if r["status"] == LineStatus.SUBMITTED and deadline >= today:
            continue
        late.append(
            LateItem(r["proposal__round_id"], r["proposal__round__name"],
                     r["proposal__round__year"], deadline, r["status"], r["n"],
                     max(count_working_days(deadline, today, holidays), 0))
        )  # fmt: skip
    return [
        OpenRound(
            round=r,
            submission_left=count_working_days(today, r.submission_deadline, holidays),
            appraisal_left=count_working_days(today, r.appraisal_deadline, holidays),
            lines=sum(per_round[r.pk].values()),
            waiting=per_round[r.pk][LineStatus.SUBMITTED],
            returned=per_round[r.pk][LineStatus.RETURNED],
        )
        for r in open_rounds
    ], late


def _clusters(user, year: int) -> list[ClusterStanding]:
    """Clusters and blocks of ``year`` in reach (organised by a unit in reach, or with a
    member in reach), each with its voted leading unit, whether its cross-review is closed,
    and its first ranked units (submitted scorecards only). A fixed number of queries."""
    from tdkt.scoring.models import Scorecard
    from tdkt.scoring.results import rank
    from tdkt.scoring.selectors import scorecards_with_results

    clusters = list(
        Cluster.objects.restrict(user).filter(year=year)
        .select_related("organiser", "scoring_vote__leading_unit", "scoring_review")
        .order_by("organiser__path", "kind", "name", "pk")
    )  # fmt: skip
    results = scorecards_with_results(Scorecard.objects.filter(cluster__in=clusters))
    by_cluster = defaultdict(list)
    for result in results:
        by_cluster[result.scorecard.cluster_id].append(result)
    standings = []
    for cluster in clusters:
        vote = getattr(cluster, "scoring_vote", None)
        review = getattr(cluster, "scoring_review", None)
        ranked = [r for r in rank(by_cluster[cluster.pk]) if r.rank][:TOP]
        standings.append(
            ClusterStanding(
                cluster,
                vote.leading_unit if vote else None,
                [(r.rank, r.scorecard.unit, r.final_totals.total) for r in ranked],
                closed=bool(review and review.is_closed),
            )
        )
    return standings


def dashboard_for(*, user, today: dt.date, year: int | None = None) -> Dashboard:
    """The dashboard of ``user``'s reach on ``today`` for the emulation ``year`` (by default
    the latest year whose annual results are recorded); 404 without a role at a unit."""
    require_unit_reach(user)
    types = awards.catalog()
    whole_tree = reaches_whole_tree(user)
    default_year = default_award_year(user, today, types, whole_tree)
    award_year = year or default_year
    figures, chart_data = _award_figures(user, award_year, types, whole_tree)
    rounds, late = _rounds_and_late(user, today)
    return Dashboard(
        today=today,
        award_year=award_year,
        default_year=default_year,
        proposal_year=today.year,
        figures=figures,
        proposal_figures=_proposal_figures(user, today.year),
        rounds=rounds,
        late=late,
        cluster_year=award_year,
        clusters=_clusters(user, award_year),
        chart=chart_data,
    )
