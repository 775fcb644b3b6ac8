"""Deadline reminders by e-mail (*nhắc hạn*): what falls due for each user in the next working
days, sent at most once a day per user and item.

``reminders_send`` looks from ``today`` to the ``days``-th working day after it (weekends and
the holidays of ``PublicHoliday`` skipped, both ends included) and finds:

- **submission deadlines**: open rounds whose submission deadline falls in the window → the TĐKT
  officers (a role granting ``change_people`` but not ``change_catalog``) of each unit, valid
  today, that has not yet submitted its proposal in the round;
- **appraisal deadlines**: rounds whose appraisal deadline falls in the window and that still
  have submitted lines awaiting appraisal → the sector officers (a role granting
  ``change_catalog``);
- **open council votes**: meetings whose vote is open → each member recorded present, other
  than the secretary, who has not voted. The reminder says only that the vote is open and the
  member has not voted yet (what the task inbox shows); nothing about ballots or counts.

Each user gets one e-mail listing their items. A ``SentReminder`` row per user, item and day
(unique) is written in the same transaction as the e-mails are queued (sent after commit), so a
second run the same day sends nothing already sent, and two runs at once cannot both send: the
later one fails on the constraint and sends nothing. Users without an e-mail address or
inactive are skipped and nothing is recorded for them. A fixed number of queries whatever the
number of rounds, units, meetings and users.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from tdkt.accounts.models import RoleAssignment
from tdkt.accounts.permissions import CHANGE_CATALOG, CHANGE_PEOPLE, roles_granting
from tdkt.core.errors import DomainError
from tdkt.core.notify import notify
from tdkt.core.workdays import add_working_days, count_working_days, holidays_between
from tdkt.council.models import Attendance, MeetingStatus, MemberRole, Turnout
from tdkt.proposals.models import (
    LineStatus,
    Proposal,
    ProposalLine,
    ProposalRound,
    ProposalStatus,
    RoundStatus,
)
from tdkt.web.models import ReminderKind, SentReminder

DEFAULT_DAYS = 3
MAX_DAYS = 30
DAYS_OUT_OF_RANGE = "Số ngày làm việc phải là số nguyên từ 0 đến %(max)s."


@dataclass(frozen=True)
class Reminder:
    """One item due for one user: its kind, the round or meeting id, the due date, a line of
    text and the link to act on it."""

    user: object
    kind: str
    object_id: int
    due_on: dt.date
    text: str
    url: str


def _link(name: str, *args) -> str:
    return settings.TDKT_SITE_URL.rstrip("/") + reverse(name, args=args)


def _days_left(today, due, holidays) -> str:
    left = count_working_days(today, due, holidays)
    if left <= 0:
        return _("hôm nay")
    return _("còn %(n)s ngày làm việc") % {"n": left}


def _officers(roles: list[str]):
    return RoleAssignment.objects.filter(
        role__in=roles, user__is_active=True, user__email__gt=""
    ).select_related("user", "unit")


def submission_reminders(today, last, holidays) -> list[Reminder]:
    """Officers of units that have not submitted in an open round due from ``today`` to
    ``last``. Three queries."""
    rounds = list(
        ProposalRound.objects.filter(
            status=RoundStatus.OPEN, submission_deadline__range=(today, last)
        ).order_by("submission_deadline", "pk")
    )
    if not rounds:
        return []
    submitted = set(
        Proposal.objects.filter(round__in=rounds, status=ProposalStatus.SUBMITTED).values_list(
            "round_id", "unit_id"
        )
    )
    sector = set(roles_granting(CHANGE_CATALOG))
    roles = [role for role in roles_granting(CHANGE_PEOPLE) if role not in sector]
    assignments = (
        _officers(roles)
        .filter(unit__valid_from__lte=today)
        .filter(Q(unit__valid_to__isnull=True) | Q(unit__valid_to__gte=today))
    )
    pending: dict = {}
    for assignment in assignments:
        for round_ in rounds:
            if (round_.pk, assignment.unit_id) not in submitted:
                key = (assignment.user_id, round_.pk)
                user, units = pending.setdefault(key, (assignment.user, []))
                units.append(assignment.unit.short_name)
    by_pk = {round_.pk: round_ for round_ in rounds}
    reminders = []
    for (_user_id, round_pk), (user, units) in pending.items():
        round_ = by_pk[round_pk]
        due = round_.submission_deadline
        values = {
            "round": round_.name,
            "day": f"{due:%d/%m/%Y}",
            "left": _days_left(today, due, holidays),
            "units": ", ".join(sorted(units)),
        }
        text = (
            _(
                "Hạn nộp hồ sơ đề nghị đợt “%(round)s”: ngày %(day)s (%(left)s); "
                "chưa nộp đề nghị: %(units)s."
            )
            % values
        )
        url = _link("proposals:round-detail", round_.pk)
        reminders.append(Reminder(user, ReminderKind.SUBMISSION, round_.pk, due, text, url))
    return reminders


def appraisal_reminders(today, last, holidays) -> list[Reminder]:
    """Sector officers, for rounds due for appraisal from ``today`` to ``last`` with lines
    still awaiting it. Two queries."""
    rows = list(
        ProposalLine.objects.filter(
            status=LineStatus.SUBMITTED,
            proposal__status=ProposalStatus.SUBMITTED,
            proposal__round__appraisal_deadline__range=(today, last),
        )
        .values(
            "proposal__round_id", "proposal__round__name", "proposal__round__appraisal_deadline"
        )
        .annotate(count=Count("pk"))
        .order_by("proposal__round__appraisal_deadline", "proposal__round_id")
    )
    if not rows:
        return []
    officers = {a.user for a in _officers(roles_granting(CHANGE_CATALOG))}
    reminders = []
    for row in rows:
        due = row["proposal__round__appraisal_deadline"]
        values = {
            "round": row["proposal__round__name"],
            "day": f"{due:%d/%m/%Y}",
            "left": _days_left(today, due, holidays),
            "n": row["count"],
        }
        text = (
            _(
                "Hạn thẩm định đợt “%(round)s”: ngày %(day)s (%(left)s); "
                "còn %(n)s dòng chờ thẩm định."
            )
            % values
        )
        url = _link("proposals:appraisal-queue") + f"?round={row['proposal__round_id']}"
        for user in officers:
            reminders.append(
                Reminder(user, ReminderKind.APPRAISAL, row["proposal__round_id"], due, text, url)
            )
    return reminders


def ballot_reminders(today, last, holidays) -> list[Reminder]:
    """Present voting members who have not voted in a meeting whose vote is open, whatever
    the meeting's date (the vote is open now, as the task inbox shows it). One query."""
    voted = Turnout.objects.filter(meeting=OuterRef("meeting"), member=OuterRef("member"))
    rows = (
        Attendance.objects.filter(meeting__status=MeetingStatus.VOTING)
        .exclude(member__role=MemberRole.SECRETARY)
        .exclude(Exists(voted))
        .filter(member__user__is_active=True, member__user__email__gt="")
        .select_related("meeting__council", "member__user")
        .order_by("meeting__date", "meeting_id")
    )
    reminders = []
    for row in rows:
        meeting = row.meeting
        values = {"council": meeting.council.name, "day": f"{meeting.date:%d/%m/%Y}"}
        text = (
            _("Phiên họp %(council)s ngày %(day)s đang bỏ phiếu kín; đồng chí chưa bỏ phiếu.")
            % values
        )
        reminders.append(
            Reminder(
                row.member.user,
                ReminderKind.BALLOT,
                meeting.pk,
                meeting.date,
                text,
                _link("council:ballot", meeting.pk),
            )
        )
    return reminders


