"""The whole commendation flow of issue 6 in Chromium, one proposal line from end to end: Hà
Nội's TĐKT officer submits the proposal; the sector officer finds it in the task inbox and
accepts the line in appraisal, prepares a council meeting (agenda, attendance of the three
voting members) and opens voting; the three members each cast a secret ballot on their own
session (two agree, one disagrees: more than half of the total membership, the council
default that ``BK_NGANH`` uses); the chair closes and tallies, the minutes (.docx) carry the
tally; the officer records the decision, the award reaches the person's record; the
certificates of the decision are printed in the background, the PDF holds the name and the
serial, and the public verification page of its QR token says the award is valid.

Only what is tedious and not the point is set up through services: the round, the line and
its dossier files, the council and its seats. Screenshots go to ``test-artifacts/`` (or to
``docs/screenshots/flow-NN-*.png`` with ``TDKT_DOC_SCREENSHOTS=1``)."""

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from tdkt.testing import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS
_ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = (
    _ROOT / "docs" / "screenshots"
    if os.environ.get("TDKT_DOC_SCREENSHOTS") == "1"
    else _ROOT / "test-artifacts"
)
CODE = "BK_NGANH"
"""The sector's certificate of merit: decided by the sector and printed on a seeded blank."""
DECISION_NUMBER = "125/QĐ-VKSTC"


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"flow-{name}.png"), full_page=True)


def _text(page) -> str:
    return page.locator("main").inner_text()


