"""Benchmark: time each statistics form 0601.N–0605.N for the whole sector.

    uv run --frozen python bench/official_forms.py [--requests 10] [--year 2025] [--user tdkt.nganh]

Uses the configured database (``TDKT_VAR_DIR`` or ``DATABASE_URL``); run ``demo_data`` first
(full scale for the figures in docs/official-forms.md). For each form it downloads the Excel file
through the page, as a browser would, and prints the median and 95th percentile of
``--requests`` downloads after a warm-up, the SQL queries of one download and the file size;
then the same for one merged province, to show the query count does not depend on the reach.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402  (sibling module of this script)

TARGET_SECONDS = 3.0


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--user", default=pages.DEFAULT_USER)
    parser.add_argument("--province", default="T25-PT", help="code of the province measured")
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    pages.setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from tdkt.accounts.models import User
    from tdkt.org.models import Unit
    from tdkt.people.models import Person
    from tdkt.reports.official_forms.layouts import FORMS

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    client.force_login(User.objects.get(username=args.user))
    root = Unit.objects.get(parent__isnull=True)
    province = Unit.objects.get(code=args.province)
    print(
        f"{connection.vendor}: {Person.objects.count()} persons, {Unit.objects.count()} units; "
        f"year {args.year}; {args.requests} downloads per form after {pages.WARM_UP} warm-up"
    )
    print(f"{'form':<8}{'scope':<28}{'median':>9}{'p95':>9}{'queries':>9}{'bytes':>9}")
    worst = 0.0
    for unit in (root, province):
        for code in FORMS:
            url = reverse("official_forms:index") + f"?form={code}&year={args.year}&unit={unit.pk}"
            result = pages.measure(client, url, args.requests)
            assert result["status"] == 200, (code, result["status"])
            worst = max(worst, result["p95"]) if unit == root else worst
            print(
                f"{code}.N   {unit.short_name[:26]:<28}{result['median'] * 1000:>7.0f}ms"
                f"{result['p95'] * 1000:>7.0f}ms{result['queries']:>9}{result['bytes']:>9}"
            )
    verdict = "met" if worst < TARGET_SECONDS else "NOT met"
    print(f"Slowest sector-wide p95: {worst:.2f} s (target {TARGET_SECONDS:.0f} s: {verdict})")


if __name__ == "__main__":
    main()
