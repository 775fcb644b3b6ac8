"""Proposals and lines: who may create them, the pre-check, duplicates across the sector."""

import datetime as dt

import pytest

from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError
from tdkt.proposals.models import ProposalLine
from tdkt.proposals.services import proposals as services

pytestmark = pytest.mark.django_db


def code(value: str) -> AwardType:
    return AwardType.objects.get(code=value)


def test_unit_officer_creates_one_proposal_per_round(annual, org, users):
    proposal = services.proposal_create(round_=annual, unit=org.hanoi, user=users["hanoi_officer"])
    assert proposal.events.count() == 1
    with pytest.raises(DomainError) as caught:
        services.proposal_create(round_=annual, unit=org.hanoi, user=users["hanoi_officer"])
    assert "đã có đề nghị" in caught.value.message


def test_officer_cannot_propose_for_another_unit(annual, org, users):
    with pytest.raises(DomainError) as caught:
        services.proposal_create(round_=annual, unit=org.phu_tho, user=users["hanoi_officer"])
    assert org.phu_tho.short_name in caught.value.message


def test_leader_cannot_propose(annual, org, users):
    with pytest.raises(DomainError):
        services.proposal_create(round_=annual, unit=org.hanoi, user=users["hanoi_leader"])


def test_no_proposal_after_the_deadline(annual, org, users):
    late = annual.submission_deadline + dt.timedelta(days=1)
    with pytest.raises(DomainError) as caught:
        services.proposal_create(
            round_=annual, unit=org.hanoi, user=users["hanoi_officer"], today=late
        )
    assert caught.value.code == "deadline"


def test_line_is_prechecked_and_its_reasons_stored(duc_line):
    assert duc_line.outcome in {"ELIGIBLE", "NOT_ELIGIBLE", "NEEDS_REVIEW"}
    assert duc_line.reasons["code"] == "LDTT"
    assert duc_line.reasons["conditions"]
    assert duc_line.checked_at is not None
    assert duc_line.year == 2026


def test_recheck_stores_a_new_verdict(duc_line, users):
    before = duc_line.checked_at
    line = services.line_recheck(line=duc_line, user=users["hanoi_officer"])
    assert line.checked_at > before
    assert line.version == duc_line.version


def test_collective_line_is_checked_for_the_unit(hanoi_proposal, org, users):
    line = services.line_add(
        proposal=hanoi_proposal,
        candidate_unit=org.hanoi_division,
        award_type=code("TTLDXS"),
        user=users["hanoi_officer"],
    )
    assert line.reasons["code"] == "TTLDXS" or "note" in line.reasons


@pytest.mark.parametrize(
    ("candidate", "award", "message_part"),
    [
        ("duc", "TTLDXS", "chỉ dành cho tập thể"),
        ("division", "LDTT", "chỉ dành cho cá nhân"),
        ("phu_tho", "LDTT", "không thuộc đơn vị"),
        ("duc", "CSTD_TQ", "không nhận đề nghị"),
        (None, "LDTT", "Hãy chọn một cá nhân hoặc một tập thể"),
    ],
)
def test_bad_lines_are_refused(hanoi_proposal, org, people, users, candidate, award, message_part):
    kwargs = {
        "duc": {"person": people["duc"]},
        "phu_tho": {"person": people["phu_tho"]},
        "division": {"candidate_unit": org.hanoi_division},
        None: {},
    }[candidate]
    with pytest.raises(DomainError) as caught:
        services.line_add(
            proposal=hanoi_proposal, award_type=code(award), user=users["hanoi_officer"], **kwargs
        )
    assert message_part in caught.value.message
    assert not ProposalLine.objects.exists()


def test_same_candidate_twice_in_the_sector_is_refused_naming_the_other_unit(
    duc_line, annual, org, people, users
):
    sector_proposal = services.proposal_create(round_=annual, unit=org.root, user=users["sector"])
    with pytest.raises(DomainError) as caught:
        services.line_add(
            proposal=sector_proposal,
            person=people["duc"],
            award_type=code("LDTT"),
            user=users["sector"],
        )
    assert caught.value.code == "duplicate"
    assert org.hanoi.short_name in caught.value.message
    assert ProposalLine.objects.count() == 1


def test_same_candidate_for_another_code_is_fine(duc_line, hanoi_proposal, people, users):
    line = services.line_add(
        proposal=hanoi_proposal,
        person=people["duc"],
        award_type=code("CSTDCS"),
        user=users["hanoi_officer"],
    )
    assert line.pk != duc_line.pk


def test_out_of_scope_officer_cannot_add_or_delete_lines(duc_line, hanoi_proposal, people, users):
    with pytest.raises(DomainError) as caught:
        services.line_add(
            proposal=hanoi_proposal,
            person=people["hanoi_division"],
            award_type=code("LDTT"),
            user=users["phu_tho_officer"],
        )
    assert caught.value.code == "not_editor"
    with pytest.raises(DomainError):
        services.line_delete(line=duc_line, user=users["phu_tho_officer"])
    assert ProposalLine.objects.filter(pk=duc_line.pk).exists()


def test_line_delete_removes_it(duc_line, users):
    services.line_delete(line=duc_line, user=users["hanoi_officer"])
    assert not ProposalLine.objects.exists()
