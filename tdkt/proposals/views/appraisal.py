"""The sector officer's appraisal queue: lines of submitted proposals by state, with the
working days left before each round's appraisal deadline."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django_tables2 import RequestConfig

from tdkt.core.workdays import count_working_days, holidays_between
from tdkt.proposals import permissions, selectors
from tdkt.proposals.forms import AppraisalQueueFilterForm
from tdkt.proposals.models import LineStatus, ProposalRound, ProposalStatus
from tdkt.proposals.tables import AppraisalQueueTable
from tdkt.proposals.views import PAGE_SIZE


@login_required
def appraisal_queue(request):
    """Lines of submitted proposals, awaiting appraisal by default; filtered by state and
    round, sorted and paged; each with the working days left (or overdue)."""
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
    table = AppraisalQueueTable(lines)
    RequestConfig(request, paginate={"per_page": PAGE_SIZE}).configure(table)
    today = timezone.localdate()
    page_lines = list(table.page.object_list) if table.page else []
    deadlines = [row.record.proposal.round.appraisal_deadline for row in page_lines]
    if deadlines:
        holidays = holidays_between(min([today, *deadlines]), max([today, *deadlines]))
        for row in page_lines:
            deadline = row.record.proposal.round.appraisal_deadline
            row.record.days_left = count_working_days(today, deadline, holidays)
            row.record.overdue = today > deadline
    context = {"form": form, "table": table, "status": status}
    return render(request, "proposals/appraisal_queue.html", context)
