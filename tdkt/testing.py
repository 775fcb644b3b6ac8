"""Builders for tests: a small organisation with a 2025 merger, persons and users with roles.

Shared by the test suites of every app; nothing here runs in production.
"""

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tdkt.accounts.models import Role, RoleAssignment, User
from tdkt.org.models import REFORM_2025, EventKind, Unit, UnitType
from tdkt.org.services import restructuring_record, unit_create
from tdkt.people.models import Assignment, Person, Position

BEFORE_REFORM = REFORM_2025 - dt.timedelta(days=1)
PASSWORD = "Test@12345"


@dataclass
class SmallOrg:
    root: Unit
    office: Unit
    hanoi: Unit
    hanoi_division: Unit
    ba_dinh: Unit
    area_hanoi_1: Unit
    vinh_phuc: Unit
    hoa_binh: Unit
    hoa_binh_district: Unit
    phu_tho: Unit
    area_phu_tho_1: Unit


def build_org() -> SmallOrg:
    """Root → office, Hà Nội (unmerged) and Phú Thọ (merged on 1/7/2025 from Vĩnh Phúc and
    Hòa Bình); districts end on 30/6/2025 and areas take over."""
    start = dt.date(2015, 1, 1)

    def make(code, name, unit_type, parent, valid_from=start, valid_to=None):
        return unit_create(
            code=code,
            short_name=name,
            full_name=name,
            unit_type=unit_type,
            parent=parent,
            valid_from=valid_from,
            valid_to=valid_to,
        )

    root = make("VKSNDTC", "VKSND tối cao", UnitType.SUPREME, None)
    office = make("VKSNDTC-VP", "Văn phòng VKSND tối cao", UnitType.SUPREME_UNIT, root)
    hanoi = make("T-HN", "VKSND thành phố Hà Nội", UnitType.PROVINCIAL, root)
    hanoi_division = make("T-HN-P01", "Phòng 1 – Hà Nội", UnitType.DIVISION, hanoi)
    ba_dinh = make(
        "H-HN-BADINH", "VKSND quận Ba Đình", UnitType.DISTRICT, hanoi, valid_to=BEFORE_REFORM
    )
    area_hanoi_1 = make(
        "KV-HN-01", "VKSND khu vực 1 – Hà Nội", UnitType.AREA, hanoi, valid_from=REFORM_2025
    )
    vinh_phuc = make(
        "T-VP", "VKSND tỉnh Vĩnh Phúc", UnitType.PROVINCIAL, root, valid_to=BEFORE_REFORM
    )
    hoa_binh = make(
        "T-HB", "VKSND tỉnh Hòa Bình", UnitType.PROVINCIAL, root, valid_to=BEFORE_REFORM
    )
    hoa_binh_district = make(
        "H-HB-LACSON", "VKSND huyện Lạc Sơn", UnitType.DISTRICT, hoa_binh, valid_to=BEFORE_REFORM
    )
    phu_tho = make("T-PT2025", "VKSND tỉnh Phú Thọ", UnitType.PROVINCIAL, root, REFORM_2025)
    area_phu_tho_1 = make(
        "KV-PT-01", "VKSND khu vực 1 – Phú Thọ", UnitType.AREA, phu_tho, REFORM_2025
    )
    restructuring_record(
        kind=EventKind.MERGE,
        date=REFORM_2025,
        predecessors=[vinh_phuc, hoa_binh],
        successors=[phu_tho],
    )
    restructuring_record(
        kind=EventKind.REORGANISE,
        date=REFORM_2025,
        predecessors=[ba_dinh],
        successors=[area_hanoi_1],
    )
    restructuring_record(
        kind=EventKind.REORGANISE,
        date=REFORM_2025,
        predecessors=[hoa_binh_district],
        successors=[area_phu_tho_1],
    )
    return SmallOrg(
        root, office, hanoi, hanoi_division, ba_dinh, area_hanoi_1,
        vinh_phuc, hoa_binh, hoa_binh_district, phu_tho, area_phu_tho_1,
    )  # fmt: skip


_counter = iter(range(1, 10_000_000))


def make_person(unit: Unit, full_name: str = "Nguyễn Văn An", **fields) -> Person:
    """A person currently assigned to ``unit`` (with one open assignment)."""
    number = next(_counter)
    values = {
        "code": f"T{number:06d}",
        "full_name": full_name,
        "gender": "M",
        "date_of_birth": dt.date(1985, 3, 1),
        "recruitment_date": dt.date(2010, 9, 1),
        "position": Position.KIEM_SAT_VIEN,
        "unit": unit,
        **fields,
    }
    person = Person(**values)
    person.refresh_derived()
    person.save()
    Assignment.objects.create(
        person=person,
        unit=unit,
        position=person.position or Position.CHUYEN_VIEN,
        start=max(person.recruitment_date, unit.valid_from),
    )
    return person


