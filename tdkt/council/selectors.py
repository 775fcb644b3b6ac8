"""Reads of councils and meetings, scoped to the acting user (councils of units they reach,
or on which they sit), each a fixed number of queries whatever the number of rows."""

from fractions import Fraction

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from tdkt.council.models import AgendaItem, Council, Meeting, MeetingStatus, MemberRole, Turnout
from tdkt.council.thresholds import computation, fraction

COUNCIL_SORTS = {
    "unit": ("unit__path", "pk"),
    "name": ("name", "pk"),
    "valid_from": ("valid_from", "pk"),
}
MEETING_SORTS = {
    "date": ("date", "pk"),
    "council": ("council__name", "date", "pk"),
    "status": ("status", "date", "pk"),
}


def _ordering(sorts: dict, sort: str, default: str) -> list[str]:
    """The fields of ``sort`` (a key of ``sorts``, "-" in front for descending)."""
    key = sort.removeprefix("-")
    if key not in sorts:
        return _ordering(sorts, default, default)
    if not sort.startswith("-"):
        return list(sorts[key])
    return [f[1:] if f.startswith("-") else f"-{f}" for f in sorts[key]]


def council_list(*, user, query: str = "", sort: str = "unit"):
    councils = (
        Council.objects.visible_to(user)
        .select_related("unit")
        .annotate(
            member_count=Count("members", distinct=True),
            meeting_count=Count("meetings", distinct=True),
        )
    )
    if query:
        councils = councils.filter(Q(name__icontains=query) | Q(unit__short_name__icontains=query))
    return councils.order_by(*_ordering(COUNCIL_SORTS, sort, "unit"))


def council_get(*, user, pk: int) -> Council:
    return get_object_or_404(Council.objects.visible_to(user).select_related("unit"), pk=pk)


def members_of(council: Council) -> list:
    """The members in the order of the council's hierarchy: chair, vice-chairs, standing
    member, members, secretary; by name within a role."""
    rank = {role: index for index, role in enumerate(MemberRole.values)}
    members = council.members.select_related("user")
    return sorted(
        members,
        key=lambda m: (rank.get(m.role, 99), m.user.first_name, m.user.last_name, m.pk),
    )


def meeting_list(*, user, status: str = "", council=None, sort: str = "-date"):
    meetings = (
        Meeting.objects.visible_to(user)
        .select_related("council__unit")
        .annotate(item_count=Count("items", distinct=True))
    )
    if status in MeetingStatus.values:
        meetings = meetings.filter(status=status)
    if council is not None:
        meetings = meetings.filter(council=council)
    return meetings.order_by(*_ordering(MEETING_SORTS, sort, "-date"))


def meeting_get(*, user, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.visible_to(user).select_related("council__unit", "created_by"), pk=pk
    )


def agenda_of(meeting: Meeting) -> list[AgendaItem]:
    """The agenda with each line's candidate, code and proposing unit, and the computation
    sentence once tallied."""
    items = list(
        meeting.items.select_related(
            "line__person",
            "line__candidate_unit",
            "line__award_type",
            "line__proposal__unit",
            "line__proposal__round",
        )
    )
    for item in items:
        item.computation = ""
        if item.passed is not None and item.base is not None:
            item.computation = computation(
                item.agree, item.base, fraction(item.share), item.denominator, item.strict
            )
    return items


def attendance_of(meeting: Meeting, members: list) -> list[dict]:
    """One row per member: present or absent, voted (and how) or not — never what."""
    present = set(meeting.attendance.values_list("member_id", flat=True))
    turnout = {
        t.member_id: t
        for t in Turnout.objects.filter(meeting=meeting).select_related("recorded_by")
    }
    return [
        {"member": m, "present": m.pk in present, "turnout": turnout.get(m.pk)} for m in members
    ]


def quorum_text(meeting: Meeting) -> str:
    if not meeting.quorum_share:
        return ""
    share = Fraction(meeting.quorum_share)
    return f"{meeting.present_count}/{meeting.member_count} ≥ {share.numerator}/{share.denominator}"
