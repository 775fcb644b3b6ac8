"""End to end in Chromium: the sector officer enters a Tết day in the calendar, returns a
submitted line with a comment, the unit adds a file and resubmits, the officer accepts; the
line page shows every round trip. Screenshots go to ``test-artifacts/`` (or
``docs/screenshots/`` with ``TDKT_DOC_SCREENSHOTS=1``)."""

import datetime as dt
import os
from pathlib import Path

import pytest

from tdkt.testing import BROWSER_MARKS, log_in, open_menu

pytestmark = BROWSER_MARKS
_ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = (
    _ROOT / "docs" / "screenshots"
    if os.environ.get("TDKT_DOC_SCREENSHOTS") == "1"
    else _ROOT / "test-artifacts"
)


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_officer_returns_unit_resubmits_officer_accepts(
    browser_page,  # noqa: F811
    live_server,
    org,
    people,
    users,
    tmp_path,
):
    from tdkt.catalog.models import AwardType
    from tdkt.core.models import PublicHoliday
    from tdkt.proposals.models import LineStatus, ProposalLine
    from tdkt.proposals.services import proposals
    from tdkt.proposals.services.rounds import round_create
    from tdkt.proposals.tests.conftest import PDF_BYTES, complete_dossier, round_input

    round_ = round_create(data=round_input(), user=users["sector"])
    proposal = proposals.proposal_create(round_=round_, unit=org.hanoi, user=users["hanoi_officer"])
    line = proposals.line_add(
        proposal=proposal,
        person=people["duc"],
        award_type=AwardType.objects.get(code="LDTT"),
        user=users["hanoi_officer"],
    )
    complete_dossier(line, users["hanoi_officer"])
    proposals.proposal_submit(proposal=proposal, user=users["hanoi_officer"])
    pdf = tmp_path / "bo-sung.pdf"
    pdf.write_bytes(PDF_BYTES)
    page, base = browser_page, live_server.url

    log_in(page, base, "nganh")
    page.goto(f"{base}/lich-nghi/?nam=2027")
    page.fill("#id_date", "2027-02-05")
    page.fill("#id_name", "Tết Nguyên đán")
    page.click("#holiday-form button[type=submit]")
    page.wait_for_selector("text=Đã thêm ngày nghỉ")
    assert PublicHoliday.objects.filter(date=dt.date(2027, 2, 5), name="Tết Nguyên đán").exists()
    _shot(page, "appraisal-01-holidays")

    open_menu(page, "Khen thưởng", "Thẩm định")
    page.wait_for_selector("#appraisal-table")
    assert "ngày làm việc" in page.locator("#appraisal-table").inner_text()
    _shot(page, "appraisal-02-queue")
    page.click("#appraisal-table >> text=Đặng Văn Đức")
    page.check("input[name=decision][value=RETURNED]")
    page.click("#appraisal-form button[type=submit]")
    page.wait_for_selector("text=Hãy ghi rõ nội dung cần bổ sung")
    page.check("input[name=decision][value=RETURNED]")
    page.fill("#appraisal-form textarea[name=comment]", "Bổ sung biên bản có chữ ký.")
    page.click("#appraisal-form button[type=submit]")
    page.wait_for_selector("text=Đã ghi kết quả thẩm định.")

    log_in(page, base, "tdkt.hanoi")
    page.goto(f"{base}/de-nghi/dong/{line.pk}/")
    page.wait_for_selector("text=Bổ sung biên bản có chữ ký.")
    page.select_option("#id_item", index=1)
    page.set_input_files("#id_file", str(pdf))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("text=Đã tải lên tài liệu.")
    page.fill("#id_note", "Đã bổ sung biên bản.")
    page.click("#resubmit-form button[type=submit]")
    page.wait_for_selector("text=Đã nộp lại dòng đề nghị để thẩm định.")

    log_in(page, base, "nganh")
    page.goto(f"{base}/de-nghi/dong/{line.pk}/")
    page.check("input[name=decision][value=ACCEPTED]")
    page.click("#appraisal-form button[type=submit]")
    page.wait_for_selector("text=Đã ghi kết quả thẩm định.")
    history = page.locator("#appraisal-history").inner_text()
    for text in ("Trả lại để bổ sung", "Đơn vị nộp lại", "Đã bổ sung biên bản.", "Thẩm định đạt"):
        assert text in history
    _shot(page, "appraisal-03-line")
    assert ProposalLine.objects.get(pk=line.pk).status == LineStatus.ACCEPTED
    assert page.foreign_requests() == []
