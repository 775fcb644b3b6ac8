"""Demo council data: the sector council (the demo user ``hoidong`` sits on it, the sector
officer ``tdkt.nganh`` is its secretary, four more members log in with the demo password), a
meeting already tallied with its minutes issued, and a meeting whose vote is open and waits
for ``hoidong``'s ballot. It takes the lines the demo proposals left accepted after appraisal;
everything goes through the council services. Choices come from the generator's ``rng``."""

import datetime as dt
import random

from tdkt.accounts.models import Role, RoleAssignment, User
from tdkt.council.models import Choice, MemberRole
from tdkt.council.services import ballots, councils, meetings
from tdkt.demo.accounts import demo_password_hash
from tdkt.org.models import Unit
from tdkt.proposals.models import LineStatus, ProposalLine

OFFICER = "tdkt.nganh"
MEMBERS = [
    ("hoidong.chutich", "Hoàng", "Văn Minh", MemberRole.CHAIR),
    ("hoidong.phochutich", "Vũ", "Thị Lan", MemberRole.VICE_CHAIR),
    ("hoidong.thuongtruc", "Phan", "Quốc Huy", MemberRole.STANDING),
    ("hoidong.uyvien", "Trịnh", "Thu Trang", MemberRole.MEMBER),
]
"""Extra council members created for the demo (password: the demo password)."""


def _member_users(root: Unit) -> list[tuple[User, str]]:
    password = demo_password_hash()
    users = []
    for username, last, first, role in MEMBERS:
        user, _created = User.objects.get_or_create(
            username=username,
            defaults={"password": password, "last_name": last, "first_name": first},
        )
        RoleAssignment.objects.get_or_create(user=user, role=Role.COUNCIL_MEMBER, unit=root)
        users.append((user, role))
    users.append((User.objects.get(username="hoidong"), MemberRole.MEMBER))
    users.append((User.objects.get(username=OFFICER), MemberRole.SECRETARY))
    return users


def _choices(meeting, rng: random.Random, reluctant: set[int]) -> dict[int, str]:
    out = {}
    for pk, line_id in meeting.items.values_list("pk", "line_id"):
        if line_id in reluctant:
            out[pk] = rng.choice([Choice.DISAGREE, Choice.DISAGREE, Choice.ABSTAIN, Choice.AGREE])
        else:
            out[pk] = rng.choice([Choice.AGREE] * 9 + [Choice.ABSTAIN])
    return out


def _prepare(council, officer, day, line_ids, present):
    meeting = meetings.meeting_create(
        council=council, date=day, place="Phòng họp tầng 3, VKSND tối cao", user=officer
    )
    meetings.agenda_add(meeting=meeting, line_ids=line_ids, user=officer)
    meeting.refresh_from_db()
    meetings.attendance_set(
        meeting=meeting,
        member_ids=[m.pk for m in present],
        user=officer,
        expected_version=meeting.version,
    )
    meeting.refresh_from_db()
    return meetings.voting_open(meeting=meeting, user=officer, expected_version=meeting.version)


def write_council(rng: random.Random) -> dict[str, int]:
    """Create the demo council and its two meetings; returns counts for the report."""
    root = Unit.objects.get(parent__isnull=True)
    officer = User.objects.get(username=OFFICER)
    council = councils.council_create(
        data=councils.CouncilInput(
            unit=root,
            name="Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân",
            valid_from=dt.date(2025, 7, 1),
            establishing_decision="Quyết định số 25/QĐ-VKSTC ngày 01/7/2025 (dữ liệu mẫu)",
        ),
        user=officer,
    )
    for user, role in _member_users(root):
        councils.member_add(council=council, member_user=user, role=role, user=officer)
    seats = list(council.members.select_related("user").order_by("pk"))
    voters = [s for s in seats if s.votes]
    lines = list(
        ProposalLine.objects.filter(
            status=LineStatus.ACCEPTED, proposal__unit__path__startswith=root.path
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(lines) < 2:
        return {"councils": 1, "council_meetings": 0}
    half = max(1, len(lines) * 2 // 3)
    first, second = lines[:half], lines[half:]
    # the tallied meeting: one member absent sends a written ballot; one line is voted down
    absent = voters[-2]
    present = [s for s in voters if s is not absent]
    tallied = _prepare(council, officer, dt.date(2026, 12, 10), first, present)
    reluctant = {first[-1]} if len(first) > 1 else set()
    for seat in present:
        ballots.ballot_cast(
            meeting=tallied, user=seat.user, choices=_choices(tallied, rng, reluctant)
        )
    ballots.written_ballot_record(
        meeting=tallied, member=absent, user=officer, choices=_choices(tallied, rng, reluctant)
    )
    chair = next(s.user for s in seats if s.role == MemberRole.CHAIR)
    meetings.voting_close(meeting=tallied, user=chair)
    meetings.minutes_issue(meeting=tallied, user=officer)
    count = 1
    if second:
        open_meeting = _prepare(council, officer, dt.date(2026, 12, 18), second, voters)
        for seat in voters:
            if seat.user.username != "hoidong":
                ballots.ballot_cast(
                    meeting=open_meeting, user=seat.user, choices=_choices(open_meeting, rng, set())
                )
        count += 1
    return {"councils": 1, "council_meetings": count}
