"""Deadline reminders by e-mail (*nhắc hạn*): what falls due for each user in the next working
days, sent at most once a day per user and item.

``reminders_send`` looks from ``today`` to the ``days``-th working day after it (weekends and
the holidays of ``PublicHoliday`` skipped, both ends included) and finds what the user's task
inbox (``tdkt.proposals.inbox``) shows, with the same selection:

- **submission deadlines** → each unit TĐKT officer (a role granting ``change_people``, none
  granting ``change_catalog``; ``unit_officers``) for each round in which their inbox shows a
  draft proposal (``drafts_due``: a draft of a unit they edit proposals for, round open,
  deadline from today to ``SOON_DAYS`` days ahead) whose deadline falls in the window. No draft,
  no reminder: a unit without a proposal, or whose province's proposal covers it, is not
  reminded, exactly as the inbox shows nothing;
- **appraisal deadlines** → each sector officer (a role granting ``change_catalog``, at whatever
  unit), for each round whose appraisal deadline falls in the window with lines of their scope
  awaiting appraisal (``awaiting_appraisal``, the inbox's count);
- **open council votes**: meetings whose vote is open → each member recorded present, other
  than the secretary, who has not voted. The reminder says only that the vote is open and the
  member has not voted yet (what the task inbox shows); nothing about ballots or counts.

Each user gets one e-mail listing their items, sent at once (``core.notify.send_now``). A
``SentReminder`` row per user, item and day (unique) is inserted in a transaction per user
that commits only when that user's e-mail was sent: a failed e-mail records nothing and the
next run sends it again. A second run the same day sends nothing already sent; of two runs at
once, the later one fails on the constraint for a user the other is sending to and skips that
user. Users without an e-mail address or inactive are skipped and nothing is recorded for them.
Rows older than ``KEEP_DAYS`` days are deleted at each run (one query). Queries: a fixed number,
plus a few per unit or sector officer with an address (their scope and their inbox selection)
and per user reminded (the writes); none per round, proposal, line or meeting.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from tdkt.accounts.models import User
from tdkt.accounts.permissions import CHANGE_CATALOG, roles_granting, unit_officers
from tdkt.core.errors import DomainError
from tdkt.core.notify import absolute_url, send_now
from tdkt.core.workdays import add_working_days, count_working_days, holidays_between
from tdkt.council.models import Attendance, MeetingStatus, MemberRole, Turnout
from tdkt.proposals.inbox import awaiting_appraisal, drafts_due
from tdkt.web.models import ReminderKind, SentReminder

DEFAULT_DAYS = 3
MAX_DAYS = 30
KEEP_DAYS = 30
"""Calendar days a ``SentReminder`` row is kept (only today's rows are read)."""
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


def _days_left(today, due, holidays) -> str:
    left = count_working_days(today, due, holidays)
    if left <= 0:
        return _("hôm nay")
    return _("còn %(n)s ngày làm việc") % {"n": left}


def submission_reminders(today, last, holidays) -> list[Reminder]:
    """Each unit officer with an address, for each round whose submission deadline falls from
    ``today`` to ``last`` and in which their task inbox shows a draft proposal of their units
    (``drafts_due``), with those units. One query, plus ``drafts_due``'s per officer."""
    reminders = []
    for user in unit_officers().filter(email__gt="").order_by("pk"):
        by_round: dict = {}
        for row in drafts_due(user, today):
            if row["round__submission_deadline"] <= last:
                by_round.setdefault(row["round_id"], (row, []))[1].append(row["unit__short_name"])
        for round_id, (row, units) in by_round.items():
            due = row["round__submission_deadline"]
            values = {
                "round": row["round__name"],
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
            url = absolute_url("proposals:round-detail", round_id)
            reminders.append(Reminder(user, ReminderKind.SUBMISSION, round_id, due, text, url))
    return reminders


def appraisal_reminders(today, last, holidays) -> list[Reminder]:
    """Each sector officer with an address, for each round whose appraisal deadline falls
    from ``today`` to ``last`` with lines of their scope awaiting appraisal, counted as their
    task inbox counts them (``awaiting_appraisal``). One query, plus ``awaiting_appraisal``'s
    per officer."""
    officers = User.objects.filter(
        is_active=True, email__gt="", roles__role__in=roles_granting(CHANGE_CATALOG)
    ).distinct()
    reminders = []
    for user in officers.order_by("pk"):
        for row in awaiting_appraisal(user):
            due = row["proposal__round__appraisal_deadline"]
            if not today <= due <= last:
                continue
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
            round_id = row["proposal__round_id"]
            url = absolute_url("proposals:appraisal-queue") + f"?round={round_id}"
            reminders.append(Reminder(user, ReminderKind.APPRAISAL, round_id, due, text, url))
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
                absolute_url("council:ballot", meeting.pk),
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


def reminders_send(*, today: dt.date, days: int = DEFAULT_DAYS) -> dict:
    """E-mail the reminders due, one message per user, and keep each user's items recorded only
    once their message was sent. Returns ``{"users", "items"}`` as sent and recorded,
    ``"failed"`` the users whose e-mail was not sent (their rows removed again; the next run
    tries again) and ``"concurrent"`` the users skipped because another run recorded the same
    reminders meanwhile. Deletes first the rows older than ``KEEP_DAYS`` days. Each user's rows
    are written in a short transaction of their own before the e-mail goes out, so no write
    lock is held while the mail server answers. ``DomainError`` when ``days`` is not an
    integer from 0 to ``MAX_DAYS``."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DAYS:
        raise DomainError(_(DAYS_OUT_OF_RANGE) % {"max": MAX_DAYS}, field="days")
    SentReminder.objects.filter(sent_on__lt=today - dt.timedelta(days=KEEP_DAYS)).delete()
    by_user = defaultdict(list)
    for reminder in reminders_due(today=today, days=days):
        by_user[reminder.user.pk].append(reminder)
    result = {"users": 0, "items": 0, "failed": 0, "concurrent": 0}
    for items in by_user.values():
        items.sort(key=lambda r: (r.due_on, r.kind, r.object_id))
        body = "\n\n".join(f"- {r.text}\n  {r.url}" for r in items)
        try:
            with transaction.atomic():
                SentReminder.objects.bulk_create(
                    SentReminder(
                        user=r.user, kind=r.kind, object_id=r.object_id, due_on=r.due_on,
                        sent_on=today,
                    )
                    for r in items
                )  # fmt: skip
        except IntegrityError:
            result["concurrent"] += 1
            continue
        sent = send_now(
            user=items[0].user,
            subject=_("[TĐKT] Nhắc hạn: %(n)s việc sắp đến hạn hoặc đang chờ đồng chí")
            % {"n": len(items)},
            body=_("Kính gửi đồng chí,\n\nCác việc cần đồng chí xử lý:\n\n%(items)s\n")
            % {"items": body},
        )
        if sent:
            result["users"] += 1
            result["items"] += len(items)
        else:
            SentReminder.objects.filter(
                user=items[0].user, sent_on=today, kind__in={r.kind for r in items},
                object_id__in={r.object_id for r in items},
            ).delete()  # fmt: skip
            result["failed"] += 1
    return result
