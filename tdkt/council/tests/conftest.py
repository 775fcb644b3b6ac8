"""Fixtures of the council tests: the sector council (chair, vice-chair, three members and a
secretary), Hà Nội's council, a 2026 round with accepted lines, and a prepared meeting."""

import datetime as dt

import pytest
from django.utils import timezone

from tdkt.accounts.models import Role
from tdkt.catalog.models import AwardType
from tdkt.council.models import MemberRole
from tdkt.council.services.councils import CouncilInput, council_create, member_add
from tdkt.council.services.meetings import agenda_add, attendance_set, meeting_create
from tdkt.proposals.models import LineStatus, Proposal, ProposalLine
from tdkt.testing import make_person, make_user

SEATS = [
    ("chu.tich", MemberRole.CHAIR),
    ("pho.chu.tich", MemberRole.VICE_CHAIR),
    ("uy.vien.1", MemberRole.MEMBER),
    ("uy.vien.2", MemberRole.MEMBER),
    ("uy.vien.3", MemberRole.MEMBER),
    ("thu.ky", MemberRole.SECRETARY),
]


def accepted_lines(proposal, unit, codes: list[str], count: int) -> list[ProposalLine]:
    """``count`` accepted lines of new persons of ``unit``, cycling through ``codes``."""
    types = {t.code: t for t in AwardType.objects.filter(code__in=codes)}
    lines = []
    for index in range(count):
        person = make_person(unit, f"Ứng viên {index + 1}")
        lines.append(
            ProposalLine.objects.create(
                proposal=proposal,
                person=person,
                award_type=types[codes[index % len(codes)]],
                year=proposal.round.year,
                status=LineStatus.ACCEPTED,
            )
        )
    return lines


@pytest.fixture
def round_2026(users):
    from tdkt.proposals.services.rounds import RoundInput, round_create

    today = timezone.localdate()
    data = RoundInput(
        name="Tổng kết năm 2026",
        kind="HANG_NAM",
        year=2026,
        submission_deadline=today + dt.timedelta(days=30),
        appraisal_deadline=today + dt.timedelta(days=60),
        award_types=list(AwardType.objects.filter(code__in=["LDTT", "CSTDCS", "CSTD_NGANH"])),
    )
    return round_create(data=data, user=users["sector"])


@pytest.fixture
def hanoi_proposal_2026(round_2026, org):
    return Proposal.objects.create(round=round_2026, unit=org.hanoi, status="SUBMITTED")


@pytest.fixture
def phu_tho_proposal_2026(round_2026, org):
    return Proposal.objects.create(round=round_2026, unit=org.phu_tho, status="SUBMITTED")


@pytest.fixture
def lines(hanoi_proposal_2026, org):
    """Three accepted lines of Hà Nội: CSTĐ ngành (90% of all), CSTĐCS and LĐTT (majority)."""
    return accepted_lines(hanoi_proposal_2026, org.hanoi, ["CSTD_NGANH", "CSTDCS", "LDTT"], 3)


@pytest.fixture
def seats(org):
    return {name: make_user(name, (Role.COUNCIL_MEMBER, org.root)) for name, _role in SEATS}


@pytest.fixture
def council(users, seats, org):
    council = council_create(
        data=CouncilInput(
            unit=org.root,
            name="Hội đồng Thi đua – Khen thưởng ngành KSND",
            valid_from=dt.date(2025, 1, 1),
        ),
        user=users["sector"],
    )
    for name, role in SEATS:
        member_add(council=council, member_user=seats[name], role=role, user=users["sector"])
    return council


@pytest.fixture
def hanoi_council(users, org, people):
    council = council_create(
        data=CouncilInput(
            unit=org.hanoi, name="Hội đồng TĐKT VKSND Hà Nội", valid_from=dt.date(2025, 1, 1)
        ),
        user=users["hanoi_officer"],
    )
    member_add(
        council=council,
        member_user=users["hanoi_leader"],
        role=MemberRole.CHAIR,
        user=users["hanoi_officer"],
    )
    return council


@pytest.fixture
def meeting(council, users):
    return meeting_create(
        council=council, date=dt.date(2026, 12, 15), place="Phòng họp số 1", user=users["sector"]
    )


def seat(council, user):
    return council.members.get(user=user)


@pytest.fixture
def ready_meeting(meeting, lines, council, seats, users):
    """The meeting with the three lines on its agenda and every voting member present."""
    agenda_add(meeting=meeting, line_ids=[line.pk for line in lines], user=users["sector"])
    present = [m.pk for m in council.members.exclude(role=MemberRole.SECRETARY)]
    meeting.refresh_from_db()
    attendance_set(
        meeting=meeting, member_ids=present, user=users["sector"], expected_version=meeting.version
    )
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def voting_meeting(ready_meeting, users):
    from tdkt.council.services.meetings import voting_open

    return voting_open(
        meeting=ready_meeting, user=users["sector"], expected_version=ready_meeting.version
    )