def _setup(org, people, users):
    """The open round, Hà Nội's proposal with Đức's line and its complete dossier (not yet
    submitted), and the sector council: a chair, two members and a secretary."""
    from tdkt.accounts.models import Role
    from tdkt.catalog.models import AwardType
    from tdkt.council.models import MemberRole
    from tdkt.council.services.councils import CouncilInput, council_create, member_add
    from tdkt.initiatives.models import Initiative
    from tdkt.people import services as people_services
    from tdkt.proposals.services import proposals
    from tdkt.proposals.services.rounds import round_create
    from tdkt.proposals.tests.conftest import complete_dossier, round_input
    from tdkt.testing import make_user

    # Đức's record meets the code: two years "hoàn thành xuất sắc nhiệm vụ" and two initiatives
    # recognised at the base level in those years, used for no other award.
    for year in (2025, 2026):
        people_services.rating_set(
            person=people["duc"], year=year, rating="HTXSNV", reason="Kết quả"
        )
        initiative = Initiative.objects.create(
            status="RECOGNISED",
            title=f"Sáng kiến kiểm sát năm {year}",
            unit=org.hanoi,
            year=year,
            recognised_on=dt.date(year, 10, 1),
            effect_scope="CO_SO",
        )
        initiative.authors.add(people["duc"])
    round_ = round_create(
        data=round_input(award_types=list(AwardType.objects.filter(code=CODE))),
        user=users["sector"],
    )
    proposal = proposals.proposal_create(round_=round_, unit=org.hanoi, user=users["hanoi_officer"])
    line = proposals.line_add(
        proposal=proposal,
        person=people["duc"],
        award_type=AwardType.objects.get(code=CODE),
        user=users["hanoi_officer"],
    )
    complete_dossier(line, users["hanoi_officer"])
    council = council_create(
        data=CouncilInput(
            unit=org.root,
            name="Hội đồng Thi đua – Khen thưởng ngành KSND",
            valid_from=dt.date(2025, 1, 1),
        ),
        user=users["sector"],
    )
    seats = {}
    for username, role in [
        ("hd.chutich", MemberRole.CHAIR),
        ("hd.uyvien1", MemberRole.MEMBER),
        ("hd.uyvien2", MemberRole.MEMBER),
        ("hd.thuky", MemberRole.SECRETARY),
    ]:
        seat_user = make_user(username, (Role.COUNCIL_MEMBER, org.root))
        seats[username] = member_add(
            council=council, member_user=seat_user, role=role, user=users["sector"]
        )
    return round_, proposal, line, council, seats


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_line_from_the_unit_to_a_printed_certificate(
    browser_page, live_server, org, people, users, tmp_path
):
    import docx
    from django.utils import timezone

    from tdkt.awards.models import Award
    from tdkt.council.models import Meeting
    from tdkt.documents.certificates.models import Certificate
    from tdkt.proposals.models import LineStatus, ProposalLine

    round_, proposal, line, council, seats = _setup(org, people, users)
    page, base = browser_page, live_server.url
    today = timezone.localdate()
    try:
        # 1. The unit's officer submits the proposal.
        log_in(page, base, "tdkt.hanoi")
        page.goto(f"{base}/de-nghi/{proposal.pk}/")
        verdict = page.inner_text("#line-table")
        assert "Đủ điều kiện" in verdict and "Không đủ điều kiện" not in verdict
        _shot(page, "01-proposal")
        page.click("text=Nộp đề nghị")
        page.click("form button:has-text('Nộp đề nghị')")
        page.wait_for_selector("text=Đã nộp đề nghị.")
        assert page.locator("[data-testid=proposal-status]").inner_text() == "Đã nộp"

        # 2. The sector officer finds the line in the task inbox and accepts it.
        log_in(page, base, "nganh")
        page.goto(f"{base}/viec-can-lam/")
        task = page.locator("[data-testid=task] a", has_text="chờ thẩm định")
        assert round_.name in task.inner_text()
        _shot(page, "02-inbox")
        task.click()
        page.wait_for_selector("#appraisal-table")
        page.click("#appraisal-table >> text=Đặng Văn Đức")
        page.check("input[name=decision][value=ACCEPTED]")
        page.click("#appraisal-form button[type=submit]")
        page.wait_for_selector("text=Đã ghi kết quả thẩm định.")
        _shot(page, "03-accepted")
        assert ProposalLine.objects.get(pk=line.pk).status == LineStatus.ACCEPTED

        # 3. The officer prepares the meeting: date and place, agenda, attendance; opens voting.
        page.goto(f"{base}/hoi-dong/{council.pk}/")
        page.click("main a:has-text('Phiên họp mới')")
        page.fill("#id_date", today.isoformat())
        page.fill("#id_place", "Phòng họp số 1")
        page.click("main form button[type=submit]")
        page.wait_for_selector("text=Đã tạo phiên họp")
        meeting = Meeting.objects.get(council=council)
        page.click("main a:has-text('Lập chương trình')")
        page.check(f"#line-{line.pk}")
        page.click("text=Đưa các dòng đã chọn vào chương trình")
        page.wait_for_selector("text=Đã đưa 1 dòng vào chương trình.")
        page.click("main a:has-text('Điểm danh')")
        for username in ("hd.chutich", "hd.uyvien1", "hd.uyvien2"):
            page.check(f"input[name=present][value='{seats[username].pk}']")
        page.click("main form button[type=submit]")
        page.wait_for_selector("text=Đã lưu điểm danh.")
        assert "Có mặt 3/3 thành viên biểu quyết." in page.inner_text("[data-testid=quorum]")
        _shot(page, "04-meeting-prepared")
        page.click("main a:has-text('Mở bỏ phiếu')")
        page.click("main form button[type=submit]")
        page.wait_for_selector("[data-testid=status] >> text=Đang bỏ phiếu")
        _shot(page, "05-voting-open")

        # 4. Each member casts a ballot in their own session and sees only the confirmation.
        for username, choice in [
            ("hd.chutich", "Đồng ý"),
            ("hd.uyvien1", "Đồng ý"),
            ("hd.uyvien2", "Không đồng ý"),
        ]:
            log_in(page, base, username)
            page.goto(f"{base}/viec-can-lam/")
            page.click("[data-testid=task] a:has-text('Phiếu bầu kín')")
            page.wait_for_selector("[data-testid=ballot]")
            page.click(f"button:has-text('Tất cả: {choice}')")
            if username == "hd.uyvien2":
                _shot(page, "06-ballot")
            page.click("button:has-text('Gửi phiếu')")
            page.wait_for_selector("[data-testid=voted]")
            assert page.locator("input[type=radio]").count() == 0
            assert "Đồng ý" not in _text(page)
            page.goto(f"{base}/hoi-dong/phien-hop/{meeting.pk}/")
            assert page.locator("[data-testid=voted]").is_visible()
            assert "Đồng ý" not in page.inner_text("[data-testid=attendance]")
        _shot(page, "07-ballot-received")

        # 5. The chair closes and tallies; the line passes; the minutes carry the tally.
        log_in(page, base, "hd.chutich")
        page.goto(f"{base}/hoi-dong/phien-hop/{meeting.pk}/")
        page.click("main a:has-text('Kết thúc và kiểm phiếu')")
        page.click("main form button[type=submit]")
        page.wait_for_selector("text=Đã kiểm phiếu; kết quả đã ghi vào các dòng đề nghị.")
        cells = page.locator("[data-testid=agenda] tbody tr td").all_inner_texts()
        assert cells[3:7] == ["2", "1", "0", "0"]
        assert "Đạt" in cells[8]
        _shot(page, "08-tallied")
        with page.expect_download() as download_info:
            page.click("main a:has-text('Biên bản (Word)')")
        minutes = tmp_path / "bien-ban.docx"
        download_info.value.save_as(minutes)
        document = docx.Document(str(minutes))
        texts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                texts.append(" | ".join(cell.text for cell in row.cells))
        minutes_text = "\n".join(texts)
        assert "Đặng Văn Đức" in minutes_text
        assert "2/3 = 66,7% > 50% tổng số thành viên" in cells[7]
        assert "2/3 = 66,7% > 50% tổng số thành viên" in minutes_text
        page.goto(f"{base}/de-nghi/dong/{line.pk}/")
        assert "Hội đồng thống nhất đề nghị" in _text(page)
        assert ProposalLine.objects.get(pk=line.pk).status == LineStatus.PASSED

        # 6. The officer records the decision; the award reaches the person's record.
        log_in(page, base, "nganh")
        page.goto(f"{base}/so-khen-thuong/quyet-dinh/ghi/")
        page.select_option("#id_round_pick", str(round_.pk))
        page.click("text=Xem các dòng đã được Hội đồng thống nhất")
        page.check(f"#lines-{line.pk}")
        page.fill("#id_number", DECISION_NUMBER)
        page.fill("#id_signed_on", today.isoformat())
        page.fill("#id_signer", "Nguyễn Văn Ký")
        page.fill("#id_summary", "Tặng Bằng khen cho cá nhân có thành tích xuất sắc năm 2026")
        _shot(page, "09-decision-form")
        page.click("main form button:has-text('Ghi quyết định')")
        page.wait_for_selector(f"text=Đã ghi quyết định số {DECISION_NUMBER}: 1 khen thưởng.")
        _shot(page, "10-decision")
        decision_url = page.url
        award = Award.objects.get(source_line=line)
        assert ProposalLine.objects.get(pk=line.pk).status == LineStatus.AWARDED
        page.goto(f"{base}/de-nghi/dong/{line.pk}/")
        assert "Đã có quyết định khen thưởng" in _text(page)
        page.goto(f"{base}/can-bo/{people['duc'].pk}/")
        assert DECISION_NUMBER in _text(page)
        _shot(page, "11-person-record")
        # The two initiatives the verdict counted now back the award, and only it.
        page.goto(f"{base}/so-khen-thuong/{award.pk}/sang-kien/")
        ticked = page.locator("[data-testid=award-initiatives] input[type=checkbox]:checked")
        assert ticked.count() == 2
        _shot(page, "11b-award-initiatives")

        # 7. The certificates of the decision are printed in the background and downloaded.
        page.goto(decision_url)
        page.click("main a:has-text('In bằng khen, giấy khen')")
        page.click("#certificate-job button:has-text('In tất cả')")
        page.wait_for_selector("#certificate-job >> text=Tải tệp PDF", timeout=60000)
        _shot(page, "12-certificates")
        # The PDF is served inline (Chromium shows it in its viewer, ready to print): its
        # bytes are fetched with the page's own session, then the link is followed.
        link = page.locator("#certificate-job a", has_text="Tải tệp PDF")
        response = page.request.get(f"{base}{link.get_attribute('href')}")
        assert response.ok
        assert response.headers["content-type"] == "application/pdf"
        pdf = tmp_path / "bang-khen.pdf"
        pdf.write_bytes(response.body())
        # The recipient's own "In" button gives the single certificate, with the same serial.
        single = page.locator("main table a", has_text="In").first.get_attribute("href")
        single_pdf = tmp_path / "mot-bang-khen.pdf"
        single_pdf.write_bytes(page.request.get(f"{base}{single}").body())
        link.click()
        page.wait_for_timeout(1500)
        _shot(page, "13-certificate-pdf")
        certificate = Certificate.objects.get(award=award)
        pdf_text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Đặng Văn Đức" in pdf_text
        assert certificate.printed_serial in pdf_text
        assert certificate.printed_serial.startswith(f"BK-{today.year}-")
        single_text = subprocess.run(
            ["pdftotext", "-layout", str(single_pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Ông Đặng Văn Đức" in single_text
        assert certificate.printed_serial in single_text
        assert Certificate.objects.filter(award=award).count() == 1

        # Anyone, without logging in, opens the verification page of the QR code.
        page.context.clear_cookies()
        page.goto(f"{base}/xac-minh/{certificate.token}/")
        verification = _text(page)
        assert "Còn hiệu lực" in verification
        assert "Đặng Văn Đức" in verification
        assert DECISION_NUMBER in verification
        _shot(page, "14-verification")
        # Chromium's built-in PDF viewer loads its own files from ``chrome://`` and
        # ``chrome-extension://`` (inside the browser); anything else is a foreign request.
        internal = ("chrome://", "chrome-extension://")
        assert [url for url in page.foreign_requests() if not url.startswith(internal)] == []
    except Exception:
        _shot(page, "failure")
        raise
