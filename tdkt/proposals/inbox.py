"""What proposals put in users' task inboxes (``tdkt.web.inbox``).

- The sector officer: per round, the submitted lines awaiting appraisal, with the round's
  appraisal deadline in working days.
- A unit's TĐKT officer: lines returned for correction in their units; draft proposals of
  open rounds whose submission deadline is within ``SOON_DAYS`` days or passed today.

Three queries at most (the calendar read included), whatever the number of lines.
"""

from datetime import timedelta

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from tdkt.accounts.permissions import CHANGE_PEOPLE
from tdkt.core.workdays import count_working_days, holidays_between
from tdkt.proposals import permissions
from tdkt.proposals.models import (
    LineStatus,
    Proposal,
    ProposalLine,
    ProposalStatus,
    RoundStatus,
)
from tdkt.web.inbox import Task, provider

SOON_DAYS = 14
"""Calendar days ahead in which a submission deadline appears in the inbox."""

APPRAISAL = _("Thẩm định")
PROPOSALS = _("Đề nghị khen thưởng")


def awaiting_appraisal(user) -> list[dict]:
    """Per round, the submitted lines awaiting appraisal that ``user`` may appraise (none
    unless they may manage rounds; only the lines of their units): dicts with
    ``proposal__round_id``, ``proposal__round__name``, ``proposal__round__appraisal_deadline``
    and ``count``, by deadline. The selection of ``appraisal_tasks`` and of the appraisal
    reminders (``tdkt.web.reminders``). One query, two when the user's reach is not cached."""
    if not permissions.can_manage_rounds(user):
        return []
    return list(
        ProposalLine.objects.restrict(user)
        .filter(status=LineStatus.SUBMITTED, proposal__status=ProposalStatus.SUBMITTED)
        .values(
            "proposal__round_id",
            "proposal__round__name",
            "proposal__round__appraisal_deadline",
        )
        .annotate(count=Count("pk"))
        .order_by("proposal__round__appraisal_deadline", "proposal__round_id")
    )


@provider
def appraisal_tasks(user, today) -> list[Task]:
    """Lines waiting for the sector officer's appraisal, one task per round."""
    rows = awaiting_appraisal(user)
    if not rows:
        return []
    deadlines = [row["proposal__round__appraisal_deadline"] for row in rows]
    holidays = holidays_between(min([today, *deadlines]), max([today, *deadlines]))
    url = reverse("proposals:appraisal-queue")
    return [
        Task(
            group=APPRAISAL,
            title=_("Dòng chờ thẩm định – %(round)s") % {"round": row["proposal__round__name"]},
            url=f"{url}?{urlencode({'round': row['proposal__round_id']})}",
            count=row["count"],
            due=row["proposal__round__appraisal_deadline"],
            days_left=count_working_days(
                today, row["proposal__round__appraisal_deadline"], holidays
            ),
            working_days=True,
        )
        for row in rows
    ]


def drafts_due(user, today) -> list[dict]:
    """Draft proposals of open rounds whose submission deadline is from ``today`` to
    ``SOON_DAYS`` days after it, in the units ``user`` edits proposals for (none unless they
    may propose): dicts with ``pk``, ``unit__short_name``, ``round_id``, ``round__name`` and
    ``round__submission_deadline``, by deadline. The selection of ``unit_tasks`` and of the
    submission reminders (``tdkt.web.reminders``). One query once the user's reach is known."""
    if not permissions.can_propose(user):
        return []
    return list(
        Proposal.objects.restrict(user, CHANGE_PEOPLE)
        .filter(
            status=ProposalStatus.DRAFT,
            round__status=RoundStatus.OPEN,
            round__submission_deadline__gte=today,
            round__submission_deadline__lte=today + timedelta(days=SOON_DAYS),
        )
        .values("pk", "unit__short_name", "round_id", "round__name", "round__submission_deadline")
        .order_by("round__submission_deadline", "round_id", "unit__short_name")
    )


@provider
def unit_tasks(user, today) -> list[Task]:
    """Returned lines to correct, and draft proposals whose deadline is near, in the units
    the user edits proposals for."""
    if not permissions.can_propose(user):
        return []
    tasks = []
    returned = list(
        ProposalLine.objects.restrict(user, CHANGE_PEOPLE)
        .filter(status=LineStatus.RETURNED)
        .values("proposal_id", "proposal__unit__short_name", "proposal__round__name")
        .annotate(count=Count("pk"))
        .order_by("proposal__round__name", "proposal__unit__short_name")
    )
    for row in returned:
        tasks.append(
            Task(
                group=PROPOSALS,
                title=_("Dòng bị trả lại để bổ sung – %(unit)s, %(round)s")
                % {
                    "unit": row["proposal__unit__short_name"],
                    "round": row["proposal__round__name"],
                },
                url=reverse("proposals:proposal-detail", args=[row["proposal_id"]]),
                count=row["count"],
            )
        )
    drafts = drafts_due(user, today)
    for row in drafts:
        deadline = row["round__submission_deadline"]
        tasks.append(
            Task(
                group=PROPOSALS,
                title=_("Đề nghị chưa nộp – %(unit)s, %(round)s")
                % {"unit": row["unit__short_name"], "round": row["round__name"]},
                url=reverse("proposals:proposal-detail", args=[row["pk"]]),
                due=deadline,
                days_left=(deadline - today).days,
            )
        )
    return tasks
