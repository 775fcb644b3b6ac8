"""What the council waits for, in the task inbox: ballots to cast (a present voting member
while voting is open), meetings to prepare (the officer who manages the council) and votes
to close (the chair or the officer, while voting is open)."""

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from tdkt.accounts.permissions import CHANGE_CATALOG, CHANGE_PEOPLE
from tdkt.council.models import Attendance, Meeting, MeetingStatus, MemberRole, Turnout
from tdkt.web.inbox import Task, provider

GROUP = "Hội đồng"


@provider
def ballots_to_cast(user, today) -> list[Task]:
    """One query: the voting meetings where the user sits as a present voting member and has
    not voted yet."""
    if not user.is_authenticated:
        return []
    present = Attendance.objects.filter(meeting=OuterRef("pk"), member__user=user).exclude(
        member__role=MemberRole.SECRETARY
    )
    voted = Turnout.objects.filter(meeting=OuterRef("pk"), member__user=user)
    pending = list(
        Meeting.objects.filter(status=MeetingStatus.VOTING)
        .filter(Exists(present))
        .exclude(Exists(voted))
        .values_list("pk", flat=True)[:2]
    )
    if not pending:
        return []
    if len(pending) == 1:
        url = reverse("council:ballot", args=[pending[0]])
    else:
        url = reverse("council:meeting-list") + f"?status={MeetingStatus.VOTING}"
    return [Task(group=_(GROUP), title=_("Phiếu bầu kín cần bỏ"), url=url, count=len(pending))]


def _managed(user):
    """Meetings of councils the user manages (see ``council.permissions``)."""
    unit_councils = Meeting.objects.restrict(user, CHANGE_PEOPLE).filter(
        council__unit__parent__isnull=False
    )
    sector_councils = Meeting.objects.restrict(user, CHANGE_CATALOG).filter(
        council__unit__parent__isnull=True
    )
    return Q(pk__in=unit_councils.values("pk")) | Q(pk__in=sector_councils.values("pk"))


@provider
def votes_to_close(user, today) -> list[Task]:
    """One query: open votes of councils the user chairs or manages."""
    if not user.is_authenticated:
        return []
    chaired = Q(council__members__user=user, council__members__role=MemberRole.CHAIR)
    row = (
        Meeting.objects.filter(status=MeetingStatus.VOTING)
        .filter(pk__in=Meeting.objects.filter(chaired | _managed(user)).values("pk"))
        .aggregate(count=Count("pk"), due=Min("date"))
    )
    if not row["count"]:
        return []
    return [
        Task(
            group=_(GROUP),
            title=_("Phiên họp đang bỏ phiếu chờ kết thúc và kiểm phiếu"),
            url=reverse("council:meeting-list") + f"?status={MeetingStatus.VOTING}",
            count=row["count"],
            due=row["due"],
            days_left=(row["due"] - today).days,
        )
    ]


@provider
def meetings_to_prepare(user, today) -> list[Task]:
    """One query: meetings still being prepared of councils the user manages, the nearest
    meeting date as the due date."""
    if not user.is_authenticated:
        return []
    row = (
        Meeting.objects.filter(status=MeetingStatus.PREPARING)
        .filter(_managed(user))
        .aggregate(count=Count("pk"), due=Min("date"))
    )
    if not row["count"]:
        return []
    return [
        Task(
            group=_(GROUP),
            title=_("Phiên họp hội đồng cần chuẩn bị (chương trình, điểm danh)"),
            url=reverse("council:meeting-list") + f"?status={MeetingStatus.PREPARING}",
            count=row["count"],
            due=row["due"],
            days_left=(row["due"] - today).days,
        )
    ]
