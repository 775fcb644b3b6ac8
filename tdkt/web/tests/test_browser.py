"""End to end in Chromium: log in, open the tree, search a person without diacritics, open the
person page, and check that no request left the server's own origin. Screenshots are saved
under ``test-artifacts/``."""

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tdkt.testing import BROWSER_MARKS, open_menu

pytestmark = BROWSER_MARKS

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_officer_finds_a_person_without_diacritics(browser_page, live_server, org, people, users):
    from tdkt.testing import PASSWORD

    page = browser_page
    page.goto(f"{live_server.url}/")
    page.fill("#id_username", "tdkt.hanoi")
    page.fill("#id_password", PASSWORD)
    _shot(page, "01-login")
    page.click("button[type=submit]")
    page.wait_for_selector("#ratings-chart")
    _shot(page, "02-dashboard")

    page.click("nav >> text=Đơn vị")
    page.wait_for_selector("[data-testid=unit-tree]")
    assert page.locator("[data-testid=unit-tree]").inner_text().count("VKSND thành phố Hà Nội") == 1
    _shot(page, "03-unit-tree")

    page.click("nav >> text=Cán bộ")
    page.fill("#id_q", "dang van duc")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-testid=result-count]').textContent.trim() === '1 cán bộ'"
    )
    assert parse_qs(urlparse(page.url).query)["q"] == ["dang van duc"]
    assert "Trần Thị Bình" not in page.locator("#people-table").inner_text()
    _shot(page, "04-people-search")

    page.click("#people-table >> text=Đặng Văn Đức")
    page.wait_for_selector("[data-testid=person-name]")
    assert page.inner_text("[data-testid=person-name]") == "Đặng Văn Đức"
    _shot(page, "05-person")

    assert page.foreign_requests() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_officer_checks_eligibility_and_runs_a_sweep(
    browser_page, live_server, org, people, users, tmp_path
):
    from openpyxl import load_workbook

    from tdkt.people import services
    from tdkt.testing import PASSWORD

    services.rating_set(person=people["duc"], year=2025, rating="HTXSNV", reason="Kết quả")
    page = browser_page
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", "tdkt.hanoi")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#ratings-chart")

    page.goto(f"{live_server.url}/can-bo/{people['duc'].pk}/")
    page.wait_for_selector("#eligibility-panel")
    page.select_option("#eligibility-year", "2025")
    page.wait_for_selector("#eligibility-panel >> text=Có thể đề nghị khen thưởng năm 2025")
    page.locator("#eligibility-panel details", has_text="Chiến sĩ thi đua cơ sở").click()
    assert "Đủ điều kiện" in page.locator("#eligibility-panel").inner_text()
    _shot(page, "06-eligibility-panel")

    open_menu(page, "Khen thưởng", "Rà soát điều kiện")
    page.fill("input[name=year]", "2025")
    page.click("text=Bắt đầu xét")
    page.wait_for_selector("text=Kết quả xét khen thưởng năm 2025", timeout=30000)
    page.wait_for_selector("table >> text=Đặng Văn Đức", timeout=30000)
    _shot(page, "07-sweep")
    with page.expect_download() as download_info:
        page.click("text=Xuất Excel")
    path = tmp_path / download_info.value.suggested_filename
    assert path.suffix == ".xlsx"
    download_info.value.save_as(path)
    sheet = load_workbook(path, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert any("Đặng Văn Đức" in str(cell) for row in rows for cell in row)
    assert page.foreign_requests() == []
