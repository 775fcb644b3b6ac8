"""The sector officer's appraisal queue: lines of submitted proposals by state, with the
working days left before each round's appraisal deadline; its Excel export."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django_tables2 import RequestConfig

from tdkt.core.workdays import count_working_days, holidays_between
from tdkt.proposals import permissions, selectors
from tdkt.proposals.exports import appraisal_workbook
from tdkt.proposals.forms import AppraisalQueueFilterForm
from tdkt.proposals.models import LineAppraisal, LineStatus, ProposalRound, ProposalStatus
from tdkt.proposals.tables import AppraisalQueueTable
from tdkt.proposals.views import PAGE_SIZE, XLSX, download

EXPORT_LIMIT = 5000


def _queue(request):
    permissions.require_manage_rounds(request.user)
    rounds = ProposalRound.objects.restrict(request.user)
    form = AppraisalQueueFilterForm(request.GET or None, rounds=rounds)
    filters = form.cleaned_data if form.is_valid() else {}
    status = filters.get("status") or LineStatus.SUBMITTED
    lines = selectors.line_list(user=request.user).filter(
        proposal__status=ProposalStatus.SUBMITTED, status=status
    )
    if filters.get("round"):
        lines = lines.filter(proposal__round=filters["round"])
    lines = lines.order_by("proposal__round__appraisal_deadline", "proposal__unit__path", "pk")
    return form, status, lines


def _set_days_left(lines) -> None:
    """Working days left (negative when overdue) on each line, over one read of the calendar."""
    today = timezone.localdate()
    deadlines = [line.proposal.round.appraisal_deadline for line in lines]
    if not deadlines:
        return
    holidays = holidays_between(min([today, *deadlines]), max([today, *deadlines]))
    for line, deadline in zip(lines, deadlines, strict=True):
        line.days_left = count_working_days(today, deadline, holidays)
        line.overdue = today > deadline


@login_required
def appraisal_queue(request):
    """Lines of submitted proposals, awaiting appraisal by default; filtered by state and
    round, sorted and paged; each with the working days left (or overdue)."""
    form, status, lines = _queue(request)
    table = AppraisalQueueTable(lines)
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    _set_days_left([row.record for row in table.page.object_list] if table.page else [])
    context = {"form": form, "table": table, "status": status}
    return render(request, "proposals/appraisal_queue.html", context)


@login_required
def appraisal_export(request):
    """The filtered queue as an Excel workbook, with each line's latest appraisal step."""
    _form, _status, lines = _queue(request)
    lines = list(lines[:EXPORT_LIMIT])
    _set_days_left(lines)
    last_steps = {}
    for step in LineAppraisal.objects.filter(line__in=[line.pk for line in lines]):
        last_steps[step.line_id] = step  # ordered oldest first: the last one wins
    content = appraisal_workbook(lines, last_steps=last_steps)
    return download(content, content_type=XLSX, filename="tham-dinh.xlsx")
