"""End to end in Chromium: the sector officer registers an advanced model from an award, attaches
a story with a link, records a unit that learned from it and publishes it; an anonymous visitor
reads the public page and its story; the model's spread is drawn by year; the tile map shows
the province's tile with its count. No request leaves the server. Screenshots go to
test-artifacts/, or to docs/screenshots/ when ``TDKT_DOC_SCREENSHOTS=1``."""

import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tdkt.testing import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS

_ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = (
    _ROOT / "docs" / "screenshots"
    if os.environ.get("TDKT_DOC_SCREENSHOTS") == "1"
    else _ROOT / "test-artifacts"
)
STORY = "Kiểm sát viên Đặng Văn Đức: giữ vững niềm tin của nhân dân"


def _shot(page, name: str, locator=None) -> None:
    path = str(SCREENSHOTS / f"{name}.png")
    if locator is None:
        page.screenshot(path=path, full_page=True)
    else:
        locator.screenshot(path=path)


def _the_other_provinces(org) -> None:
    """The 32 provinces from 1/7/2025 that the small test organisation lacks, named as in the
    demo, so that the map is drawn whole."""
    from tdkt.demo import geography
    from tdkt.org.models import REFORM_2025, UnitType
    from tdkt.org.services import unit_create

    titles = [geography.PROVINCES_BY_ABBR[abbr].title for abbr in geography.UNMERGED]
    titles += [f"{kind} {name}" for name, kind, _olds in geography.MERGERS]
    for index, title in enumerate(titles):
        if title.endswith(("Hà Nội", "Phú Thọ")):
            continue
        unit_create(
            code=f"T-MAP-{index:02d}", short_name=f"VKSND {title}",
            full_name=f"Viện kiểm sát nhân dân {title}", unit_type=UnitType.PROVINCIAL,
            parent=org.root, valid_from=REFORM_2025,
        )  # fmt: skip


def _an_award(people):
    from tdkt.awards.services import award_record
    from tdkt.catalog.models import AwardType

    return award_record(
        award_type=AwardType.objects.get(code="CSTD_NGANH"), year=2024, decision_number="88/QĐ",
        decision_date=dt.date(2024, 12, 20), person=people["duc"], reason="Thành tích năm 2024",
    )  # fmt: skip


def _register(page, base, people, award) -> None:
    page.goto(f"{base}/dien-hinh/")
    page.click("text=Ghi nhận điển hình")
    page.fill("#id_person_code", people["duc"].code)
    page.fill("#id_year", "2024")
    page.fill("#id_title", "Kiểm sát viên tiêu biểu trong thực hành quyền công tố")
    page.fill("#id_reason", "Hoàn thành xuất sắc nhiệm vụ, không để xảy ra oan sai.")
    page.select_option("#id_source_kind", "AWARD")
    page.fill("#id_public_summary", "Đồng chí Đặng Văn Đức là điển hình tiên tiến năm 2024.")
    page.click("form.card button[type=submit]")
    # The award list offers the subject's awards once the code is known.
    page.wait_for_selector(f"#id_source_award option[value='{award.pk}']", state="attached")
    page.select_option("#id_source_award", str(award.pk))
    page.click("form.card button[type=submit]")
    page.wait_for_selector("text=Đã ghi nhận điển hình tiên tiến.")


def _attach_story_and_adoption(page) -> None:
    page.click("summary:has-text('Thêm bài viết')")
    story = page.locator("form[action$='/bai-viet/']")
    story.locator("#id_title").fill(STORY)
    story.locator("#id_published_on").fill("2025-01-15")
    story.locator("#id_outlet").fill("Báo Bảo vệ pháp luật")
    story.locator("#id_link").fill("https://baovephapluat.vn/bai-viet/kiem-sat-vien-tieu-bieu")
    story.locator("button[type=submit]").click()
    page.wait_for_selector("text=Đã thêm bài viết.")
    page.click("summary:has-text('Ghi nhận đơn vị học tập, nhân rộng')")
    adoption = page.locator("form[action$='/nhan-rong/']")
    adoption.locator("#id_unit_code").fill("KV-PT-01")
    adoption.locator("#id_adopted_on").fill("2025-03-02")
    adoption.locator("#id_note").fill("Tổ chức học tập kinh nghiệm tại đơn vị")
    adoption.locator("button[type=submit]").click()
    page.wait_for_selector("text=Đã ghi nhận đơn vị học tập, nhân rộng.")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_officer_publishes_a_model_that_anyone_can_read_and_the_map_counts_it(
    browser_page, live_server, org, people, users
):
    from tdkt.reports.advanced import services
    from tdkt.reports.models import AdvancedModel

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    _the_other_provinces(org)
    award = _an_award(people)
    page, base = browser_page, live_server.url
    log_in(page, base, "nganh")

    _register(page, base, people, award)
    _attach_story_and_adoption(page)
    page.click("button:has-text('Công khai')")  # the confirmation is accepted
    page.wait_for_selector("text=Đã công khai điển hình.")
    assert page.locator(f"text={STORY}").count() == 1
    public_path = urlparse(page.locator("a[href*='/dien-hinh/cong-khai/']").get_attribute("href"))
    model = AdvancedModel.objects.get()
    assert model.source_award == award and model.published and model.province == org.hanoi

    # More units learned from it in the following years: the spread by year.
    for code, day in (("T-HN-P01", dt.date(2024, 6, 1)), ("KV-HN-01", dt.date(2025, 9, 1))):
        services.adoption_add(model=model, user=None, unit_code=code, adopted_on=day)
    page.reload()
    page.wait_for_function("() => window.spreadCharts && window.spreadCharts['spread-chart']")
    section = page.get_by_test_id("model-spread-section")
    assert section.locator("tr[data-year='2025'] td").all_inner_texts() == ["2", "3"]
    _shot(page, "advanced-model-spread", section)

    page.context.clear_cookies()
    page.goto(f"{base}{public_path.path}")
    page.wait_for_selector(f"text={STORY}")
    assert page.locator("#id_username").count() == 0
    assert "không để xảy ra oan sai" not in page.content()  # the internal reason stays inside
    _shot(page, "advanced-model-public")

    log_in(page, base, "nganh")
    page.goto(f"{base}/dien-hinh/")
    page.click("text=Bản đồ theo tỉnh, thành phố")
    tile = page.locator("[data-testid=province-map] [data-province='Hà Nội']")
    assert tile.locator(".count").inner_text() == "1"
    assert page.locator("[data-testid=province-map] .province-tile").count() == 34
    assert page.locator("[data-testid=province-map] a.province-tile.level-0").count() == 33
    _shot(page, "advanced-models-map")
    tile.click()
    page.wait_for_selector("text=Kiểm sát viên tiêu biểu trong thực hành quyền công tố")
    assert page.locator("table.table-hover tbody tr").count() == 1
    assert page.foreign_requests() == []
