"""Proposal figures of a scope: lines by state and by round, appraisal and council outcomes with
their turnaround in working days. Lines belong to the scope through the proposing unit and to
the period through their round's year. Three queries whatever the number of lines."""

import datetime as dt
import statistics as pystats
from collections import defaultdict

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.workdays import count_working_days, holidays_between
from tdkt.proposals.models import AppraisalAction, LineAppraisal, LineStatus, ProposalLine
from tdkt.reports.statistics.scope import StatisticsScope
from tdkt.reports.statistics.tables import LINES, Cell, Row, Table, chart, count

AFTER_ACCEPTANCE = [
    LineStatus.ACCEPTED, LineStatus.PASSED, LineStatus.NOT_PASSED, LineStatus.TRANSMITTED,
    LineStatus.AWARDED, LineStatus.NOT_AWARDED, LineStatus.REVOKED,
]  # fmt: skip
"""States a line reaches only after the appraisal accepted it."""

ROUND_COLUMNS = [
    (_("Đang lập"), [LineStatus.DRAFT]),
    (_("Chờ thẩm định"), [LineStatus.SUBMITTED]),
    (_("Trả lại để bổ sung"), [LineStatus.RETURNED]),
    (_("Không chấp nhận"), [LineStatus.REJECTED]),
    (_("Thẩm định đạt (kể cả các bước sau)"), AFTER_ACCEPTANCE),
    (_("Đã có quyết định khen thưởng"), [LineStatus.AWARDED]),
]
"""Columns of the table by round: each names the line states it counts."""

DECISIONS = {
    AppraisalAction.ACCEPTED, AppraisalAction.RETURNED, AppraisalAction.REJECTED,
}  # fmt: skip
COUNCIL = {AppraisalAction.PASSED, AppraisalAction.NOT_PASSED}


def lines_in(scope: StatisticsScope):
    return ProposalLine.objects.filter(
        scope.within("proposal__unit"), year__gte=scope.year_from, year__lte=scope.year_to
    )


def round_status_counts(scope: StatisticsScope) -> list[dict]:
    """One aggregate query: lines per round and state."""
    return list(
        lines_in(scope)
        .values("proposal__round_id", "proposal__round__name", "proposal__round__year", "status")
        .annotate(n=Count("id"))
        .order_by("-proposal__round__year", "proposal__round__name")
    )


def _statuses(statuses) -> str:
    return ",".join(statuses)


def by_status(rows: list[dict]) -> Table:
    totals: dict[str, int] = defaultdict(int)
    for r in rows:
        totals[r["status"]] += r["n"]
    present = [s for s in LineStatus.values if totals[s]]
    labels = dict(LineStatus.choices)
    whole = sum(totals.values())
    return Table(
        "lines_by_status",
        _("Dòng đề nghị theo trạng thái"),
        [_("Số dòng")],
        [Row(str(labels[s]), [count(totals[s], status=s)], key=s) for s in present],
        LINES,
        total=Row(_("Tổng cộng"), [count(whole)]),
        chart=chart(
            "bar",
            [str(labels[s]) for s in present],
            [{"label": _("Số dòng"), "data": [totals[s] for s in present]}],
            [{"status": s} for s in present],
        ),
    )


def by_round(rows: list[dict]) -> Table:
    rounds: dict[int, dict] = {}
    for r in rows:
        entry = rounds.setdefault(
            r["proposal__round_id"],
            {"name": r["proposal__round__name"], "year": r["proposal__round__year"], "n": {}},
        )
        entry["n"][r["status"]] = r["n"]
    table_rows = []
    for pk, entry in rounds.items():
        cells = [count(sum(entry["n"].values()), round=pk)]
        for _label, statuses in ROUND_COLUMNS:
            n = sum(entry["n"].get(s, 0) for s in statuses)
            cells.append(count(n, round=pk, status=_statuses(statuses)))
        table_rows.append(Row(f"{entry['name']} ({entry['year']})", cells, key=str(pk)))
    return Table(
        "lines_by_round",
        _("Dòng đề nghị theo đợt"),
        [_("Tổng số"), *(label for label, _s in ROUND_COLUMNS)],
        table_rows,
        LINES,
    )


