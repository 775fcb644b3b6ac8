"""Benchmark: generate the demo dataset, then time the people pages on it.

    uv run --frozen python bench/demo_generation.py [--scale 1] [--seed 2026] [--requests 30]

Without ``DATABASE_URL`` the script works on a fresh SQLite database in a temporary directory
(``TDKT_VAR_DIR``); with ``DATABASE_URL`` (e.g. a throwaway PostgreSQL) it uses that database,
deleting its domain data first if there is any. It prints the time of migration, of computing
and of loading the dataset into the database, then the page figures of ``bench/pages.py``.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402  (sibling module of this script)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--requests", type=int, default=30)
    return parser.parse_args()


def _database() -> str:
    """Choose the database before Django reads its settings; describe it."""
    if os.environ.get("DATABASE_URL"):
        return "DATABASE_URL"
    var_dir = tempfile.mkdtemp(prefix="tdkt-bench-")
    os.environ["TDKT_VAR_DIR"] = var_dir
    return f"SQLite in {var_dir}"


def _generate(scale: float, seed: int) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction

    from tdkt.demo.flush import flush_domain_data
    from tdkt.demo.generator import generate, refresh_statistics
    from tdkt.org.models import Unit

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"Migrate ({connection.vendor}): {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    with transaction.atomic():
        if Unit.objects.exists():
            flush_domain_data()
        report = generate(scale=scale, seed=seed, say=print)
    elapsed = time.perf_counter() - started
    refresh_statistics()
    computing = report.total_seconds - report.writing_seconds
    print(
        f"Generation at scale {scale:g}: {elapsed:.1f} s with the commit —"
        f" computing {computing:.1f} s, loading into the database {report.writing_seconds:.1f} s"
    )
    print("Rows: " + ", ".join(f"{key} {value}" for key, value in report.counts.items()))


def main() -> None:
    arguments = _arguments()
    where = _database()
    pages.setup_django()
    print(f"Database: {where}")
    _generate(arguments.scale, arguments.seed)
    print()
    pages.benchmark_pages(arguments.requests)


if __name__ == "__main__":
    main()
