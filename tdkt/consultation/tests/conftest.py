"""Fixtures of the consultation tests: a 2026 state-level round whose Hà Nội and Phú Thọ
proposals hold lines the council passed (and a few that may not be published)."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tdkt.catalog.models import AwardType
from tdkt.consultation.services.consultations import ConsultationInput, consultation_create
from tdkt.proposals.models import LineStatus, Proposal, ProposalLine, ProposalStatus
from tdkt.proposals.services.rounds import RoundInput, round_create

CODES = ["CSTD_TQ", "HCLD3", "CO_CP"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def state_round(users):
    today = timezone.localdate()
    data = RoundInput(
        name="Khen thưởng cấp Nhà nước 2026",
        kind="NHA_NUOC",
        year=2026,
        submission_deadline=today + dt.timedelta(days=10),
        appraisal_deadline=today + dt.timedelta(days=20),
        award_types=list(AwardType.objects.filter(code__in=CODES)),
    )
    return round_create(data=data, user=users["sector"])


def make_line(proposal, code, *, person=None, unit=None, status=LineStatus.PASSED, text=""):
    return ProposalLine.objects.create(
        proposal=proposal,
        person=person,
        candidate_unit=unit,
        award_type=AwardType.objects.get(code=code),
        year=proposal.round.year,
        status=status,
        achievement=text,
    )


@pytest.fixture
def lines(state_round, org, people):
    """Passed state-level lines of Hà Nội (a person, a collective) and Phú Thọ (a person);
    a passed sector-level line and an accepted state-level line, neither publishable. The
    sector-level line is written directly: a state-level round refuses the code since the
    round kinds took their own codes, and consultation must still leave it out."""
    submitted = {"status": ProposalStatus.SUBMITTED, "submitted_at": timezone.now()}
    hanoi = Proposal.objects.create(round=state_round, unit=org.hanoi, **submitted)
    phu_tho = Proposal.objects.create(round=state_round, unit=org.phu_tho, **submitted)
    return SimpleNamespace(
        duc=make_line(hanoi, "CSTD_TQ", person=people["duc"], text="Hai lần CSTĐ ngành."),
        division=make_line(hanoi, "CO_CP", unit=org.hanoi_division, text="Dẫn đầu khối."),
        phu_tho=make_line(phu_tho, "HCLD3", person=people["phu_tho"], text="Cống hiến lâu dài."),
        sector_level=make_line(hanoi, "CSTD_NGANH", person=people["hanoi_division"]),
        accepted=make_line(
            phu_tho, "CSTD_TQ", person=people["phu_tho"], status=LineStatus.ACCEPTED
        ),
    )


def consultation_input(state_round, **overrides) -> ConsultationInput:
    values = {
        "title": "Lấy ý kiến nhân dân đối với đề nghị khen thưởng cấp Nhà nước năm 2026",
        "round": state_round,
        "opens_on": timezone.localdate(),
        "intro": "Mọi ý kiến xin gửi về Văn phòng.",
    }
    values.update(overrides)
    return ConsultationInput(**values)


@pytest.fixture
def draft(state_round, lines, users):
    return consultation_create(data=consultation_input(state_round), user=users["sector"])


@pytest.fixture
def published(draft, users):
    from tdkt.consultation.services.consultations import consultation_publish

    return consultation_publish(
        consultation=draft, expected_version=draft.version, user=users["sector"]
    )


def after_closing(consultation) -> dt.date:
    return consultation.closes_on + dt.timedelta(days=1)
