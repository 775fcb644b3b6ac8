"""Generate the whole demo dataset: organisation, staff, ten years of facts, awards and unit
ratings, logins.

``generate`` is deterministic for a given seed and scale: every choice comes from one
``random.Random(seed)`` drawn in a fixed order (the unit ratings from a second generator seeded
from the same seed), never from database ids or set ordering. It must run inside a
transaction on a database without units (see ``demo_data``).
"""

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection

from tdkt.core.planner import refresh_planner_statistics
from tdkt.demo.accounts import create_demo_accounts
from tdkt.demo.advanced_models import write_advanced_models
from tdkt.demo.awards import plan_awards
from tdkt.demo.consultation import write_consultation
from tdkt.demo.council_demo import write_council
from tdkt.demo.decisions_flow import write_decisions_flow
from tdkt.demo.emulation import write_emulation
from tdkt.demo.facts import FactsBuilder
from tdkt.demo.initiative_reviews import write_initiative_reviews
from tdkt.demo.org_writer import write_events, write_units
from tdkt.demo.organisation import build_plan
from tdkt.demo.people import PeopleBuilder
from tdkt.demo.proposals import write_proposals
from tdkt.demo.scoring import write_scoring
from tdkt.demo.unit_ratings import write_unit_ratings
from tdkt.demo.writer import write_awards, write_facts, write_initiatives, write_people


@dataclass
class Report:
    """Counts of what was created and the seconds spent per phase (computing and writing)."""

    counts: dict[str, int] = field(default_factory=dict)
    phases: list[tuple[str, float]] = field(default_factory=list)
    writing_seconds: float = 0.0

    @property
    def total_seconds(self) -> float:
        return sum(seconds for _, seconds in self.phases)


class _Clock:
    def __init__(self, report: Report, say: Callable[[str], None]):
        self.report, self.say = report, say

    @contextmanager
    def phase(self, label: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        seconds = time.perf_counter() - start
        self.report.phases.append((label, seconds))
        self.say(f"  {label}: {seconds:.1f} giây")

    @contextmanager
    def writing(self) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.report.writing_seconds += time.perf_counter() - start


def generate(
    *, scale: float = 1.0, seed: int = 2026, say: Callable[[str], None] = lambda _: None
) -> Report:
    """Create the demo dataset and return what was created and how long each phase took."""
    rng = random.Random(seed)
    report = Report()
    clock = _Clock(report, say)
    with clock.phase("Tổ chức (đơn vị, sự kiện tổ chức lại)"):
        plan = build_plan(rng)
        with clock.writing():
            units = write_units(plan)
            report.counts["units"] = len(units)
            report.counts["events"] = write_events(plan, units)
    with clock.phase("Cán bộ và quá trình công tác"):
        people = PeopleBuilder(plan, rng, scale).build()
        with clock.writing():
            report.counts["persons"] = write_people(people, units)
    with clock.phase("Xếp loại, nghỉ, kỷ luật, tạm dừng (2016–2025)"):
        facts = FactsBuilder(rng).build(people)
    with clock.phase("Khen thưởng, sáng kiến, quyết định"):
        ledger = plan_awards(plan, people, facts, rng)
    with clock.phase("Ghi dữ kiện, khen thưởng và sáng kiến"), clock.writing():
        report.counts.update(write_facts(people, facts))
        report.counts["awards"] = write_awards(ledger, units)
        report.counts["initiatives"] = write_initiatives(ledger, units)
        report.counts["unit_ratings"] = write_unit_ratings(ledger, units, seed)
        report.counts["decisions"] = len(ledger.book)
    with clock.phase("Thi đua: cụm, khối, giao ước, phong trào, đăng ký"), clock.writing():
        report.counts.update(write_emulation(units, rng))
    with clock.phase("Chấm điểm, thẩm định, xếp hạng, bình xét"), clock.writing():
        report.counts.update(write_scoring(rng))
    with clock.phase("Đợt đề nghị, đề nghị khen thưởng và hồ sơ"), clock.writing():
        report.counts.update(write_proposals(rng))
        report.counts.update(write_consultation(rng))
    with clock.phase("Tài khoản mẫu"), clock.writing():
        report.counts["accounts_created"] += create_demo_accounts()
        report.counts.update(write_council(rng))
        report.counts.update(write_decisions_flow(rng))
        report.counts.update(write_initiative_reviews(rng))
    with clock.phase("Điển hình tiên tiến"), clock.writing():
        report.counts.update(write_advanced_models(rng))
    return report


def refresh_statistics() -> None:
    """Let the planner see the new tables' sizes at once (``core.planner``): SQLite otherwise
    plans from guesses, PostgreSQL from stale counts until autovacuum runs. Run after the
    generating transaction has committed; skipped inside an enclosing transaction (a test),
    whose rows no other connection sees and whose rollback would leave PostgreSQL's in-place
    row estimates behind for the tests that follow."""
    if connection.in_atomic_block:
        return
    refresh_planner_statistics()
