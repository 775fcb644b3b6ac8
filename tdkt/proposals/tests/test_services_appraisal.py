"""Appraisal of submitted lines: accept, return with a comment (the unit corrects and
resubmits; every round trip kept), reject with a reason; refusals; the deadline in working
days."""

import datetime as dt

import pytest

from tdkt.core.errors import DomainError, StaleEditError
from tdkt.proposals.models import AppraisalAction, LineAppraisal, LineStatus, ProposalLine
from tdkt.proposals.services import appraisal, dossiers, proposals
from tdkt.proposals.tests.conftest import complete_dossier, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_line(duc_line, users):
    complete_dossier(duc_line, users["hanoi_officer"])
    proposals.proposal_submit(proposal=duc_line.proposal, user=users["hanoi_officer"])
    return ProposalLine.objects.select_related("proposal__round", "proposal__unit").get(
        pk=duc_line.pk
    )


def test_accept_records_the_step(submitted_line, users):
    line = appraisal.line_appraise(
        line=submitted_line,
        decision="ACCEPTED",
        user=users["sector"],
        expected_version=submitted_line.version,
    )
    assert line.status == LineStatus.ACCEPTED
    step = LineAppraisal.objects.get(line=line)
    assert step.action == AppraisalAction.ACCEPTED and step.actor == users["sector"]
    assert line.proposal.events.filter(action__contains="Thẩm định đạt").exists()
    assert line.history.first().history_change_reason == "Thẩm định đạt"


def test_a_decided_line_cannot_be_decided_again(submitted_line, users):
    appraisal.line_appraise(line=submitted_line, decision="ACCEPTED", user=users["sector"])
    with pytest.raises(DomainError, match="không chờ thẩm định"):
        appraisal.line_appraise(
            line=submitted_line, decision="REJECTED", comment="x", user=users["sector"]
        )
    assert ProposalLine.objects.get(pk=submitted_line.pk).status == LineStatus.ACCEPTED


def test_two_officers_at_once_the_second_is_refused(submitted_line, users):
    opened = submitted_line.version
    appraisal.line_appraise(
        line=submitted_line, decision="ACCEPTED", user=users["sector"], expected_version=opened
    )
    with pytest.raises(StaleEditError):
        appraisal.line_appraise(
            line=submitted_line,
            decision="REJECTED",
            comment="Không đủ điều kiện",
            user=users["sector"],
            expected_version=opened,
        )
    assert ProposalLine.objects.get(pk=submitted_line.pk).status == LineStatus.ACCEPTED
    assert LineAppraisal.objects.filter(line=submitted_line).count() == 1


def test_return_and_reject_need_their_text(submitted_line, users):
    with pytest.raises(DomainError, match="nội dung cần bổ sung") as info:
        appraisal.line_appraise(line=submitted_line, decision="RETURNED", user=users["sector"])
    assert info.value.field == "comment"
    with pytest.raises(DomainError, match="lý do không chấp nhận"):
        appraisal.line_appraise(
            line=submitted_line, decision="REJECTED", comment="  ", user=users["sector"]
        )
    with pytest.raises(DomainError, match="Hãy chọn kết quả"):
        appraisal.line_appraise(line=submitted_line, decision="MAYBE", user=users["sector"])
    assert ProposalLine.objects.get(pk=submitted_line.pk).status == LineStatus.SUBMITTED


def test_only_the_sector_officer_appraises(submitted_line, users):
    for name in ("hanoi_officer", "hanoi_leader"):
        with pytest.raises(DomainError, match="Chỉ cán bộ thi đua ngành"):
            appraisal.line_appraise(line=submitted_line, decision="ACCEPTED", user=users[name])


def test_a_draft_is_not_appraised(duc_line, users):
    with pytest.raises(DomainError, match="chưa nộp"):
        appraisal.line_appraise(line=duc_line, decision="ACCEPTED", user=users["sector"])