def appraisal_steps(scope: StatisticsScope) -> list[tuple]:
    """One query: every appraisal step of the scope's lines, in order, with the time the
    proposal was submitted (the start of the first appraisal)."""
    return list(
        LineAppraisal.objects.filter(
            scope.within("line__proposal__unit"),
            line__year__gte=scope.year_from,
            line__year__lte=scope.year_to,
        )
        .values_list("line_id", "action", "at", "line__proposal__submitted_at")
        .order_by("line_id", "at", "pk")
    )


def turnarounds(steps: list[tuple]) -> dict[str, list[int]]:
    """Working days each appraisal decision took since the (re)submission it answered, each
    resubmission since the return it answered, and each council result since the acceptance,
    per action. A step with nothing before it to answer (a council result without an earlier
    acceptance, a resubmission without a return) or recorded before the event it answers
    (an inconsistent history) is counted in the table but not timed. One query for the
    holidays."""
    local = [(line, action, timezone.localdate(at), sub and timezone.localdate(sub))
             for line, action, at, sub in steps]  # fmt: skip
    days = [d for _l, _a, at, sub in local for d in (at, sub) if d]
    holidays = holidays_between(min(days), max(days)) if days else set()
    result: dict[str, list[int]] = defaultdict(list)
    line_seen = None
    since: dict[str, dt.date | None] = {}
    for line, action, at, submitted in local:
        if line != line_seen:
            line_seen = line
            since = {"submitted": submitted, "returned": None, "accepted": None}
        if action == AppraisalAction.RESUBMITTED:
            start = since["returned"]
        elif action in DECISIONS:
            start = since["submitted"]
        elif action in COUNCIL:
            start = since["accepted"]
        else:
            continue
        if start is not None and start <= at:
            result[action].append(count_working_days(start, at, holidays))
        if action == AppraisalAction.RESUBMITTED:
            since["submitted"] = at
        elif action == AppraisalAction.RETURNED:
            since["returned"] = at
        elif action == AppraisalAction.ACCEPTED:
            since["accepted"] = at
    return result


def outcomes(steps: list[tuple]) -> Table:
    counted: dict[str, int] = defaultdict(int)
    for _line, action, _at, _sub in steps:
        counted[action] += 1
    waits = turnarounds(steps)
    labels = dict(AppraisalAction.choices)
    order = [
        AppraisalAction.ACCEPTED,
        AppraisalAction.RETURNED,
        AppraisalAction.REJECTED,
        AppraisalAction.RESUBMITTED,
        AppraisalAction.PASSED,
        AppraisalAction.NOT_PASSED,
    ]
    rows = []
    for action in order:
        if not counted[action]:
            continue
        days = waits.get(action, [])
        figures = (
            [round(pystats.mean(days), 1), pystats.median(days), max(days)] if days else [None] * 3
        )
        rows.append(
            Row(str(labels[action]),
                [count(counted[action], step=action), *(Cell(v) for v in figures)], key=action)
        )  # fmt: skip
    return Table(
        "appraisal",
        _("Kết quả thẩm định và Hội đồng, thời gian xử lý (ngày làm việc)"),
        [_("Số lượt"), _("Trung bình"), _("Trung vị"), _("Lâu nhất")],
        rows,
        LINES,
        note=_(
            "Thời gian thẩm định tính từ ngày đơn vị nộp (hoặc nộp lại) đến ngày có kết quả; "
            "thời gian nộp lại tính từ ngày bị trả lại; thời gian của Hội đồng tính từ ngày "
            "thẩm định đạt. Không tính thứ Bảy, Chủ nhật và "
            "ngày nghỉ trong lịch nghỉ."
        ),
    )
