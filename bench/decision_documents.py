"""Benchmark: the Word list and the PDF list of a decision with 500 recipients.

    uv run --frozen python bench/decision_documents.py [--recipients 500] [--runs 7]

Works on a fresh SQLite database in a temporary directory (``TDKT_VAR_DIR``), or on
``DATABASE_URL`` when set (a throwaway database: the script adds a small organisation, a round
and its passed lines to it). It records one decision on ``--recipients`` passed lines through
the real service, then times ``--runs`` productions of the decision's Word file (template
filled with the attached list) and of its PDF, after one warm-up each, and prints the median
and the 95th percentile (and the median CPU time of the process, which a machine shared with
other work inflates less than the wall time). The floor, measured in the same run, is the same
two documents for a decision with one recipient. Target: under 5 s for the 500-recipient Word list.
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402  (sibling module of this script)

TARGET_SECONDS = 5.0


def _database() -> str:
    if os.environ.get("DATABASE_URL"):
        return "DATABASE_URL"
    var_dir = tempfile.mkdtemp(prefix="tdkt-bench-")
    os.environ["TDKT_VAR_DIR"] = var_dir
    return f"SQLite in {var_dir}"


def _decisions(recipients: int):
    """(decision with one recipient, decision with ``recipients``), recorded by the service."""
    from django.utils import timezone

    from tdkt.accounts.models import Role
    from tdkt.awards.decisions import DecisionData, decision_record
    from tdkt.catalog.models import AwardType
    from tdkt.people.models import Assignment, Person, Position
    from tdkt.proposals.models import (
        AppraisalAction,
        LineAppraisal,
        LineStatus,
        Proposal,
        ProposalLine,
        ProposalStatus,
    )
    from tdkt.proposals.services.rounds import RoundInput, round_create
    from tdkt.testing import build_org, make_user

    org = build_org()
    officer = make_user("bench.nganh", (Role.SECTOR_OFFICER, org.root))
    today = timezone.localdate()
    year = today.year
    codes = list(AwardType.objects.filter(code__in=["LDTT", "CSTDCS"]))
    round_ = round_create(
        data=RoundInput(
            name=f"Tổng kết năm {year}",
            kind="HANG_NAM",
            year=year,
            submission_deadline=today - dt.timedelta(days=30),
            appraisal_deadline=today - dt.timedelta(days=10),
            award_types=codes,
        ),
        user=officer,
    )
    units = [org.hanoi, org.hanoi_division, org.area_hanoi_1, org.phu_tho, org.area_phu_tho_1]
    people = []
    for index in range(recipients + 1):
        unit = units[index % len(units)]
        person = Person(
            code=f"B{index:06d}",
            full_name=f"Nguyễn Văn Thử {index:03d}",
            gender="M",
            date_of_birth=dt.date(1980 + index % 20, 1 + index % 12, 1 + index % 28),
            recruitment_date=dt.date(2008, 9, 1),
            position=Position.KIEM_SAT_VIEN,
            unit=unit,
        )
        person.refresh_derived()
        people.append(person)
    Person.objects.bulk_create(people)
    Assignment.objects.bulk_create(
        Assignment(
            person=p,
            unit=p.unit,
            position=p.position,
            start=max(p.recruitment_date, p.unit.valid_from),
        )
        for p in people
    )
    proposals = {
        unit.pk: Proposal.objects.create(round=round_, unit=unit, status=ProposalStatus.SUBMITTED)
        for unit in units
    }
    lines = ProposalLine.objects.bulk_create(
        ProposalLine(
            proposal=proposals[p.unit_id],
            person=p,
            award_type=codes[index % 2],
            year=year,
            status=LineStatus.PASSED,
            achievement="Hoàn thành xuất sắc nhiệm vụ được giao.",
        )
        for index, p in enumerate(people)
    )
    LineAppraisal.objects.bulk_create(
        LineAppraisal(line=line, action=AppraisalAction.PASSED) for line in lines
    )

    def record(number, chosen):
        data = DecisionData(number=number, signed_on=today, signer="Nguyễn Huy Tiến",
                            signer_title="Viện trưởng")  # fmt: skip
        return decision_record(round_=round_, lines=chosen, data=data, user=officer)

    started = time.perf_counter()
    large = record("500/QĐ-VKSTC", lines[1:])
    print(
        f"Recording the decision of {recipients} recipients: {time.perf_counter() - started:.2f} s"
    )
    return record("1/QĐ-VKSTC", lines[:1]), large


def _time(build, runs: int) -> dict:
    build()  # warm-up: templates, fonts
    timings, cpu, size = [], [], 0
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        size = len(build())
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return {
        "median": statistics.median(timings),
        "p95": pages.percentile(timings, 0.95),
        "cpu": statistics.median(cpu),
        "size": size,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    where = _database()
    pages.setup_django()
    from django.core.management import call_command
    from django.db import connection

    from tdkt.awards.decision_documents import decision_docx, decision_pdf

    print(f"Database: {where} ({connection.vendor})")
    call_command("migrate", verbosity=0, interactive=False)
    small, large = _decisions(arguments.recipients)
    print(f"{arguments.runs} runs after one warm-up; median / p95:")
    for label, build in (("Word", decision_docx), ("PDF", decision_pdf)):
        floor = _time(lambda build=build: build(small), arguments.runs)
        result = _time(lambda build=build: build(large), arguments.runs)
        verdict = "under" if result["p95"] < TARGET_SECONDS else "OVER"
        print(
            f"  {label} list, {arguments.recipients} recipients: {result['median']:.2f} s / "
            f"{result['p95']:.2f} s ({result['size'] // 1024} KiB), {verdict} the "
            f"{TARGET_SECONDS:g} s target (CPU {result['cpu']:.2f} s); floor (1 recipient) "
            f"{floor['median']:.2f} s / {floor['p95']:.2f} s, "
            f"{result['median'] / floor['median']:.1f}× floor"
        )


if __name__ == "__main__":
    main()