def test_reject_keeps_the_reason(submitted_line, users):
    line = appraisal.line_appraise(
        line=submitted_line,
        decision="REJECTED",
        comment="Chưa đủ 2 năm hoàn thành xuất sắc nhiệm vụ",
        user=users["sector"],
    )
    assert line.status == LineStatus.REJECTED
    assert LineAppraisal.objects.get(line=line).comment.startswith("Chưa đủ 2 năm")
    with pytest.raises(DomainError):
        appraisal.line_resubmit(line=line, note="Nộp lại", user=users["hanoi_officer"])


def test_round_trips_are_all_kept(submitted_line, users):
    officer, unit = users["sector"], users["hanoi_officer"]
    line = appraisal.line_appraise(
        line=submitted_line, decision="RETURNED", comment="Thiếu chữ ký", user=officer
    )
    # The returned line's dossier is open to the unit again, not to another unit.
    item = next(iter(line.documents.all())).item
    document = dossiers.document_upload(line=line, item=item, upload=pdf("ky.pdf"), user=unit)
    with pytest.raises(DomainError):
        dossiers.document_upload(line=line, item=item, upload=pdf(), user=users["phu_tho_officer"])
    with pytest.raises(DomainError, match="ghi ngắn gọn"):
        appraisal.line_resubmit(line=line, note="", user=unit)
    line = appraisal.line_resubmit(
        line=line,
        note="Đã bổ sung chữ ký",
        achievement="Thành tích đã sửa",
        user=unit,
        expected_version=line.version,
    )
    assert line.status == LineStatus.SUBMITTED and line.achievement == "Thành tích đã sửa"
    # Submitted again: the unit's dossier is closed again.
    with pytest.raises(DomainError, match="Đề nghị đã nộp"):
        dossiers.document_delete(document=document, user=unit)
    line = appraisal.line_appraise(
        line=line, decision="RETURNED", comment="Sai năm trong tờ trình", user=officer
    )
    line = appraisal.line_resubmit(line=line, note="Đã sửa năm", user=unit)
    line = appraisal.line_appraise(line=line, decision="ACCEPTED", user=officer)
    steps = list(LineAppraisal.objects.filter(line=line).values_list("action", "comment"))
    assert steps == [
        ("RETURNED", "Thiếu chữ ký"),
        ("RESUBMITTED", "Đã bổ sung chữ ký"),
        ("RETURNED", "Sai năm trong tờ trình"),
        ("RESUBMITTED", "Đã sửa năm"),
        ("ACCEPTED", ""),
    ]


def test_resubmission_refused_while_a_mandatory_item_is_missing(submitted_line, users):
    line = appraisal.line_appraise(
        line=submitted_line, decision="RETURNED", comment="Tờ trình sai", user=users["sector"]
    )
    first = line.documents.order_by("item__position").first()
    dossiers.document_delete(document=first, user=users["hanoi_officer"])
    with pytest.raises(DomainError, match="vẫn còn thiếu") as info:
        appraisal.line_resubmit(line=line, note="Đã sửa", user=users["hanoi_officer"])
    assert first.item.name in info.value.message
    assert ProposalLine.objects.get(pk=line.pk).status == LineStatus.RETURNED


def test_resubmission_by_another_unit_or_stale_is_refused(submitted_line, users):
    line = appraisal.line_appraise(
        line=submitted_line, decision="RETURNED", comment="Bổ sung", user=users["sector"]
    )
    with pytest.raises(DomainError, match="không có quyền"):
        appraisal.line_resubmit(line=line, note="x", user=users["phu_tho_officer"])
    with pytest.raises(StaleEditError):
        appraisal.line_resubmit(
            line=line, note="x", user=users["hanoi_officer"], expected_version=line.version - 1
        )


def test_deadline_counts_working_days(annual):
    annual.appraisal_deadline = dt.date(2026, 5, 4)  # a Monday after 30/4 and 1/5
    deadline = appraisal.appraisal_deadline(annual, today=dt.date(2026, 4, 28))
    assert (deadline.days_left, deadline.overdue) == (2, False)  # 29/4 and 4/5
    deadline = appraisal.appraisal_deadline(annual, today=dt.date(2026, 5, 4))
    assert (deadline.days_left, deadline.overdue) == (0, False)
    deadline = appraisal.appraisal_deadline(annual, today=dt.date(2026, 5, 6))
    assert (deadline.days_left, deadline.overdue) == (-2, True)
