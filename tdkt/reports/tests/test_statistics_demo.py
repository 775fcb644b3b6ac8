"""The statistics and the leader dashboard on the demo data: given the generated register (the
demo at scale 0.01, as the official forms' demo test builds it), when the figures are computed
for the sector (ten years, one year), for a merged province chosen as the unit (its
predecessors' years included), for a province's own officer and for Hà Nội's, then every cell
of every table, its total row and the summary equal a value computed here from plain rows
(``values()`` of each model, read whole; no filtering, grouping or counting in the database and
none of the statistics module's helpers), following the rules of docs/statistics.md:

- awards count by year of achievement, for the unit holding them at the decision, and revoked
  awards never count (the summary says how many were left out);
- a user reaches the subtrees of the units they hold a role at and of the units those
  succeeded; a chosen unit adds its predecessors' subtrees;
- the province of an award is the unit right under the root on its holder's chain of parents;
- a registration is achieved when its subject holds, that year, a standing merit title at least
  as high in the same chain;
- proposal lines count by their round's year and the proposing unit; turnaround times are
  working days (weekends and the calendar's holidays left out).

The demo records no award money, so the fixture prices one award in seven first (and one of
them is revoked, which must not count)."""

import datetime as dt
import io
import statistics as pystats
from collections import Counter, defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from tdkt.accounts.models import RoleAssignment, User
from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType, CommendationKind
from tdkt.core.models import PublicHoliday
from tdkt.demo.accounts import DEMO_USERNAMES
from tdkt.demo.flush import flush_domain_data
from tdkt.emulation.models import RegisteredCollective, RegisteredPerson
from tdkt.org.models import RestructuringEvent, Unit
from tdkt.people.models import Person
from tdkt.proposals.models import LineAppraisal, Proposal, ProposalLine, ProposalRound
from tdkt.reports.dashboard import dashboard_for
from tdkt.reports.statistics.figures import statistics_for
from tdkt.reports.statistics.scope import statistics_scope

TODAY = dt.date(2026, 11, 22)
LEVEL_OF_STATE = 2
"""The catalog's levels 2 (Prime Minister) and 3 (President) are both "state" (cấp Nhà nước)."""
KINDS = list(CommendationKind.values)
"""The order the table lists the kinds in: the catalog's."""
GENDERS = ["M", "F"]
PERSON_CHAIN = ["LDTT", "CSTDCS", "CSTD_NGANH", "CSTD_TQ"]
COLLECTIVE_CHAIN = ["TTLDTT", "TTLDXS", "CO_NGANH", "CO_CP"]
STATUSES = ["DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED", "REJECTED", "PASSED", "NOT_PASSED",
            "TRANSMITTED", "AWARDED", "NOT_AWARDED", "REVOKED"]  # fmt: skip
AFTER_ACCEPTANCE = {"ACCEPTED", "PASSED", "NOT_PASSED", "TRANSMITTED", "AWARDED", "NOT_AWARDED",
                    "REVOKED"}  # fmt: skip
ROUND_COLUMNS = [{"DRAFT"}, {"SUBMITTED"}, {"RETURNED"}, {"REJECTED"}, AFTER_ACCEPTANCE,
                 {"AWARDED"}]  # fmt: skip
STEPS = ["ACCEPTED", "RETURNED", "REJECTED", "RESUBMITTED", "PASSED", "NOT_PASSED"]
DECISIONS = {"ACCEPTED", "RETURNED", "REJECTED"}
COUNCIL = {"PASSED", "NOT_PASSED"}
DASHBOARD_CODES = ["LDTT", "CSTDCS", "CSTD_NGANH", "BK_NGANH", "TTLDTT", "TTLDXS", "CO_NGANH",
                   "KNC_VSNKS"]  # fmt: skip