def make_user(username: str, *roles: tuple[str, Unit], person: Person | None = None) -> User:
    """A user holding the given (role, unit) pairs."""
    user = User.objects.create_user(username=username, password=PASSWORD, person=person)
    for role, unit in roles:
        RoleAssignment.objects.create(user=user, role=role, unit=unit)
    return user


__all__ = ["Role", "SmallOrg", "build_org", "make_person", "make_user", "PASSWORD"]


CHROMIUM = os.environ.get("TDKT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""The flags this closed network needs (see the architecture's machine notes)."""
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"Chromium is not installed at {CHROMIUM} (CI installs Debian's chromium)",
    ),
]
"""``pytestmark`` of every browser test module: marked, and skipped without Chromium."""


def assert_fonts_embedded(content: bytes, family: str = "Tinos") -> list[str]:
    """Assert that the PDF ``content`` uses fonts of ``family`` and embeds every font it uses
    (``pdffonts`` from poppler-utils lists each font with its *emb* column), so the document
    prints the same on a machine without the font. Returns the font names."""
    import subprocess

    listing = subprocess.run(
        ["pdffonts", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows, "the PDF uses no font"
    names = [row[0] for row in rows]
    # columns from the right: emb sub uni object-number generation
    not_embedded = [row[0] for row in rows if row[-5] != "yes"]
    assert not not_embedded, f"fonts not embedded: {not_embedded}"
    assert all(family in name for name in names), f"fonts other than {family}: {names}"
    return names


def log_in(page, base: str, username: str) -> None:
    """In a browser test: end the page's session, log in as ``username`` (password
    ``PASSWORD``) through the login page, and wait until the page it leads to has loaded."""
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)
    page.wait_for_load_state("networkidle")


def open_menu(page, group: str, item: str) -> None:
    """Open the top menu's dropdown ``group`` and follow its entry ``item``, as a user does."""
    page.click(f"nav .dropdown-toggle:has-text('{group}')")
    page.click(f"nav .dropdown-menu.show a:has-text('{item}')")


class SerialisedApp:
    """A WSGI application that lets one request at a time through ``app``.

    The live server answers each connection in its own thread. When the test database is
    in-memory SQLite, all those threads share the test's single connection, whose transaction
    state (``atomic`` blocks, savepoints) is not thread-safe: two overlapping requests (a page
    and an htmx fragment it loads, or a fragment still running when the browser moves on) can
    interleave their transactions, and one's rollback can undo the other's writes, e.g. a
    freshly created session, which then shows up as an unexpected login page. Letting requests
    through one by one gives each the connection to itself, as a real server's own connection
    per request would. (The test's own thread is not held back: it should query the database
    only once the page it waits for has loaded.)

    The lock is held until the response body has been produced (a streamed body may still
    query the database) and released when it is exhausted or closed, whichever comes first, so
    a client that goes away mid-response never leaves it held. A request that waits longer
    than ``WAIT_SECONDS`` fails with a clear error instead of hanging the suite.
    """

    WAIT_SECONDS = 120

    def __init__(self, app):
        import threading

        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if not self.lock.acquire(timeout=self.WAIT_SECONDS):
            raise RuntimeError(
                f"live server: a request waited {self.WAIT_SECONDS} s for the previous one"
            )
        release = _Once(self.lock.release)
        try:
            body = self.app(environ, start_response)
        except BaseException:
            release()
            raise
        return _ReleasingBody(body, release)


class _Once:
    """Calls ``function`` the first time it is called, never again."""

    def __init__(self, function):
        import threading

        self.function = function
        self.guard = threading.Lock()
        self.done = False

    def __call__(self):
        with self.guard:
            if self.done:
                return
            self.done = True
        self.function()


class _ReleasingBody:
    """A response body that releases the lock once exhausted or closed."""

    def __init__(self, body, release):
        self.body = body
        self.release = release

    def __iter__(self):
        try:
            yield from self.body
        finally:
            self.release()

    def close(self):
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            self.release()


def serialise_live_server(live_server) -> None:
    """Make ``live_server`` answer one request at a time when it shares an in-memory SQLite
    connection with the test (a no-op on PostgreSQL, where each thread has its own)."""
    thread = live_server.thread
    if not thread.connections_override:
        return
    app = thread.httpd.get_app()
    if not isinstance(app, SerialisedApp):
        thread.httpd.set_app(SerialisedApp(app))