SOURCES = (submission_reminders, appraisal_reminders, ballot_reminders)


def reminders_due(*, today: dt.date, days: int = DEFAULT_DAYS) -> list[Reminder]:
    """Every reminder due for ``today`` and the ``days`` working days after it that was not
    already sent today (see the module)."""
    last = add_working_days(today, days)
    holidays = holidays_between(today, last)
    found = [reminder for source in SOURCES for reminder in source(today, last, holidays)]
    sent = set(
        SentReminder.objects.filter(sent_on=today).values_list("user_id", "kind", "object_id")
    )
    unique = {}
    for reminder in found:
        key = (reminder.user.pk, reminder.kind, reminder.object_id)
        if key not in sent:
            unique.setdefault(key, reminder)
    return list(unique.values())


@transaction.atomic
def reminders_send(*, today: dt.date, days: int = DEFAULT_DAYS) -> dict:
    """Record and e-mail the reminders due (one e-mail per user, sent after commit); returns
    ``{"users": …, "items": …}`` as sent. ``IntegrityError`` when another run recorded the
    same reminders meanwhile (then this run sends nothing)."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DAYS:
        raise DomainError(_(DAYS_OUT_OF_RANGE) % {"max": MAX_DAYS}, field="days")
    reminders = reminders_due(today=today, days=days)
    by_user = defaultdict(list)
    for reminder in reminders:
        by_user[reminder.user.pk].append(reminder)
    SentReminder.objects.bulk_create(
        SentReminder(
            user=r.user, kind=r.kind, object_id=r.object_id, due_on=r.due_on, sent_on=today
        )
        for r in reminders
    )
    for items in by_user.values():
        items.sort(key=lambda r: (r.due_on, r.kind, r.object_id))
        body = "\n\n".join(f"- {r.text}\n  {r.url}" for r in items)
        notify(
            users=[items[0].user],
            subject=_("[TĐKT] Nhắc hạn: %(n)s việc đến hạn trong %(days)s ngày làm việc tới")
            % {"n": len(items), "days": days},
            body=_("Kính gửi đồng chí,\n\nCác việc sắp đến hạn:\n\n%(items)s\n") % {"items": body},
        )
    return {"users": len(by_user), "items": len(reminders)}
