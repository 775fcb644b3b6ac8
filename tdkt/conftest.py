"""Fixtures shared by every app's tests."""

from urllib.parse import urlparse

import pytest

from tdkt.accounts.models import Role
from tdkt.testing import (
    CHROMIUM,
    CHROMIUM_ARGS,
    build_org,
    make_person,
    make_user,
    serialise_live_server,
)


@pytest.fixture
def org(db):
    return build_org()


@pytest.fixture
def people(org):
    """A few persons: two in Hà Nội, one in Phú Thọ, one who left Hòa Bình before the merger."""
    import datetime as dt

    return {
        "duc": make_person(org.hanoi, "Đặng Văn Đức"),
        "hanoi_division": make_person(org.hanoi_division, "Trần Thị Bình", gender="F"),
        "phu_tho": make_person(org.area_phu_tho_1, "Lê Văn Cường"),
        "hoa_binh_left": make_person(
            org.hoa_binh_district, "Phạm Thị Dung", gender="F", leaving_date=dt.date(2024, 5, 1)
        ),
    }


@pytest.fixture
def users(org, people):
    """One user per situation of the permission matrix."""
    return {
        "no_role": make_user("khongvaitro"),
        "sector": make_user("nganh", (Role.SECTOR_OFFICER, org.root)),
        "hanoi_officer": make_user("tdkt.hanoi", (Role.UNIT_OFFICER, org.hanoi)),
        "phu_tho_officer": make_user("tdkt.phutho", (Role.UNIT_OFFICER, org.phu_tho)),
        "hanoi_leader": make_user("lanhdao.hanoi", (Role.LEADER, org.hanoi)),
        "staff_duc": make_user("canbo.duc", (Role.STAFF, org.hanoi), person=people["duc"]),
    }


@pytest.fixture
def browser_page(live_server, tmp_path, monkeypatch, settings):
    """A Chromium page (1366×900, Vietnamese locale) on a fresh profile, uploads stored under
    ``tmp_path``, confirmation dialogs accepted. ``page.foreign_requests()`` lists the requests
    that left the machine (there must be none)."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls that follow are
    # still synchronous, so Django's async-safety guard is lifted for the test only.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.MEDIA_ROOT = tmp_path / "media"
    serialise_live_server(live_server)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            locale="vi-VN",
            viewport={"width": 1366, "height": 900},
        )
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.accept())
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.foreign_requests = lambda: [
            url
            for url in requests
            if urlparse(url).hostname not in ("127.0.0.1", "localhost")
            and not url.startswith(("data:", "blob:", "about:"))
        ]
        yield page
        context.close()
