"""Fixtures of the decision tests: a 2026 round whose lines the council has passed.

The lines are put in ``PASSED`` directly (with the council's step), as the council app would
leave them; everything after that goes through the services under test.
"""

import datetime as dt

import pytest
from django.utils import timezone

from tdkt.catalog.models import AwardType
from tdkt.proposals.models import (
    AppraisalAction,
    LineAppraisal,
    LineStatus,
    Proposal,
    ProposalLine,
    ProposalStatus,
)
from tdkt.proposals.services.rounds import RoundInput, round_create

CODES = ["LDTT", "CSTDCS", "TTLDXS", "BK_NGANH", "CSTD_TQ", "BK_TTG"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def round_2026(users):
    today = timezone.localdate()
    data = RoundInput(
        name="Tổng kết năm 2026",
        kind="HANG_NAM",
        year=2026,
        submission_deadline=today - dt.timedelta(days=20),
        appraisal_deadline=today - dt.timedelta(days=5),
        award_types=list(AwardType.objects.filter(code__in=CODES)),
    )
    return round_create(data=data, user=users["sector"])


def proposal_for(round_, unit) -> Proposal:
    proposal, _created = Proposal.objects.get_or_create(
        round=round_, unit=unit, defaults={"status": ProposalStatus.SUBMITTED}
    )
    return proposal


def passed_line(round_, unit, code, *, person=None, candidate_unit=None, status=None):
    """A line of ``unit``'s proposal that the council has passed (or in ``status``)."""
    line = ProposalLine.objects.create(
        proposal=proposal_for(round_, unit),
        person=person,
        candidate_unit=candidate_unit,
        award_type=AwardType.objects.get(code=code),
        year=round_.year,
        status=status or LineStatus.PASSED,
        achievement="Hoàn thành xuất sắc nhiệm vụ được giao.",
    )
    if line.status == LineStatus.PASSED:
        LineAppraisal.objects.create(line=line, action=AppraisalAction.PASSED)
    return line


@pytest.fixture
def passed(round_2026, org, people):
    """Three passed sector-level lines (two in Hà Nội, one in Phú Thọ), one state-level line
    of Hà Nội and one collective line of Hà Nội."""
    return {
        "duc": passed_line(round_2026, org.hanoi, "CSTDCS", person=people["duc"]),
        "binh": passed_line(round_2026, org.hanoi, "LDTT", person=people["hanoi_division"]),
        "cuong": passed_line(round_2026, org.phu_tho, "LDTT", person=people["phu_tho"]),
        "duc_tq": passed_line(round_2026, org.hanoi, "BK_TTG", person=people["duc"]),
        "hanoi_unit": passed_line(round_2026, org.hanoi, "TTLDXS", candidate_unit=org.hanoi),
    }
