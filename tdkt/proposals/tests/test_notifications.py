"""E-mails of appraisal beyond submission and return: a rejected line goes to the proposing
unit's TĐKT officers, a resubmitted line to the sector officers; nobody else is written to."""

import pytest
from django.core import mail
from django.urls import reverse

from tdkt.proposals.models import ProposalLine
from tdkt.proposals.services import appraisal, proposals
from tdkt.proposals.tests.conftest import complete_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def mailed(users):
    """Every officer of the matrix with an e-mail address."""
    for key in ("sector", "hanoi_officer", "phu_tho_officer", "hanoi_leader"):
        users[key].email = f"{users[key].username}@example.vn"
        users[key].save()
    return users


@pytest.fixture
def submitted_line(duc_line, mailed):
    complete_dossier(duc_line, mailed["hanoi_officer"])
    proposals.proposal_submit(proposal=duc_line.proposal, user=mailed["hanoi_officer"])
    return ProposalLine.objects.get(pk=duc_line.pk)


def test_a_rejected_line_is_mailed_to_the_units_officers(
    submitted_line, mailed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appraisal.line_appraise(
            line=submitted_line,
            decision="REJECTED",
            comment="Không đủ thời gian công tác",
            user=mailed["sector"],
        )
    assert [m.to for m in mail.outbox] == [["tdkt.hanoi@example.vn"]]
    (message,) = mail.outbox
    assert "không được chấp nhận" in message.subject and "Đặng Văn Đức" in message.subject
    assert "Lý do: Không đủ thời gian công tác" in message.body
    assert reverse("proposals:line-detail", args=[submitted_line.pk]) in message.body


def test_an_accepted_line_sends_nothing(submitted_line, mailed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        appraisal.line_appraise(line=submitted_line, decision="ACCEPTED", user=mailed["sector"])
    assert mail.outbox == []


def test_a_resubmitted_line_is_mailed_to_the_sector_officers(
    submitted_line, mailed, django_capture_on_commit_callbacks
):
    returned = appraisal.line_appraise(
        line=submitted_line, decision="RETURNED", comment="Thiếu biên bản", user=mailed["sector"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        appraisal.line_resubmit(
            line=returned, note="Đã bổ sung biên bản họp", user=mailed["hanoi_officer"]
        )
    assert [m.to for m in mail.outbox] == [["nganh@example.vn"]]
    (message,) = mail.outbox
    assert "nộp lại" in message.subject and "VKSND thành phố Hà Nội" in message.subject
    assert "Nội dung đã bổ sung: Đã bổ sung biên bản họp" in message.body


def test_a_refused_resubmission_sends_nothing(
    submitted_line, mailed, django_capture_on_commit_callbacks
):
    from tdkt.core.errors import DomainError

    returned = appraisal.line_appraise(
        line=submitted_line, decision="RETURNED", comment="Thiếu biên bản", user=mailed["sector"]
    )
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        appraisal.line_resubmit(line=returned, note="  ", user=mailed["hanoi_officer"])
    assert mail.outbox == []
