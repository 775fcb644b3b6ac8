"""End to end in Chromium: a leader opens the dashboard and sees its chart drawn, clicks the
previous year's bar and gets that year's list, drills into a figure and finds the list behind
it, chooses another year; the statistics page draws its charts, a click on a level's point of
the trend opens that level's list, and a click on a count opens its list. Screenshots go to
test-artifacts/ (the pictures of docs/statistics.md are taken on the demo data instead; the
official form's goes to docs/screenshots/ when ``TDKT_DOC_SCREENSHOTS=1``)."""

import io
import os
import re
from pathlib import Path

import openpyxl
import pytest

from tdkt.testing import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS

_ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = (
    _ROOT / "docs" / "screenshots"
    if os.environ.get("TDKT_DOC_SCREENSHOTS") == "1"
    else _ROOT / "test-artifacts"
)
ARTIFACTS = _ROOT / "test-artifacts"


def _shot(page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _artifact(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _click_point(page, chart_id: str, dataset: int, index: int) -> None:
    """Click the bar or point ``index`` of ``dataset`` where Chart.js drew it."""
    x, y = page.evaluate(
        """([id, d, i]) => {
             const chart = window.statisticsCharts[id];
             const centre = chart.getDatasetMeta(d).data[i].getCenterPoint();
             const box = chart.canvas.getBoundingClientRect();
             return [box.left + centre.x, box.top + centre.y];
           }""",
        [chart_id, dataset, index],
    )
    page.mouse.click(x, y)


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
    log_in(page, base, "lanhdao.hanoi")

    page.goto(f"{base}/tong-quan/")
    page.wait_for_function("() => window.statisticsCharts && "
                           "window.statisticsCharts['chart-data-dashboard']")  # fmt: skip
    assert page.locator("canvas[data-testid=dashboard-chart]").count() == 1
    drawn = page.evaluate(
        "() => window.statisticsCharts['chart-data-dashboard'].data.datasets.length"
    )
    assert drawn == 2  # the award year and the year before
    _artifact(page, "statistics-dashboard")

    # the previous year's LĐTT bar opens the LĐTT of 2024 (Đức and Bình), not of 2025
    _click_point(page, "chart-data-dashboard", 0, 0)
    page.wait_for_selector("[data-testid=drill-table]")
    assert "/thong-ke/khen-thuong/" in page.url
    assert _row_count(page) == 2
    years = page.locator("[data-testid=drill-table] tbody tr td:first-child").all_inner_texts()
    assert years == ["2024", "2024"]
    assert "Năm: 2024" in page.get_by_test_id("filter").all_inner_texts()
    page.go_back()
    page.wait_for_function("() => window.statisticsCharts && "
                           "window.statisticsCharts['chart-data-dashboard']")  # fmt: skip

    total = page.get_by_test_id("key-figures").get_by_test_id("figure").first
    expected = int(total.inner_text().replace(".", ""))
    total.click()
    page.wait_for_selector("[data-testid=drill-table]")
    assert _row_count(page) == expected == 5
    assert page.locator("[data-testid=drill-table] tbody tr").count() == expected
    _artifact(page, "statistics-drill-awards")

    # another year, chosen in the list: 2024 against 2023
    page.goto(f"{base}/tong-quan/")
    page.select_option("#id_nam", "2024")
    page.wait_for_url("**/tong-quan/?nam=2024")
    assert "Khen thưởng năm 2024 so với năm 2023" in page.inner_text("[data-testid=key-figures]")

    page.goto(f"{base}/thong-ke/?year_from=2016&year_to=2026")
    page.wait_for_function("() => window.statisticsCharts && "
                           "window.statisticsCharts['chart-data-by_year']")  # fmt: skip
    assert page.locator("canvas[data-chart]").count() >= 5
    _artifact(page, "statistics-page")
    # the trend's "Cấp ngành" line at 2025 opens the sector-level awards of 2025 only
    page.locator("#by_year").scroll_into_view_if_needed()
    trend = page.evaluate("() => window.statisticsCharts['chart-data-by_year'].data")
    at = trend["labels"].index("2025")
    assert trend["datasets"][2]["label"] == "Cấp ngành"
    sector_2025 = trend["datasets"][2]["data"][at]
    assert 0 < sector_2025 < trend["datasets"][0]["data"][at]
    _click_point(page, "chart-data-by_year", 2, at)
    page.wait_for_selector("[data-testid=drill-table]")
    shown = page.get_by_test_id("filter").all_inner_texts()
    assert "Năm: 2025" in shown and "Cấp: Cấp ngành" in shown
    assert _row_count(page) == sector_2025
    page.go_back()
    page.wait_for_selector("#by_code")
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
