"""End to end in Chromium: a staff member submits their initiative with a co-author and a PDF;
the unit's officer recognises it; no request leaves the machine."""

import pytest

from tdkt.testing import BROWSER_MARKS, open_menu

pytestmark = BROWSER_MARKS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_submits_and_officer_recognises(browser_page, live_server, org, people, tmp_path):
    from tdkt.accounts.models import Role
    from tdkt.initiatives.models import Initiative, Status
    from tdkt.initiatives.tests.test_flow import PDF_BYTES
    from tdkt.testing import PASSWORD, make_person, make_user

    make_user("canbo.duc", (Role.STAFF, org.hanoi), person=people["duc"])
    make_user("tdkt.hanoi", (Role.UNIT_OFFICER, org.hanoi))
    colleague = make_person(org.hanoi, "Hoàng Văn Nam")
    pdf = tmp_path / "sang-kien.pdf"
    pdf.write_bytes(PDF_BYTES)
    page, base = browser_page, live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    def login(username):
        page.context.clear_cookies()
        page.goto(f"{base}/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_selector("nav >> text=Khen thưởng")
        open_menu(page, "Khen thưởng", "Sáng kiến")

    login("canbo.duc")
    page.click("text=Nộp sáng kiến")
    page.fill("#id_title", "Sổ tay kiểm sát điện tử")
    page.fill("#id_description", "Tra cứu nhanh quy trình kiểm sát.")
    page.fill("#id_applied_where", "Phòng 1")
    page.fill("#id_applied_result", "Rút ngắn thời gian tra cứu.")
    assert page.input_value("#id_author_1") == people["duc"].code
    page.fill("#id_share_1", "70")
    page.fill("#id_author_2", colleague.code)
    page.fill("#id_share_2", "30")
    page.set_input_files("#id_file", str(pdf))
    page.click("button[name=submit]")
    page.wait_for_selector("text=Đã nộp sáng kiến; sáng kiến đang chờ xét.")
    assert page.is_visible("text=sang-kien.pdf")

    login("tdkt.hanoi")
    page.click("text=Sổ tay kiểm sát điện tử")
    page.click("text=Xét công nhận")
    page.check("input[name=outcome][value=recognise]")
    page.select_option("#id_effect_scope", "CO_SO")
    page.fill("#id_decision_number", "15/QĐ-VKS")
    page.fill("#id_recognising_body", "VKSND thành phố Hà Nội")
    page.click("main form button[type=submit]")
    page.wait_for_selector("text=Đã ghi kết quả xét sáng kiến.")
    initiative = Initiative.objects.get()
    assert initiative.status == Status.RECOGNISED
    assert initiative.decision_number == "15/QĐ-VKS"
    assert page.foreign_requests() == []
