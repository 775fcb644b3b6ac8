"""Benchmark: time the people pages on the database as it is (no data is created).

    uv run --frozen python bench/pages.py [--requests 30] [--user tdkt.nganh]

Uses the configured database (``TDKT_VAR_DIR`` or ``DATABASE_URL``); run ``demo_data`` first.
For each page it prints the median and 95th percentile of ``--requests`` GETs after a warm-up,
the number of SQL queries of one request, the size of the answer, and the ratio of the median
to a floor: the login page requested anonymously in the same run. Pages whose route does not
exist yet are reported as skipped. ``bench/demo_generation.py`` calls ``benchmark_pages``.
"""

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 3
DEFAULT_USER = "tdkt.nganh"


def setup_django() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` 0.95 → p95)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def measure(client, url: str, requests: int) -> dict:
    """Warm up, count the queries of one request, then time ``requests`` more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries.captured_queries)  # read now: later requests reset the log
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append(time.perf_counter() - started)
    return {
        "status": response.status_code,
        "queries": query_count,
        "median": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "bytes": len(response.content),
    }


def pages() -> list[tuple[str, str | None]]:
    """(label, URL) of the pages measured; URL None when the route does not exist yet."""
    from django.urls import NoReverseMatch, reverse

    from tdkt.people.models import Person

    def url(name: str, query: str = "", **kwargs) -> str | None:
        try:
            return reverse(name, kwargs=kwargs or None) + query
        except NoReverseMatch:
            return None

    duc = Person.objects.filter(full_name="Đặng Văn Đức").values_list("pk", flat=True).first()
    return [
        ("people list", url("people:list")),
        ("people list, q=dang van duc", url("people:list", "?q=dang+van+duc")),
        ("person page of Đặng Văn Đức", url("people:detail", pk=duc) if duc else None),
        ("home dashboard", url("web:home")),
        ("unit tree today", url("org:tree")),
        ("unit tree search, q=phu tho", url("org:tree", "?q=phu+tho")),
        ("API people list", "/api/v1/people"),
    ]


def _line(label: str, result: dict, floor: float | None = None) -> str:
    text = (
        f"{label}: HTTP {result['status']}, median {result['median'] * 1000:.1f} ms,"
        f" p95 {result['p95'] * 1000:.1f} ms, {result['queries']} queries,"
        f" {result['bytes'] // 1024} KiB"
    )
    if floor:
        text += f", {result['median'] / floor:.1f}× floor"
    return text


def benchmark_pages(requests: int = 30, username: str = DEFAULT_USER) -> dict[str, dict]:
    """Time the floor and the people pages; print one line each and return the figures."""
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from tdkt.accounts.models import User

    setup_test_environment()
    results = {"floor": measure(Client(), reverse("login"), requests)}
    floor = results["floor"]["median"]
    print(_line("Floor (login page, anonymous)", results["floor"]))
    user = User.objects.filter(username=username).first()
    if user is None:
        print(f"No user {username}: run manage.py demo_data first.")
        return results
    client = Client()
    client.force_login(user)
    print(f"As {username}, {requests} requests per page after {WARM_UP} warm-up:")
    for label, url in pages():
        if url is None:
            print(f"  {label}: skipped, the route does not exist yet")
            continue
        results[label] = measure(client, url, requests)
        print("  " + _line(f"{label} [{url}]", results[label], floor))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--user", default=DEFAULT_USER)
    arguments = parser.parse_args()
    setup_django()
    benchmark_pages(arguments.requests, arguments.user)


if __name__ == "__main__":
    main()
