"""End to end in Chromium: a unit's officer creates the unit's proposal in the open round, adds
a line (pre-checked), uploads the mandatory dossier files, and submits; no request leaves the
machine."""

import pytest

from tdkt.testing import BROWSER_MARKS, open_menu

pytestmark = BROWSER_MARKS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_unit_proposes_and_submits(browser_page, live_server, org, people, users, tmp_path):
    from tdkt.proposals.models import Proposal
    from tdkt.proposals.services.rounds import round_create
    from tdkt.proposals.tests.conftest import PDF_BYTES, round_input
    from tdkt.testing import PASSWORD

    round_ = round_create(data=round_input(), user=users["sector"])
    pdf = tmp_path / "ho-so.pdf"
    pdf.write_bytes(PDF_BYTES)
    page, base = browser_page, live_server.url
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", "tdkt.hanoi")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("nav >> text=Khen thưởng")
    open_menu(page, "Khen thưởng", "Đợt đề nghị")
    page.click(f"text={round_.name}")
    page.click("text=Lập đề nghị")
    page.select_option("#id_unit", str(org.hanoi.pk))
    page.click("main form button:has-text('Lập đề nghị')")
    page.wait_for_selector("text=Đã lập đề nghị.")
    page.select_option("#id_award_type", label="Lao động tiên tiến (LDTT)")
    page.select_option("#id_person", label=f"Đặng Văn Đức — {org.hanoi.short_name}")
    page.click("text=Thêm và kiểm tra điều kiện")
    page.wait_for_selector("text=Đã thêm")
    page.click("#line-table >> text=Đặng Văn Đức")
    page.wait_for_selector("#verdict")
    options = page.locator("#id_item option").all()
    for value in [o.get_attribute("value") for o in options if o.get_attribute("value")]:
        page.select_option("#id_item", value)
        page.set_input_files("#id_file", str(pdf))
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector("text=Đã tải lên tài liệu.")
    assert "Đủ hồ sơ bắt buộc" in page.locator("#checklist").inner_text()
    page.click("text=Đề nghị của VKSND thành phố Hà Nội")
    page.click("text=Nộp đề nghị")
    page.click("form button:has-text('Nộp đề nghị')")
    page.wait_for_selector("text=Đã nộp đề nghị.")
    assert page.locator("[data-testid=proposal-status]").inner_text() == "Đã nộp"
    assert Proposal.objects.get().is_submitted
    assert page.foreign_requests() == []