ANNUAL_TITLES = {"LDTT", "CSTDCS", "TTLDTT", "TTLDXS"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    original = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock():
        call_command("demo_data", scale=0.01, seed=5, stdout=io.StringIO())
        _price_some_awards()
        yield
        with transaction.atomic():
            flush_domain_data()
            User.objects.filter(username__in=DEMO_USERNAMES).delete()
    settings.MEDIA_ROOT = original


def _price_some_awards() -> None:
    """One award in seven gets an amount (500,000 to 1,400,000 đồng), and one revoked award
    too (it must stay out of the totals)."""
    ids = sorted(Award.objects.values_list("pk", flat=True))[::7]
    for step in range(10):
        Award.objects.filter(pk__in=ids[step::10]).update(money=Decimal(500_000 + 100_000 * step))
    revoked = Award.objects.filter(revoked=True).order_by("pk").first()
    Award.objects.filter(pk=revoked.pk).update(money=Decimal(9_999_000))


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


class Register:
    """Every row the figures are made of, read whole with ``values()``."""

    def __init__(self):
        self.units = {u["id"]: u for u in Unit.objects.values(
            "id", "parent_id", "unit_type", "short_name", "valid_to", "code")}  # fmt: skip
        preds = RestructuringEvent.predecessors.through.objects.values_list(
            "restructuringevent_id", "unit_id"
        )
        succs = RestructuringEvent.successors.through.objects.values_list(
            "restructuringevent_id", "unit_id"
        )
        by_event = defaultdict(set)
        for event, unit in preds:
            by_event[event].add(unit)
        self.predecessors = defaultdict(set)
        for event, unit in succs:
            self.predecessors[unit] |= by_event[event]
        self.types = {t["id"]: t for t in AwardType.objects.values(
            "id", "code", "name", "level", "category", "sort_order")}  # fmt: skip
        self.persons = {p["id"]: p for p in Person.objects.values("id", "gender", "rank")}
        self.awards = list(Award.objects.values(
            "id", "year", "award_type_id", "kind", "person_id", "unit_id", "holder_unit_id",
            "revoked", "money"))  # fmt: skip
        for a in self.awards:
            a["code"] = self.types[a["award_type_id"]]["code"]
            a["level"] = min(self.types[a["award_type_id"]]["level"], LEVEL_OF_STATE)
        self.rounds = {r["id"]: r for r in ProposalRound.objects.values(
            "id", "name", "year", "status", "appraisal_deadline")}  # fmt: skip
        self.proposals = {p["id"]: p for p in Proposal.objects.values(
            "id", "round_id", "unit_id", "submitted_at")}  # fmt: skip
        self.lines = list(ProposalLine.objects.values("id", "proposal_id", "status"))
        for line in self.lines:
            proposal = self.proposals[line["proposal_id"]]
            line["round_id"] = proposal["round_id"]
            line["unit_id"] = proposal["unit_id"]
            line["year"] = self.rounds[proposal["round_id"]]["year"]
        self.steps = list(LineAppraisal.objects.values("id", "line_id", "action", "at"))
        self.holidays = set(PublicHoliday.objects.values_list("date", flat=True))
        registrations = []
        for model, subject in ((RegisteredPerson, "person_id"), (RegisteredCollective, "unit_id")):
            for r in model.objects.values("registration__year", "registration__unit_id",
                                          subject, "award_type_id"):  # fmt: skip
                registrations.append({
                    "year": r["registration__year"], "unit_id": r["registration__unit_id"],
                    "kind": "P" if subject == "person_id" else "C", "subject": r[subject],
                    "code": self.types[r["award_type_id"]]["code"],
                })  # fmt: skip
        self.registrations = registrations

    def chain(self, unit_id):
        """The unit and its ancestors, from the unit up."""
        while unit_id is not None:
            yield unit_id
            unit_id = self.units[unit_id]["parent_id"]

    def lineage(self, unit_id) -> set[int]:
        """The unit and every unit it succeeded, transitively."""
        found, frontier = {unit_id}, [unit_id]
        while frontier:
            frontier = [p for u in frontier for p in self.predecessors[u] if p not in found]
            found.update(frontier)
        return found

    def units_under(self, tops: set[int]) -> set[int]:
        return {pk for pk in self.units if any(u in tops for u in self.chain(pk))}

    def reach(self, username) -> set[int]:
        roles = (  # every role but a staff member's reaches its unit's subtree
            RoleAssignment.objects.filter(user__username=username).exclude(role="STAFF")
            .values_list("unit_id")
        )  # fmt: skip
        tops = set().union(*(self.lineage(unit_id) for (unit_id,) in roles))
        return self.units_under(tops)

    def branch(self, unit_id) -> int:
        """The unit right under the root on the unit's chain, or the root itself."""
        chain = list(self.chain(unit_id))
        return chain[-2] if len(chain) > 1 else chain[-1]


@pytest.fixture(scope="module")
def register(demo, django_db_blocker):
    with django_db_blocker.unblock():
        return Register()


SCOPES = {
    "sector, 2016–2026": ("tdkt.nganh", 2016, 2026, None),
    "sector, 2025": ("tdkt.nganh", 2025, 2025, None),
    "sector, Phú Thọ with its predecessors": ("tdkt.nganh", 2016, 2026, "T25-PT"),
    "Phú Thọ's officer": ("tdkt.phutho", 2016, 2026, None),
    "Hà Nội's officer, 2021–2026": ("tdkt.hanoi", 2021, 2026, None),
}


class Case:
    """One scope: the statistics as computed, and the units and years they cover as derived
    here."""

    def __init__(self, register, name, username, year_from, year_to, unit_code):
        self.name = name
        user = User.objects.get(username=username)
        unit = Unit.objects.get(code=unit_code) if unit_code else None
        self.years = range(year_from, year_to + 1)
        self.stats = statistics_for(
            statistics_scope(user=user, year_from=year_from, year_to=year_to, unit=unit)
        )
        units = register.reach(username)
        if unit is not None:
            units &= register.units_under(register.lineage(unit.pk))
        self.units = units
        in_scope = [a for a in register.awards
                    if a["holder_unit_id"] in units and a["year"] in self.years]  # fmt: skip
        self.revoked = [a for a in in_scope if a["revoked"]]
        self.awards = [a for a in in_scope if not a["revoked"]]
        self.lines = [line for line in register.lines
                      if line["unit_id"] in units and line["year"] in self.years]  # fmt: skip

    def table(self, slug) -> dict[str, list]:
        """The table's rows by key, its total row under ``"total"``."""
        table = self.stats.table(slug)
        rows = {row.key: [c.value for c in row.cells] for row in table.rows}
        assert len(rows) == len(table.rows), slug
        if table.total:
            rows["total"] = [c.value for c in table.total.cells]
        return rows


@pytest.fixture(params=list(SCOPES), scope="module")
def case(request, register, django_db_blocker):
    with django_db_blocker.unblock():
        return Case(register, request.param, *SCOPES[request.param])


def money(awards) -> Decimal:
    return sum((a["money"] for a in awards if a["money"] is not None), Decimal(0))


def split(awards) -> list:
    """Total, individual, collective."""
    persons = sum(1 for a in awards if a["person_id"] is not None)
    return [len(awards), persons, len(awards) - persons]


def share(part, whole):
    return round(100 * part / whole, 1) if whole else None


def group(rows, key) -> dict:
    grouped = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return grouped


def test_the_scopes_hold_data(case):
    assert case.awards and len(case.units) > 10
    if case.name == "sector, 2016–2026":
        assert case.revoked and case.lines
        assert {line["status"] for line in case.lines} >= {"DRAFT", "SUBMITTED", "AWARDED"}


def test_summary(case):
    s = case.stats.summary
    priced = [a for a in case.awards if a["money"] is not None]
    assert (s.awards, s.persons, s.revoked_left_out) == (
        len(case.awards), split(case.awards)[1], len(case.revoked),
    )  # fmt: skip
    assert (s.money, s.priced, s.unpriced) == (money(case.awards), len(priced),
                                               len(case.awards) - len(priced))  # fmt: skip


def test_by_code_with_persons_collectives_money_and_the_total_row(case, register):
    by_code = group(case.awards, lambda a: a["code"])
    sort = {t["code"]: t["sort_order"] for t in register.types.values()}
    expected = {
        code: [*split(rows), money(rows), sum(1 for a in rows if a["money"] is None)]
        for code, rows in by_code.items()
    }
    unpriced = sum(1 for a in case.awards if a["money"] is None)
    expected["total"] = [*split(case.awards), money(case.awards), unpriced]
    assert case.table("by_code") == expected
    keys = [row.key for row in case.stats.table("by_code").rows]
    assert keys == sorted(by_code, key=lambda c: sort[c])


def test_by_level_and_by_kind(case):
    levels = group(case.awards, lambda a: a["level"])
    assert case.table("by_level") == {str(lv): split(rows) for lv, rows in levels.items()}
    assert [row.key for row in case.stats.table("by_level").rows] == [
        str(lv) for lv in (2, 1, 0) if lv in levels
    ]
    kinds = group(case.awards, lambda a: a["kind"])
    assert case.table("by_kind") == {k: split(rows) for k, rows in kinds.items()}
    assert [row.key for row in case.stats.table("by_kind").rows] == [k for k in KINDS if k in kinds]


def test_trend_over_the_years_with_levels_and_money(case):
    expected = {}
    for year in case.years:
        rows = [a for a in case.awards if a["year"] == year]
        expected[str(year)] = (
            [len(rows)]
            + [sum(1 for a in rows if a["level"] == lv) for lv in (2, 1, 0)]
            + [money(rows)]
        )
    assert case.table("by_year") == expected
    assert [row.key for row in case.stats.table("by_year").rows] == [str(y) for y in case.years]


def test_by_unit_type_and_by_province(case, register):
    types = Counter(register.units[a["holder_unit_id"]]["unit_type"] for a in case.awards)
    assert case.table("by_unit_type") == {t: [n] for t, n in types.items()}
    branches = Counter(register.branch(a["holder_unit_id"]) for a in case.awards)
    assert case.table("by_branch") == {str(pk): [n] for pk, n in branches.items()}
    for row in case.stats.table("by_branch").rows:
        unit = register.units[int(row.key)]
        ended = unit["valid_to"] and f" (đến {unit['valid_to']:%d/%m/%Y})"
        assert row.label == unit["short_name"] + (ended or "")


def test_gender_with_the_share_of_women_and_rank(case, register):
    individuals = [register.persons[a["person_id"]] for a in case.awards if a["person_id"]]
    genders = Counter(p["gender"] for p in individuals)
    expected = {g: [genders[g], share(genders[g], len(individuals))] for g in GENDERS}
    expected["total"] = [len(individuals), 100.0 if individuals else None]
    assert case.table("by_gender") == expected
    ranks = Counter(p["rank"] or "-" for p in individuals)
    assert case.table("by_rank") == {r: [n] for r, n in ranks.items()}


def test_registration_against_result(case, register):
    held = defaultdict(set)
    for a in register.awards:
        kind = register.types[a["award_type_id"]]
        if not a["revoked"] and a["kind"] == "CONG_TRANG" and kind["category"] == "TITLE":
            subject = ("P", a["person_id"]) if a["person_id"] else ("C", a["unit_id"])
            held[(a["year"], *subject)].add(a["code"])

    def achieved(r):
        chain = PERSON_CHAIN if r["kind"] == "P" else COLLECTIVE_CHAIN
        return any(
            code in chain and chain.index(code) >= chain.index(r["code"])
            for code in held[(r["year"], r["kind"], r["subject"])]
        )

    mine = [r for r in register.registrations
            if r["unit_id"] in case.units and r["year"] in case.years]  # fmt: skip
    expected = {}
    for (year, code), rows in group(mine, lambda r: (r["year"], r["code"])).items():
        n, ok = len(rows), sum(1 for r in rows if achieved(r))
        expected[f"{year}-{code}"] = [n, ok, n - ok, share(ok, n)]
    assert case.table("registrations") == expected
    if case.name == "sector, 2016–2026":
        assert sum(v[1] for v in expected.values()) > 0  # some achieved
        assert sum(v[2] for v in expected.values()) > 0  # some missed


def test_proposal_lines_by_state_and_by_round_with_the_open_rounds(case, register):
    statuses = Counter(line["status"] for line in case.lines)
    expected = {s: [n] for s, n in statuses.items()}
    expected["total"] = [len(case.lines)]
    assert case.table("lines_by_status") == expected
    assert [row.key for row in case.stats.table("lines_by_status").rows] == [
        s for s in STATUSES if s in statuses
    ]
    expected = {}
    for round_id, rows in group(case.lines, lambda line: line["round_id"]).items():
        here = Counter(line["status"] for line in rows)
        expected[str(round_id)] = [len(rows)] + [
            sum(here[s] for s in column) for column in ROUND_COLUMNS
        ]
    assert case.table("lines_by_round") == expected
    labels = {row.key: row.label for row in case.stats.table("lines_by_round").rows}
    for key in expected:
        r = register.rounds[int(key)]
        assert labels[key] == f"{r['name']} ({r['year']})"
    open_rounds = [k for k in expected if register.rounds[int(k)]["status"] == "OPEN"]
    if case.lines:  # the open rounds' rows are there, with their drafts and submissions
        assert open_rounds and any(expected[k][1] for k in open_rounds)


def working_days(start: dt.date, end: dt.date, holidays: set) -> int:
    """Days after ``start`` up to ``end`` that are neither a weekend nor a holiday."""
    if end < start:
        return -working_days(end, start, holidays)
    days = (start + dt.timedelta(days=n) for n in range(1, (end - start).days + 1))
    return sum(1 for d in days if d.weekday() < 5 and d not in holidays)


def test_appraisal_and_council_outcomes_with_turnaround(case, register):
    local = ZoneInfo(settings.TIME_ZONE)
    lines = {line["id"]: line for line in case.lines}
    steps = sorted((s for s in register.steps if s["line_id"] in lines),
                   key=lambda s: (s["line_id"], s["at"], s["id"]))  # fmt: skip
    counted = Counter(s["action"] for s in steps)
    waits = defaultdict(list)
    for line_id, line_steps in group(steps, lambda s: s["line_id"]).items():
        submitted = register.proposals[lines[line_id]["proposal_id"]]["submitted_at"]
        for i, step in enumerate(line_steps):
            day = step["at"].astimezone(local).date()
            before = [(s["action"], s["at"].astimezone(local).date()) for s in line_steps[:i]]
            if step["action"] == "RESUBMITTED":
                since = [d for action, d in before if action == "RETURNED"]
            elif step["action"] in DECISIONS:
                since = [submitted.astimezone(local).date()] if submitted else []
                since += [d for action, d in before if action == "RESUBMITTED"]
            elif step["action"] in COUNCIL:
                since = [d for action, d in before if action == "ACCEPTED"]
            else:
                continue
            if since and since[-1] <= day:  # a step before what it answers is not timed
                waits[step["action"]].append(working_days(since[-1], day, register.holidays))
    expected = {}
    for action in STEPS:
        if counted[action]:
            days = waits[action]
            expected[action] = [counted[action]] + (
                [round(pystats.mean(days), 1), pystats.median(days), max(days)]
                if days else [None] * 3
            )  # fmt: skip
    assert case.table("appraisal") == expected
    assert [row.key for row in case.stats.table("appraisal").rows] == list(expected)


# --- the leader dashboard ---


def _key_figures(awards, year) -> list:
    rows = [a for a in awards if a["year"] == year]
    persons = [a for a in rows if a["person_id"]]
    return [
        len(rows),
        *(sum(1 for a in rows if a["code"] == code) for code in DASHBOARD_CODES),
        sum(1 for a in rows if a["level"] == LEVEL_OF_STATE),
        persons,
        money(rows),
    ]


@pytest.mark.parametrize("username", ["tdkt.nganh", "tdkt.phutho", "tdkt.hanoi", "cumtruong"])
@pytest.mark.parametrize("asked", [None, 2024])
def test_dashboard_key_figures(register, username, asked):
    user = User.objects.get(username=username)
    board = dashboard_for(user=user, today=TODAY, year=asked)
    units = register.reach(username)
    standing = [a for a in register.awards if a["holder_unit_id"] in units and not a["revoked"]]
    annual = [a["year"] for a in standing
              if a["code"] in ANNUAL_TITLES and a["year"] <= TODAY.year]  # fmt: skip
    assert board.default_year == max(annual) == 2025  # 2026 holds a few Bằng khen only
    year = asked or board.default_year
    assert board.award_year == year

    def figures(y):
        values = _key_figures(standing, y)
        persons = values[-2]
        women = sum(1 for a in persons if register.persons[a["person_id"]]["gender"] == "F")
        values[-2] = share(women, len(persons))
        return values

    assert [(f.current, f.previous) for f in board.figures] == list(
        zip(figures(year), figures(year - 1), strict=True)
    )
    codes = [link["code"] for link in board.chart["links"][0]]
    assert codes == DASHBOARD_CODES
    for dataset, y in zip(board.chart["datasets"], (year - 1, year), strict=True):
        assert dataset["data"] == figures(y)[1 : 1 + len(codes)]

    lines = [line for line in register.lines if line["unit_id"] in units]
    for figure, counted in zip(board.proposal_figures, (
        lambda s: s != "DRAFT", lambda s: s in AFTER_ACCEPTANCE,
    ), strict=True):  # fmt: skip
        assert (figure.current, figure.previous) == tuple(
            sum(1 for line in lines if line["year"] == y and counted(line["status"]))
            for y in (TODAY.year, TODAY.year - 1)
        )

    for item in board.rounds:
        here = [line for line in lines if line["round_id"] == item.round.pk]
        assert register.rounds[item.round.pk]["status"] == "OPEN"
        assert (item.lines, item.waiting, item.returned) == (
            len(here), sum(1 for line in here if line["status"] == "SUBMITTED"),
            sum(1 for line in here if line["status"] == "RETURNED"),
        )  # fmt: skip
    late = Counter()
    for line in lines:
        r = register.rounds[line["round_id"]]
        if line["status"] == "RETURNED" or (
            line["status"] == "SUBMITTED" and r["appraisal_deadline"] < TODAY
        ):
            late[(line["round_id"], line["status"])] += 1
    assert {(i.round_id, i.status): i.count for i in board.late} == late
