"""Appraisal pages: the queue, the decision form on a line, the unit's resubmission; scope,
stale edits, Vietnamese refusals, the deadline in working days, fixed query counts."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tdkt.catalog.models import AwardType
from tdkt.core.workdays import working_days_between
from tdkt.proposals.models import LineAppraisal, LineStatus, ProposalLine, ProposalRound
from tdkt.proposals.services import appraisal, proposals
from tdkt.proposals.tests.conftest import complete_dossier, pdf
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_line(duc_line, users):
    complete_dossier(duc_line, users["hanoi_officer"])
    proposals.proposal_submit(proposal=duc_line.proposal, user=users["hanoi_officer"])
    return ProposalLine.objects.get(pk=duc_line.pk)


def _page(client, line) -> str:
    return client.get(reverse("proposals:line-detail", args=[line.pk])).content.decode()


def test_queue_is_for_the_sector_officer_only(client, submitted_line, users):
    url = reverse("proposals:appraisal-queue")
    assert client.get(url).status_code == 302
    for name in ("no_role", "hanoi_officer", "phu_tho_officer", "hanoi_leader"):
        client.force_login(users[name])
        assert client.get(url).status_code == 404
    client.force_login(users["sector"])
    page = client.get(url).content.decode()
    assert "Đặng Văn Đức" in page or submitted_line.candidate_name in page
    assert "ngày làm việc" in page


def test_appraise_route_refuses_everyone_but_the_officer(client, submitted_line, users):
    url = reverse("proposals:line-appraise", args=[submitted_line.pk])
    data = {"decision": "ACCEPTED", "version": submitted_line.version}
    assert client.post(url, data).status_code == 302  # to the login page
    for name in ("no_role", "hanoi_officer", "phu_tho_officer", "hanoi_leader"):
        client.force_login(users[name])
        assert client.post(url, data).status_code == 404
    client.force_login(users["sector"])
    assert client.get(url).status_code == 405
    assert ProposalLine.objects.get(pk=submitted_line.pk).status == LineStatus.SUBMITTED


def test_resubmit_route_is_scoped(client, submitted_line, users):
    line = appraisal.line_appraise(
        line=submitted_line, decision="RETURNED", comment="Bổ sung", user=users["sector"]
    )
    url = reverse("proposals:line-resubmit", args=[line.pk])
    for name in ("no_role", "phu_tho_officer", "hanoi_leader"):
        client.force_login(users[name])
        assert client.post(url, {"note": "x", "version": line.version}).status_code == 404
    assert ProposalLine.objects.get(pk=line.pk).status == LineStatus.RETURNED


def test_officer_and_unit_round_trip_through_the_pages(client, submitted_line, users):
    officer, unit = users["sector"], users["hanoi_officer"]
    client.force_login(unit)
    page = _page(client, submitted_line)
    assert 'id="appraisal-form"' not in page and "Chưa có bước thẩm định nào" in page
    client.force_login(officer)
    page = _page(client, submitted_line)
    assert 'id="appraisal-form"' in page and "Đã nộp, chờ thẩm định" in page
    url = reverse("proposals:line-appraise", args=[submitted_line.pk])
    response = client.post(url, {"decision": "RETURNED", "version": submitted_line.version})
    assert response.status_code == 200
    assert "Hãy ghi rõ nội dung cần bổ sung" in response.content.decode()
    response = client.post(
        url,
        {"decision": "RETURNED", "comment": "Thiếu chữ ký", "version": submitted_line.version},
    )
    assert response.status_code == 302
    line = ProposalLine.objects.get(pk=submitted_line.pk)
    assert line.status == LineStatus.RETURNED

    client.force_login(unit)
    page = _page(client, line)
    assert "Cần bổ sung, chỉnh sửa" in page and "Thiếu chữ ký" in page
    assert 'id="resubmit-form"' in page and 'id="upload-form"' in page
    assert reverse("proposals:line-delete", args=[line.pk]) not in page
    item = line.documents.first().item
    response = client.post(
        reverse("proposals:line-detail", args=[line.pk]), {"item": item.pk, "file": pdf("ky.pdf")}
    )
    assert response.status_code == 302 and line.documents.count() >= 2
    resubmit = reverse("proposals:line-resubmit", args=[line.pk])
    response = client.post(resubmit, {"note": "", "version": line.version})
    assert response.status_code == 200 and ProposalLine.objects.get(pk=line.pk).is_returned
    response = client.post(
        resubmit, {"note": "Đã bổ sung chữ ký", "achievement": "Mới", "version": line.version}
    )
    assert response.status_code == 302
    line = ProposalLine.objects.get(pk=line.pk)
    assert line.status == LineStatus.SUBMITTED and line.achievement == "Mới"

    client.force_login(officer)
    response = client.post(url, {"decision": "ACCEPTED", "version": line.version}, follow=True)
    page = response.content.decode()
    assert "Đã ghi kết quả thẩm định" in page and "Thẩm định đạt" in page
    for text in ("Trả lại để bổ sung", "Thiếu chữ ký", "Đơn vị nộp lại", "Đã bổ sung chữ ký"):
        assert text in page
    assert LineAppraisal.objects.filter(line=line).count() == 3


def test_a_stale_decision_is_refused_on_the_page(client, submitted_line, users):
    client.force_login(users["sector"])
    url = reverse("proposals:line-appraise", args=[submitted_line.pk])
    opened = submitted_line.version
    client.post(url, {"decision": "ACCEPTED", "version": opened})
    response = client.post(url, {"decision": "REJECTED", "comment": "Loại", "version": opened})
    assert response.status_code == 200
    assert "đã được người khác sửa" in response.content.decode()
    assert ProposalLine.objects.get(pk=submitted_line.pk).status == LineStatus.ACCEPTED


def test_a_bad_decision_value_is_a_message_not_a_500(client, submitted_line, users):
    client.force_login(users["sector"])
    url = reverse("proposals:line-appraise", args=[submitted_line.pk])
    response = client.post(url, {"decision": "XOA_HET", "version": "abc"})
    assert response.status_code == 200
    assert ProposalLine.objects.get(pk=submitted_line.pk).status == LineStatus.SUBMITTED


def test_deadline_in_working_days_and_overdue(client, submitted_line, users):
    client.force_login(users["sector"])
    round_ = submitted_line.proposal.round
    today = timezone.localdate()
    left = working_days_between(today, round_.appraisal_deadline)
    assert f"còn {left} ngày làm việc" in _page(client, submitted_line)
    past = today - dt.timedelta(days=14)
    ProposalRound.objects.filter(pk=round_.pk).update(
        submission_deadline=past - dt.timedelta(days=7), appraisal_deadline=past
    )
    late = -working_days_between(today, past)
    assert f"quá hạn {late} ngày làm việc" in _page(client, submitted_line)
    queue = client.get(reverse("proposals:appraisal-queue")).content.decode()
    assert f"quá hạn {late} ngày làm việc" in queue


def _grow(proposal, org, count, users):
    """Add ``count`` submitted lines, each returned once and resubmitted (two steps)."""
    from tdkt.proposals.models import Proposal, ProposalStatus

    Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.DRAFT)
    ldtt = AwardType.objects.get(code="LDTT")
    added = []
    for index in range(count):
        person = make_person(org.hanoi_division, f"Cán bộ thẩm định {len(added)}-{index}")
        line = proposals.line_add(proposal=proposal, person=person, award_type=ldtt)
        complete_dossier(line, users["hanoi_officer"])
        added.append(line)
    Proposal.objects.filter(pk=proposal.pk).update(status=ProposalStatus.SUBMITTED)
    ProposalLine.objects.filter(pk__in=[x.pk for x in added]).update(status=LineStatus.SUBMITTED)
    for line in added:
        line = appraisal.line_appraise(
            line=line, decision="RETURNED", comment="Bổ sung", user=users["sector"]
        )
        appraisal.line_resubmit(line=line, note="Đã bổ sung", user=users["hanoi_officer"])


@pytest.mark.parametrize("route", ["queue", "line"])
def test_pages_run_a_fixed_number_of_queries(
    client, submitted_line, org, users, route, django_assert_max_num_queries
):
    proposal = submitted_line.proposal
    client.force_login(users["sector"])
    if route == "queue":
        url = reverse("proposals:appraisal-queue")
    else:
        url = reverse("proposals:line-detail", args=[submitted_line.pk])
    for _ in range(2):
        line = ProposalLine.objects.get(pk=submitted_line.pk)
        line = appraisal.line_appraise(
            line=line, decision="RETURNED", comment="x", user=users["sector"]
        )
        appraisal.line_resubmit(line=line, note="y", user=users["hanoi_officer"])
    _grow(proposal, org, 2, users)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for _ in range(3):
        line = ProposalLine.objects.get(pk=submitted_line.pk)
        line = appraisal.line_appraise(
            line=line, decision="RETURNED", comment="x", user=users["sector"]
        )
        appraisal.line_resubmit(line=line, note="y", user=users["hanoi_officer"])
    _grow(proposal, org, 8, users)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url)
        assert page.status_code == 200
    if route == "queue":
        assert "11 dòng" in page.content.decode()


def test_queue_filters_by_state(client, submitted_line, users):
    appraisal.line_appraise(line=submitted_line, decision="ACCEPTED", user=users["sector"])
    client.force_login(users["sector"])
    url = reverse("proposals:appraisal-queue")
    assert "Không có dòng đề nghị nào ở trạng thái này" in client.get(url).content.decode()
    page = client.get(url, {"status": "ACCEPTED"}).content.decode()
    assert "1 dòng" in page
    assert client.get(url, {"status": "BOGUS", "round": "x"}).status_code == 200


def test_api_lists_the_steps_of_a_line_scoped(client, submitted_line, users):
    line = appraisal.line_appraise(
        line=submitted_line, decision="RETURNED", comment="Thiếu tờ trình", user=users["sector"]
    )
    appraisal.line_resubmit(line=line, note="Đã bổ sung", user=users["hanoi_officer"])
    url = f"/api/v1/proposals/lines/{line.pk}/appraisals"
    assert client.get(url).status_code == 401
    client.force_login(users["phu_tho_officer"])
    assert client.get(url).status_code == 404
    assert client.get(url).json() == {"detail": "Không tìm thấy."}
    client.force_login(users["hanoi_officer"])
    with CaptureQueriesContext(connection) as queries:
        body = client.get(url).json()
    assert [(s["action"], s["comment"]) for s in body] == [
        ("RETURNED", "Thiếu tờ trình"),
        ("RESUBMITTED", "Đã bổ sung"),
    ]
    assert body[0]["actor"] == users["sector"].get_username()
    assert client.get(f"/api/v1/proposals/lines/{line.pk}").json()["status"] == "SUBMITTED"
    for _ in range(3):
        line = appraisal.line_appraise(
            line=ProposalLine.objects.get(pk=line.pk),
            decision="RETURNED",
            comment="x",
            user=users["sector"],
        )
        appraisal.line_resubmit(line=line, note="y", user=users["hanoi_officer"])
    with CaptureQueriesContext(connection) as more:
        assert len(client.get(url).json()) == 8
    assert len(more.captured_queries) == len(queries.captured_queries)


def test_proposal_page_shows_the_appraisal_deadline(client, submitted_line, users):
    client.force_login(users["hanoi_officer"])
    proposal = submitted_line.proposal
    page = client.get(reverse("proposals:proposal-detail", args=[proposal.pk])).content.decode()
    left = working_days_between(timezone.localdate(), proposal.round.appraisal_deadline)
    assert f"còn {left} ngày làm việc" in page


def test_queue_export_opens_with_each_line_and_its_last_step(
    client, submitted_line, org, users, django_assert_max_num_queries
):
    import io

    from openpyxl import load_workbook

    url = reverse("proposals:appraisal-export")
    client.force_login(users["hanoi_officer"])
    assert client.get(url).status_code == 404
    client.force_login(users["sector"])
    _grow(submitted_line.proposal, org, 2, users)
    with CaptureQueriesContext(connection) as small:
        response = client.get(url)
    _grow(submitted_line.proposal, org, 6, users)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Danh sách dòng đề nghị – thẩm định"
    assert sheet["H3"].value == "Ngày làm việc còn lại"
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
    assert len(rows) == 9
    left = working_days_between(
        timezone.localdate(), submitted_line.proposal.round.appraisal_deadline
    )
    assert all(row[7] == left and row[9] == "Đã nộp, chờ thẩm định" for row in rows)
    assert sum(1 for row in rows if (row[10] or "").startswith("Đơn vị nộp lại")) == 8
    accepted = client.get(url, {"status": "ACCEPTED"})
    assert load_workbook(io.BytesIO(accepted.content)).active.max_row == 3


def test_print_shows_each_line_state(client, submitted_line, users):
    appraisal.line_appraise(
        line=submitted_line, decision="REJECTED", comment="Không đủ", user=users["sector"]
    )
    client.force_login(users["hanoi_officer"])
    url = reverse("proposals:proposal-print", args=[submitted_line.proposal_id])
    assert "Không chấp nhận" in client.get(url).content.decode()


def test_round_page_shows_appraisal_progress_scoped(client, submitted_line, users):
    appraisal.line_appraise(line=submitted_line, decision="ACCEPTED", user=users["sector"])
    url = reverse("proposals:round-detail", args=[submitted_line.proposal.round_id])
    client.force_login(users["sector"])
    page = client.get(url).content.decode()
    assert 'data-testid="progress-ACCEPTED">1<' in page
    assert 'data-testid="progress-SUBMITTED">0<' in page
    assert "ngày làm việc" in page
    client.force_login(users["phu_tho_officer"])  # sees the round, not Hà Nội's lines
    assert 'data-testid="progress-ACCEPTED">0<' in client.get(url).content.decode()
