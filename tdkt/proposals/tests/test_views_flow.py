"""A unit walks a proposal through the pages; pages run a fixed number of queries; the Excel
export and the printable summary hold what was proposed."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.catalog.models import AwardType
from tdkt.proposals.models import ProposalLine, ProposalStatus, RoundStatus
from tdkt.proposals.selectors import checklist_items_for
from tdkt.proposals.services.proposals import line_add
from tdkt.proposals.tests.conftest import PDF_BYTES, complete_dossier
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db


def test_sector_officer_opens_and_closes_a_round(client, users):
    client.force_login(users["sector"])
    codes = list(AwardType.objects.filter(code__in=["LDTT", "GK"]).values_list("pk", flat=True))
    data = {
        "name": "Đột xuất quý IV",
        "kind": "DOT_XUAT",
        "year": 2026,
        "simplified_case": "",
        "submission_deadline": "2026-12-10",
        "appraisal_deadline": "2026-12-20",
        "award_types": codes,
    }
    response = client.post(reverse("proposals:round-create"), data)
    assert "Đợt đột xuất phải chọn một trường hợp" in response.content.decode()
    data["simplified_case"] = "2"
    response = client.post(reverse("proposals:round-create"), data)
    assert response.status_code == 302
    detail = response["Location"]
    page = client.get(detail).content.decode()
    assert "Đột xuất quý IV" in page and "Giấy khen" in page
    pk = int(detail.rstrip("/").split("/")[-1])
    close = reverse("proposals:round-close", args=[pk])
    assert "Đóng đợt" in client.get(close).content.decode()
    assert client.post(close).status_code == 302
    from tdkt.proposals.models import ProposalRound

    assert ProposalRound.objects.get(pk=pk).status == RoundStatus.CLOSED


def test_stale_round_edit_shows_the_message(client, annual, users):
    client.force_login(users["sector"])
    url = reverse("proposals:round-edit", args=[annual.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["submission_deadline"] = annual.submission_deadline.isoformat()
    data["appraisal_deadline"] = annual.appraisal_deadline.isoformat()
    data["version"] = 0
    response = client.post(url, data)
    assert "người khác sửa" in response.content.decode()


def test_unit_proposes_uploads_and_submits(client, annual, people, users):
    client.force_login(users["hanoi_officer"])
    response = client.post(
        reverse("proposals:proposal-create", args=[annual.pk]),
        {"unit": people["duc"].unit.pk},
    )
    assert response.status_code == 302
    detail = response["Location"]
    ldtt = AwardType.objects.get(code="LDTT")
    response = client.post(detail, {"award_type": ldtt.pk, "person": people["duc"].pk})
    assert response.status_code == 302
    line = ProposalLine.objects.get()
    page = client.get(detail).content.decode()
    assert "Đặng Văn Đức" in page and "Thiếu" in page
    submit = reverse("proposals:proposal-submit", args=[line.proposal_id])
    response = client.post(submit, {"version": line.proposal.version})
    assert "còn thiếu thành phần hồ sơ bắt buộc" in response.content.decode()
    line_url = reverse("proposals:line-detail", args=[line.pk])
    for item in checklist_items_for(annual, ldtt):
        if item.mandatory:
            upload = io.BytesIO(PDF_BYTES)
            upload.name = "ho-so.pdf"
            assert client.post(line_url, {"item": item.pk, "file": upload}).status_code == 302
    fake = io.BytesIO(b"<html>not a pdf</html>")
    fake.name = "gia.pdf"
    response = client.post(line_url, {"item": item.pk, "file": fake})
    assert "kiểm tra theo nội dung tệp" in response.content.decode()
    response = client.post(submit, {"version": line.proposal.version})
    assert response.status_code == 302
    line.proposal.refresh_from_db()
    assert line.proposal.status == ProposalStatus.SUBMITTED
    again = client.post(submit, {"version": 1}, follow=True)
    assert "không có gì thay đổi" in again.content.decode()
    page = client.get(detail).content.decode()
    assert "Nộp đề nghị</a>" not in page and "Đã nộp" in page
    doc = line.documents.first()
    download = client.get(reverse("proposals:document-download", args=[line.pk, doc.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_duplicate_line_message_on_the_page(client, duc_line, annual, org, people, users):
    client.force_login(users["sector"])
    response = client.post(
        reverse("proposals:proposal-create", args=[annual.pk]), {"unit": org.root.pk}
    )
    response = client.post(
        response["Location"], {"award_type": duc_line.award_type_id, "person": people["duc"].pk}
    )
    assert response.status_code == 200
    assert "trong đề nghị của đơn vị VKSND thành phố Hà Nội" in response.content.decode()


def test_recheck_from_the_page(client, duc_line, users):
    client.force_login(users["hanoi_officer"])
    response = client.post(reverse("proposals:line-recheck", args=[duc_line.pk]), follow=True)
    assert "Đã kiểm tra lại điều kiện" in response.content.decode()


def _grow(proposal, org, count, users):
    ldtt = AwardType.objects.get(code="LDTT")
    for index in range(count):
        person = make_person(org.hanoi_division, f"Cán bộ {index}")
        line = line_add(proposal=proposal, person=person, award_type=ldtt)
        complete_dossier(line, users["hanoi_officer"])


@pytest.mark.parametrize(
    "name",
    [
        "proposals:round-list",
        "proposals:proposal-list",
        "proposals:proposal-export",
        "proposals:round-detail",
        "proposals:proposal-detail",
        "proposals:proposal-print",
    ],
)
def test_pages_run_a_fixed_number_of_queries(
    client, annual, hanoi_proposal, org, users, name, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kwargs = {"proposals:round-detail": {"pk": annual.pk}}.get(name)
    if name in ("proposals:proposal-detail", "proposals:proposal-print"):
        kwargs = {"pk": hanoi_proposal.pk}
    url = reverse(name, kwargs=kwargs)
    client.force_login(users["hanoi_officer"])
    _grow(hanoi_proposal, org, 2, users)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(hanoi_proposal, org, 8, users)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_excel_export_lists_every_line(client, duc_line, hanoi_proposal, users):
    client.force_login(users["hanoi_officer"])
    response = client.get(reverse("proposals:proposal-export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Danh sách đề nghị khen thưởng"
    assert sheet["D3"].value == "Đơn vị đề nghị"
    row = [cell.value for cell in sheet[4]]
    assert row[3] == "VKSND thành phố Hà Nội"
    assert row[5] == "Đặng Văn Đức" and row[6] == "LDTT"
    assert row[10].startswith("Thiếu: Tờ trình")
    client.force_login(users["phu_tho_officer"])
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("proposals:proposal-export")).content)
    ).active
    assert sheet.max_row == 3


def test_print_page_lists_lines_and_dossier(client, duc_line, hanoi_proposal, users):
    client.force_login(users["hanoi_officer"])
    page = client.get(
        reverse("proposals:proposal-print", args=[hanoi_proposal.pk])
    ).content.decode()
    assert "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" in page
    assert "Đặng Văn Đức" in page and "Tờ trình đề nghị khen thưởng kèm danh sách" in page


def test_large_units_type_the_staff_code(client, hanoi_proposal, people, users, monkeypatch):
    from tdkt.proposals import forms

    monkeypatch.setattr(forms, "PERSON_LIST_LIMIT", 0)
    client.force_login(users["hanoi_officer"])
    url = reverse("proposals:proposal-detail", args=[hanoi_proposal.pk])
    page = client.get(url).content.decode()
    assert 'name="person"' in page and "Đặng Văn Đức —" not in page
    ldtt = AwardType.objects.get(code="LDTT")
    response = client.post(url, {"award_type": ldtt.pk, "person": "KHONG-CO"})
    assert "Không có cán bộ đang công tác mã KHONG-CO" in response.content.decode()
    response = client.post(url, {"award_type": ldtt.pk, "person": people["duc"].code})
    assert response.status_code == 302
    assert ProposalLine.objects.get().person == people["duc"]


def test_round_page_pages_its_proposals(client, annual, org, users, monkeypatch):
    from tdkt.proposals.services.proposals import proposal_create
    from tdkt.proposals.views import rounds

    monkeypatch.setattr(rounds, "PAGE_SIZE", 1)
    proposal_create(round_=annual, unit=org.hanoi)
    proposal_create(round_=annual, unit=org.phu_tho)
    client.force_login(users["sector"])
    url = reverse("proposals:round-detail", args=[annual.pk])
    first = client.get(url).content.decode()
    assert "Trang 1/2" in first
    second = client.get(url + "?page=2").content.decode()
    assert ("VKSND tỉnh Phú Thọ" in first) != ("VKSND tỉnh Phú Thọ" in second)


def test_lists_sort_and_filter(client, annual, org, users):
    from tdkt.proposals.services.proposals import proposal_create

    proposal_create(round_=annual, unit=org.hanoi)
    proposal_create(round_=annual, unit=org.phu_tho)
    client.force_login(users["sector"])
    url = reverse("proposals:proposal-list")
    ascending = client.get(url + "?sort=unit").context["table"].data.data
    descending = client.get(url + "?sort=-unit").context["table"].data.data
    assert [p.pk for p in ascending] == [p.pk for p in descending][::-1]
    drafts = client.get(url + "?status=DRAFT").context["table"].paginator.count
    assert drafts == 2
    assert client.get(url + "?status=SUBMITTED").context["table"].paginator.count == 0
    assert client.get(url + "?q=phu tho").context["table"].paginator.count == 1
    rounds = client.get(reverse("proposals:round-list") + "?kind=DOT_XUAT&sort=-year")
    assert rounds.context["table"].paginator.count == 0
    assert "Chưa có đợt đề nghị nào" in rounds.content.decode()


def test_round_form_takes_working_days_instead_of_a_date(client, users):
    client.force_login(users["sector"])
    codes = list(AwardType.objects.filter(code__in=["LDTT"]).values_list("pk", flat=True))
    data = {
        "name": "Tổng kết năm 2026",
        "kind": "HANG_NAM",
        "year": 2026,
        "submission_deadline": "2026-12-11",
        "appraisal_deadline": "",
        "appraisal_working_days": "",
        "award_types": codes,
    }
    response = client.post(reverse("proposals:round-create"), data)
    assert "Hãy nhập hạn thẩm định, hoặc số ngày làm việc" in response.content.decode()
    data["appraisal_working_days"] = "10"
    response = client.post(reverse("proposals:round-create"), data)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "25/12/2026" in page and "10 ngày làm việc sau hạn nộp" in page
    from tdkt.proposals.models import ProposalRound

    round_ = ProposalRound.objects.get(name="Tổng kết năm 2026")
    edit = client.get(reverse("proposals:round-edit", args=[round_.pk])).context["form"]
    assert edit.initial["appraisal_working_days"] == 10
    assert "appraisal_deadline" not in edit.initial
