"""After appraisal: bulk transitions along the declared workflow; the proposal tasks of the
inbox; the e-mails of submission and return; a rejected line frees its candidate."""

import pytest
from django.core import mail
from django.urls import reverse

from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError
from tdkt.proposals.models import AppraisalAction, LineAppraisal, LineStatus, ProposalLine
from tdkt.proposals.services import appraisal, proposals
from tdkt.proposals.services.lifecycle import lines_advance
from tdkt.proposals.services.rounds import round_create
from tdkt.proposals.tests.conftest import complete_dossier, round_input
from tdkt.web.inbox import tasks_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_line(duc_line, users):
    complete_dossier(duc_line, users["hanoi_officer"])
    proposals.proposal_submit(proposal=duc_line.proposal, user=users["hanoi_officer"])
    return ProposalLine.objects.get(pk=duc_line.pk)


@pytest.fixture
def accepted_line(submitted_line, users):
    return appraisal.line_appraise(line=submitted_line, decision="ACCEPTED", user=users["sector"])


def test_lines_advance_follows_the_declared_table(accepted_line, users):
    (line,) = lines_advance(
        lines=[accepted_line], action=AppraisalAction.PASSED, user=users["sector"]
    )
    assert line.status == LineStatus.PASSED
    assert line.version == accepted_line.version + 1
    stored = ProposalLine.objects.get(pk=line.pk)
    assert stored.status == LineStatus.PASSED
    assert stored.history.first().history_change_reason == "Hội đồng thống nhất đề nghị"
    assert LineAppraisal.objects.filter(line=line, action=AppraisalAction.PASSED).count() == 1
    assert line.proposal.events.filter(action__startswith="Hội đồng thống nhất").exists()
    lines_advance(lines=[line], action=AppraisalAction.AWARDED, user=users["sector"])
    assert ProposalLine.objects.get(pk=line.pk).status == LineStatus.AWARDED


def test_lines_advance_is_all_or_nothing(duc_line, users, org):
    unit_line = proposals.line_add(
        proposal=duc_line.proposal,
        candidate_unit=org.hanoi,
        award_type=AwardType.objects.get(code="TTLDXS"),
        user=users["hanoi_officer"],
    )
    for line in (duc_line, unit_line):
        complete_dossier(line, users["hanoi_officer"])
    proposals.proposal_submit(proposal=duc_line.proposal, user=users["hanoi_officer"])
    accepted = appraisal.line_appraise(line=duc_line, decision="ACCEPTED", user=users["sector"])
    with pytest.raises(DomainError) as refused:
        lines_advance(lines=[accepted, unit_line], action=AppraisalAction.PASSED)
    assert "chờ thẩm định" in refused.value.message and "không thể" in refused.value.message
    assert ProposalLine.objects.get(pk=accepted.pk).status == LineStatus.ACCEPTED
    assert not LineAppraisal.objects.filter(action=AppraisalAction.PASSED).exists()


def test_a_line_the_council_did_not_pass_frees_its_candidate(accepted_line, users, org):
    second = round_create(data=round_input(name="Bổ sung năm 2026"), user=users["sector"])
    proposal = proposals.proposal_create(round_=second, unit=org.hanoi, user=users["sector"])
    again = {
        "proposal": proposal,
        "person": accepted_line.person,
        "award_type": accepted_line.award_type,
        "user": users["sector"],
    }
    with pytest.raises(DomainError, match="Hà Nội"):
        proposals.line_add(**again)
    lines_advance(lines=[accepted_line], action=AppraisalAction.NOT_PASSED)
    assert proposals.line_add(**again).status == LineStatus.DRAFT


def test_inbox_shows_lines_to_appraise_to_the_sector_officer_only(submitted_line, users, client):
    tasks = tasks_for(users["sector"])
    assert [t.count for t in tasks if t.group == "Thẩm định"] == [1]
    assert tasks_for(users["phu_tho_officer"]) == []
    client.force_login(users["sector"])
    page = client.get(reverse("web:inbox"))
    assert "1 dòng chờ thẩm định" in page.text
    badge = client.get(reverse("web:inbox-count"))
    assert 'data-testid="inbox-count">1' in badge.text
    client.force_login(users["phu_tho_officer"])
    assert "Không có việc nào đang chờ bạn" in client.get(reverse("web:inbox")).text
    assert client.get(reverse("web:inbox-count")).text.strip() == ""


def test_inbox_tells_the_unit_of_returned_lines_and_near_deadlines(duc_line, submitted_line, users):
    assert any("Đề nghị chưa nộp" in t.title for t in tasks_for(users["phu_tho_officer"])) is False
    appraisal.line_appraise(
        line=submitted_line, decision="RETURNED", comment="Thiếu biên bản", user=users["sector"]
    )
    titles = [t.title for t in tasks_for(users["hanoi_officer"])]
    assert any("bị trả lại để bổ sung" in title for title in titles)
    assert not any("bị trả lại" in t.title for t in tasks_for(users["phu_tho_officer"]))


def test_inbox_page_runs_a_fixed_number_of_queries(
    submitted_line, users, client, django_assert_max_num_queries
):
    client.force_login(users["sector"])
    with django_assert_max_num_queries(20):
        assert client.get(reverse("web:inbox")).status_code == 200


def test_inbox_needs_login(client):
    page = client.get(reverse("web:inbox"))
    assert page.status_code == 302 and "dang-nhap" in page.url


def test_submission_and_return_are_mailed(duc_line, users, django_capture_on_commit_callbacks):
    users["sector"].email = "nganh@example.vn"
    users["sector"].save()
    users["hanoi_officer"].email = "hanoi@example.vn"
    users["hanoi_officer"].save()
    complete_dossier(duc_line, users["hanoi_officer"])
    with django_capture_on_commit_callbacks(execute=True):
        proposals.proposal_submit(proposal=duc_line.proposal, user=users["hanoi_officer"])
    assert [m.to for m in mail.outbox] == [["nganh@example.vn"]]
    assert "đã nộp đề nghị" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        appraisal.line_appraise(
            line=ProposalLine.objects.get(pk=duc_line.pk),
            decision="RETURNED",
            comment="Bổ sung biên bản họp",
            user=users["sector"],
        )
    assert [m.to for m in mail.outbox][1:] == [["hanoi@example.vn"]]
    assert "Bổ sung biên bản họp" in mail.outbox[1].body
