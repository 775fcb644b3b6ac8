"""Benchmark: the certificates PDF of a decision with 500 recipients (target: under 20 s).

    uv run --frozen python bench/certificates.py [--recipients 500] [--runs 3]

Builds a throwaway database in a temporary directory (the small test organisation, the
recipients spread over its units, one decision of the sector granting each a BK_NGANH
certificate of merit), then times over ``--runs`` runs, printing the median and the 95th
percentile of each:

- ``job``: the whole background job as the worker runs it (``certificate_job_run``: load the
  awards, give serials on the first run, lay the pages out in batches with progress writes,
  join them, store the file);
- ``single pass``: the same pages laid out in one WeasyPrint pass, without batches or
  progress (what the job would cost without reporting progress);
- ``floor``: a plain WeasyPrint document of as many A3 pages, one line of text each in the
  bundled font, no positioning and no QR code: what any PDF of that many pages costs here.

The ratio job / floor says what the positioned fields, the QR codes and the batching add.
The first job run also gives the serials; later runs reuse them, as a reprint does.
"""

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(var_dir: str) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ["TDKT_VAR_DIR"] = var_dir
    os.environ["TDKT_MEDIA_ROOT"] = str(Path(var_dir) / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def build(recipients: int):
    """The organisation, the officer and a decision granting ``recipients`` persons."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from tdkt.accounts.models import Role
    from tdkt.awards.models import Award, Decision
    from tdkt.catalog.models import AwardType
    from tdkt.testing import build_org, make_person, make_user

    org = build_org()
    user = make_user("bench.nganh", (Role.SECTOR_OFFICER, org.root))
    units = [org.hanoi, org.hanoi_division, org.area_hanoi_1, org.phu_tho, org.area_phu_tho_1]
    import datetime as dt

    decision = Decision.objects.create(
        number="500/QĐ-VKSTC",
        signed_on=dt.date(2025, 12, 15),
        signer="Nguyễn Văn Ký",
        signer_title="Viện trưởng",
        authority="Viện trưởng VKSND tối cao",
        issuer_unit=org.root,
    )
    code = AwardType.objects.get(code="BK_NGANH")
    awards = []
    for i in range(recipients):
        unit = units[i % len(units)]
        person = make_person(unit, f"Nguyễn Thị Thử Nghiệm {i:03d}", gender="MF"[i % 2])
        awards.append(
            Award(
                award_type=code,
                person=person,
                year=2025,
                decision_number=decision.number,
                decision_date=decision.signed_on,
                signer=decision.signer,
                authority=decision.authority,
                decision=decision,
                holder_unit=unit,
            )
        )
    Award.objects.bulk_create(awards)
    return user, decision


def time_job(user, decision) -> tuple[float, float]:
    """Wall and CPU seconds of one whole job."""
    from tdkt.documents.certificates import services

    started, cpu = time.perf_counter(), time.process_time()
    job = services.certificate_job_start(decision=decision, user=user)
    job = services.certificate_job_run(job_id=job.pk)
    elapsed = time.perf_counter() - started, time.process_time() - cpu
    assert job.status == "SUCCEEDED", job.error
    return elapsed


def time_single_pass(decision) -> tuple[float, float]:
    from tdkt.documents.certificates import selectors, services
    from tdkt.documents.certificates.rendering import page_for, render_certificates

    started, cpu = time.perf_counter(), time.process_time()
    awards = list(selectors.decision_awards(decision))
    forms = services.forms_by_code()
    pages = [page_for(a, a.certificate, services.form_for(a, forms)) for a in awards]
    render_certificates(pages)
    return time.perf_counter() - started, time.process_time() - cpu


def time_floor(pages: int) -> tuple[float, float]:
    from weasyprint import HTML

    from tdkt.documents.pdf import font_faces

    body = "".join(
        f'<section style="break-after: page">Nguyễn Thị Thử Nghiệm {i:03d}</section>'
        for i in range(pages)
    )
    html = (
        f"<html><head><style>{font_faces()} @page {{ size: 420mm 297mm; margin: 0 }} "
        f'body {{ font-family: "Tinos"; font-size: 20pt }}</style></head><body>{body}</body></html>'
    )
    started, cpu = time.perf_counter(), time.process_time()
    HTML(string=html).write_pdf()
    return time.perf_counter() - started, time.process_time() - cpu


def report(name: str, values: list[tuple[float, float]]) -> float:
    """Print the median and p95 of the wall times, and the median CPU time (the wall time on
    a shared machine depends on what else runs; the CPU time much less)."""
    walls = [wall for wall, _cpu in values]
    cpu = statistics.median(cpu for _wall, cpu in values)
    median = statistics.median(walls)
    print(
        f"{name:<12} median {median:6.2f} s   p95 {percentile(walls, 0.95):6.2f} s   "
        f"CPU median {cpu:6.2f} s"
    )
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-certificates-") as var_dir:
        setup_django(var_dir)
        started = time.perf_counter()
        user, decision = build(arguments.recipients)
        print(f"{arguments.recipients} recipients built in {time.perf_counter() - started:.1f} s")
        jobs, singles, floors = [], [], []
        time_floor(5)  # load WeasyPrint and the fonts once, outside the timings
        for _ in range(arguments.runs):
            jobs.append(time_job(user, decision))
            singles.append(time_single_pass(decision))
            floors.append(time_floor(arguments.recipients))
        job = report("job", jobs)
        report("single pass", singles)
        floor = report("floor", floors)
        print(f"ratio job / floor (medians): {job / floor:.2f}")
        print("target: job under 20 s")


if __name__ == "__main__":
    main()
