"""End to end in Chromium: a leader opens the dashboard and sees its chart drawn, drills into a
figure and finds the list behind it; the statistics page draws its charts and a click on a
count opens its list. Screenshots go to test-artifacts/, or to docs/screenshots/ when
``TDKT_DOC_SCREENSHOTS=1``."""

import io
import os
import re
from pathlib import Path

import openpyxl
import pytest

from tdkt.testing import BROWSER_MARKS

pytestmark = BROWSER_MARKS

_ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = (
    _ROOT / "docs" / "screenshots"
    if os.environ.get("TDKT_DOC_SCREENSHOTS") == "1"
    else _ROOT / "test-artifacts"
)


def _shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _login(page, base: str, username: str) -> None:
    from tdkt.testing import PASSWORD

    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def _row_count(page) -> int:
    text = page.get_by_test_id("row-count").inner_text()
    return int(re.match(r"[\d.]+", text).group(0).replace(".", ""))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_leader_reads_the_dashboard_and_drills_into_a_figure(
    browser_page, live_server, org, people, users
):
    from tdkt.reports.tests.statistics_data import build_awards, build_proposals

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    build_awards(org, people)
    build_proposals(org, people, users)
    page, base = browser_page, live_server.url
    _login(page, base, "lanhdao.hanoi")

    page.goto(f"{base}/tong-quan/")
    page.wait_for_function("() => window.statisticsCharts && "
                           "window.statisticsCharts['chart-data-dashboard']")  # fmt: skip
    assert page.locator("canvas[data-testid=dashboard-chart]").count() == 1
    drawn = page.evaluate(
        "() => window.statisticsCharts['chart-data-dashboard'].data.datasets.length"
    )
    assert drawn == 2  # the award year and the year before
    _shot(page, "statistics-dashboard")

    total = page.get_by_test_id("key-figures").get_by_test_id("figure").first
    expected = int(total.inner_text().replace(".", ""))
    total.click()
    page.wait_for_selector("[data-testid=drill-table]")
    assert _row_count(page) == expected == 5
    assert page.locator("[data-testid=drill-table] tbody tr").count() == expected
    _shot(page, "statistics-drill-awards")

    page.goto(f"{base}/thong-ke/?year_from=2016&year_to=2026")
    page.wait_for_function("() => window.statisticsCharts && "
                           "window.statisticsCharts['chart-data-by_year']")  # fmt: skip
    assert page.locator("canvas[data-chart]").count() >= 5
    _shot(page, "statistics-page")
    ldtt = page.locator("#by_code tr[data-key=LDTT] [data-testid=figure]").first
    expected = int(ldtt.inner_text().replace(".", ""))
    ldtt.click()
    page.wait_for_selector("[data-testid=drill-table]")
    assert _row_count(page) == expected == 5  # Đức three years, Bình two (Hà Nội only)

    # the official form 0603 (awards of the sector) for 2025, downloaded from its page
    page.goto(f"{base}/bao-cao/bieu-mau/")
    page.check("input[name=form][value='0603']")
    page.fill("input[name=year]", "2025")
    _shot(page, "statistics-official-form")
    with page.expect_download() as download:
        page.click("#official-form button[type=submit]")
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    texts = [str(c.value) for row in workbook.active.iter_rows() for c in row if c.value]
    assert any("0603.N/BNV-TĐKT" in text for text in texts)
    assert page.foreign_requests() == []
