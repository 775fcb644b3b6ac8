"""Benchmark: the statistics pages and the leader dashboard on the database as it is.

    uv run --frozen python bench/statistics_pages.py [--requests 10] [--user tdkt.nganh]
                                               [--small-user tdkt.hanoi] [--year 2025]

Uses the configured database (``TDKT_VAR_DIR`` or ``DATABASE_URL``, so PostgreSQL too); run
``demo_data`` first (full scale: 16,000 persons, ten years). With the Django test client, as
``--user`` (default the sector officer, who reaches the whole sector), it prints the median and
the 95th percentile over ``--requests`` GETs after a warm-up, and the SQL queries of one
request, for: the statistics page for one year, the same for ten years, its Excel export for
ten years, a drill-down list (ten years of one code), the leader dashboard (its default year
and a chosen one), the statistics and dashboard API, a person's record, the record of a
province without predecessors (Hà Nội) and of a merged one (Phú Thọ, which succeeded the
former Phú Thọ, Vĩnh Phúc and Hòa Bình on 1/7/2025, so its record reads four units' years).
The same pages as ``--small-user`` (one province) must run the same number of queries: the
count does not grow with the rows. The target is 500 ms per page, for the median and for the
95th percentile: a page is "ok" only when both are within it.
"""

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pages  # noqa: E402  (sibling module of this script)

TARGET_MS = 500


def urls(year: int) -> list[tuple[str, str]]:
    from django.urls import reverse

    from tdkt.org.models import Unit
    from tdkt.people.models import Person

    duc = Person.objects.filter(full_name="Đặng Văn Đức").values_list("pk", flat=True).first()
    hanoi = Unit.objects.filter(code="T-HN").values_list("pk", flat=True).first()
    phu_tho = Unit.objects.filter(code="T25-PT").values_list("pk", flat=True).first()

    index = reverse("statistics:index")
    ten = f"year_from={year - 9}&year_to={year}"
    return [
        (f"statistics page, {year}", f"{index}?year_from={year}&year_to={year}"),
        (f"statistics page, {year - 9}–{year}", f"{index}?{ten}"),
        (f"statistics Excel, {year - 9}–{year}", f"{index}?{ten}&format=xlsx"),
        (f"drill-down: LĐTT {year - 9}–{year}", f"{reverse('statistics:awards')}?{ten}&code=LDTT"),
        ("leader dashboard", reverse("statistics:dashboard")),
        (f"leader dashboard, {year - 1}", f"{reverse('statistics:dashboard')}?nam={year - 1}"),
        (f"API statistics, {year - 9}–{year}", f"/api/v1/statistics/?{ten}"),
        ("API dashboard", "/api/v1/statistics/dashboard"),
        ("record of a person (Đặng Văn Đức)", reverse("reports:person-record", args=[duc])),
        ("record of a province (Hà Nội)", reverse("reports:unit-record", args=[hanoi])),
        ("record of a merged province (Phú Thọ)", reverse("reports:unit-record", args=[phu_tho])),
    ]


def verdict(result: dict) -> str:
    """ "ok" when the page answered and its median and 95th percentile are both within the
    target; otherwise which of them is over, or that the page is out of the user's reach."""
    if result["status"] != 200:
        return f"HTTP {result['status']}: not timed (out of this user's reach?)"
    over = [name for name in ("median", "p95") if result[name] * 1000 > TARGET_MS]
    return "ok" if not over else f"{' and '.join(over)} over {TARGET_MS} ms"


def measure(client, url: str, requests: int) -> dict:
    """``pages.measure`` plus the median CPU time of this process per request: SQLite runs
    in-process, so on a loaded shared machine the CPU time says what the page costs and the
    wall time what it cost today."""
    result = pages.measure(client, url, 1)
    walls, cpus = [], []
    for _ in range(requests):
        wall, cpu = time.perf_counter(), time.process_time()
        client.get(url)
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    result.update(
        median=statistics.median(walls),
        p95=pages.percentile(walls, 0.95),
        cpu=statistics.median(cpus),
    )
    return result


def run(username: str, requests: int, year: int) -> dict[str, dict]:
    from django.test import Client

    from tdkt.accounts.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        print(f"No user {username}: run manage.py demo_data first.")
        return {}
    client = Client()
    client.force_login(user)
    print(f"As {username}, {requests} requests per page after {pages.WARM_UP} warm-up:")
    results = {}
    for label, url in urls(year):
        result = measure(client, url, requests)
        results[label] = result
        print(
            f"  {pages._line(f'{label} [{url}]', result)}, CPU {result['cpu'] * 1000:.0f} ms"
            f" – {verdict(result)}"
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--user", default="tdkt.nganh")
    parser.add_argument("--small-user", default="tdkt.hanoi")
    parser.add_argument("--year", type=int, default=2025)
    arguments = parser.parse_args()
    pages.setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # a 404 out of reach is told
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    print(f"Database: {connection.vendor}")
    large = run(arguments.user, arguments.requests, arguments.year)
    small = run(arguments.small_user, max(3, arguments.requests // 3), arguments.year)
    for label, result in large.items():
        if small.get(label, {}).get("status") != 200:
            continue
        if small[label]["queries"] != result["queries"]:
            print(f"  queries differ for {label}: {result['queries']} vs {small[label]['queries']}")


if __name__ == "__main__":
    main()
