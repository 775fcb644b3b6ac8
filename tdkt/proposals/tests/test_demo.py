"""The demo's proposals at a small scale: rounds in several states, proposals from several
units in various states, lines with verdicts and documents; the flush empties them."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from tdkt.accounts.models import User
from tdkt.demo.accounts import DEMO_USERNAMES
from tdkt.demo.flush import flush_domain_data
from tdkt.proposals.models import (
    DossierDocument,
    Proposal,
    ProposalEvent,
    ProposalLine,
    ProposalRound,
)
from tdkt.proposals.selectors import checklists_for_lines


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    original = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock():
        call_command("demo_data", scale=0.01, seed=11, stdout=io.StringIO())
        yield
        with transaction.atomic():
            flush_domain_data()
            User.objects.filter(username__in=DEMO_USERNAMES).delete()
    settings.MEDIA_ROOT = original


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_rounds_in_several_states():
    annual = ProposalRound.objects.get(kind="HANG_NAM", year=2026)
    assert annual.is_open
    assert ProposalRound.objects.filter(kind="KY_NIEM_CHUONG", status="CLOSED").exists()
    assert ProposalRound.objects.filter(kind="DOT_XUAT", simplified_case="2").exists()
    thematic = ProposalRound.objects.get(kind="CHUYEN_DE")
    assert thematic.status == "CLOSED" and thematic.movement is not None
    assert thematic.appraisal_working_days == 10
    assert thematic.appraisal_deadline == dt.date(2025, 11, 14)


def test_proposals_from_several_units_in_various_states():
    annual = Proposal.objects.filter(round__kind="HANG_NAM")
    assert annual.values("unit").distinct().count() >= 4
    assert {p.status for p in annual} == {"DRAFT", "SUBMITTED"}
    assert annual.filter(unit__code="T-HN").exists()


def test_lines_carry_verdicts_and_submitted_dossiers_are_complete():
    lines = ProposalLine.objects.select_related("proposal__round", "award_type")
    assert lines.count() >= 10
    assert lines.exclude(outcome="").exists()
    assert all(line.checked_at for line in lines)
    submitted = lines.filter(proposal__status="SUBMITTED")
    assert submitted.exists()
    assert all(checklist.complete for _line, checklist in checklists_for_lines(submitted))
    assert DossierDocument.objects.exists()


def test_flush_empties_the_proposal_tables():
    with transaction.atomic():
        flush_domain_data()
        from tdkt.proposals.models import LineAppraisal

        tables = (ProposalRound, Proposal, ProposalLine, DossierDocument, ProposalEvent)
        for model in (*tables, LineAppraisal):
            assert not model.objects.exists(), model
        transaction.set_rollback(True)


def test_appraisal_in_several_states():
    from tdkt.proposals.models import LineAppraisal

    statuses = set(ProposalLine.objects.values_list("status", flat=True))
    assert {"SUBMITTED", "ACCEPTED", "RETURNED", "REJECTED"} <= statuses
    trip = LineAppraisal.objects.filter(action="RESUBMITTED").first()
    assert trip is not None
    actions = list(LineAppraisal.objects.filter(line=trip.line).values_list("action", flat=True))
    assert actions == ["RETURNED", "RESUBMITTED", "ACCEPTED"]
