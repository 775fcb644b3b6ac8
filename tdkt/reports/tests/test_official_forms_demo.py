"""The statistics forms on the demo data: given the generated register, when each form is
drawn for the sector and for a merged province, then every figure equals a count made here by
plain loops over all the rows (no filtering in the database)."""

import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction

from tdkt.accounts.models import RoleAssignment, User
from tdkt.awards.models import Award
from tdkt.demo.accounts import DEMO_USERNAMES
from tdkt.demo.flush import flush_domain_data
from tdkt.emulation.models import Movement
from tdkt.org.models import RestructuringEvent, Unit
from tdkt.people.models import Assignment, Person
from tdkt.reports.official_forms.layouts import FORMS, TOTAL
from tdkt.reports.official_forms.report import official_form
from tdkt.reports.tests.official_forms_reading import read_form

TODAY = dt.date(2026, 11, 22)
HEADS = {"VT", "PVT", "TT", "PTT"}
LEADERS = HEADS | {"TP", "PTP"}
KIND_ROW = {
    "CONG_TRANG": "kind_regular",
    "CHUYEN_DE": "kind_thematic",
    "DOT_XUAT": "kind_adhoc",
    "DOI_NGOAI": "kind_foreign",
    "CONG_HIEN": "kind_career",
    "NIEN_HAN": "kind_seniority",
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    original = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock():
        # Seed 3 puts one of the ~160 persons of this scale in Vụ 16 (the demo's only TĐKT
        # organisation, until 30/6/2025), so that form 0605 has staff to count in 2024.
        call_command("demo_data", scale=0.01, seed=3, stdout=io.StringIO())
        yield
        with transaction.atomic():
            flush_domain_data()
            User.objects.filter(username__in=DEMO_USERNAMES).delete()
    settings.MEDIA_ROOT = original


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def _units():
    return {u.pk: u for u in Unit.objects.all()}


def _subtree(units, unit):
    """The unit's subtree and those of its predecessors, by walking events in Python."""
    events = list(RestructuringEvent.objects.prefetch_related("predecessors", "successors"))
    roots, frontier = {unit.pk}, [unit.pk]
    while frontier:
        found = []
        for event in events:
            if any(s.pk in frontier for s in event.successors.all()):
                found += [p.pk for p in event.predecessors.all() if p.pk not in roots]
        roots.update(found)
        frontier = found

    def inside(pk):
        seen = pk
        while seen is not None:
            if seen in roots:
                return True
            seen = units[seen].parent_id
        return False

    return {pk for pk in units if inside(pk)}


def _day(year):
    return min(dt.date(year, 12, 31), TODAY)


def _on(day, start, end):
    return start <= day and (end is None or end >= day)


def _table(code, derived, manual):
    """Every cell of the form: ``None`` for the manual ones, else the derived count or 0."""
    layout = FORMS[code]
    return {
        (row.key, leaf.key): None if (row.key, leaf.key) in manual else derived.get(
            (row.key, leaf.key), 0
        )
        for row in layout.rows
        if not row.section
        for leaf in layout.leaves()
    }  # fmt: skip


def _manual(code, *, rows=(), columns=()):
    layout = FORMS[code]
    return {
        (row.key, leaf.key)
        for row in layout.rows
        if not row.section
        for leaf in layout.leaves()
        if row.key in rows or leaf.key in columns
    }


MANUAL = {
    "0601": _manual("0601", rows=("scope_national", "scope_cluster"), columns=("central",)),
    "0602": _manual(
        "0602",
        rows=("kind_resistance",),
        columns=(
            "medal:C",
            "medal:P",
            "hcm_prize:P",
            "state_prize:P",
            "heroic_mother:P",
            "armed_forces_hero:C",
            "armed_forces_hero:P",
            "merited_teacher:P",
            "other:C",
            "other:P",
        ),
    ),  # fmt: skip
    "0603": _manual("0603", rows=("kind_resistance",)),
    "0604": set(),
    "0605": _manual(
        "0605",
        rows=(
            "training_elementary",
            "training_intermediate",
            "training_college",
            "training_university",
            "training_postgraduate",
            "tenure_under_5",
            "tenure_5_10",
            "tenure_10",
        ),
    ),  # fmt: skip
}
"""The cells each form leaves for manual entry (docs/official-forms.md), written out here."""


def _expected_0601(unit_ids, units, year):
    counts = Counter()
    for m in Movement.objects.all():
        if m.launched_by_id not in unit_ids or not m.start_year <= year <= m.end_year:
            continue
        column = "sector" if units[m.launched_by_id].unit_type == "SUPREME" else "unit"
        years = m.end_year - m.start_year + 1
        if years == 1:
            length = "length_under_1" if m.kind == "CHUYEN_DE" else "length_1"
        else:
            length = {2: "length_1_3", 3: "length_3_5", 4: "length_3_5"}.get(years, "length_5")
        rows = (
            TOTAL,
            "scope_sector" if column == "sector" else "scope_unit",
            length,
            "method_thematic" if m.kind == "CHUYEN_DE" else "method_regular",
        )
        for row in rows:
            counts[(row, column)] += 1
            counts[(row, TOTAL)] += 1
    return _table("0601", counts, MANUAL["0601"])


def _post_row(position, unit_type):
    if position in HEADS and unit_type == "SUPREME":
        return "lead_ministry"
    if position in HEADS and unit_type in (
        "SUPREME_UNIT",
        "HIGH",
        "PROVINCIAL",
        "MILITARY_CENTRAL",
    ):
        return "lead_dept"
    return "lead_other" if position in LEADERS else "worker"


def _expected_awards(code, unit_ids, units, year):
    columns = {leaf.key for leaf in FORMS[code].leaves()}
    posts = {}
    for a in Assignment.objects.all():
        posts.setdefault(a.person_id, []).append(a)
    persons = {p.pk: p for p in Person.objects.all()}
    counts = Counter()
    for award in Award.objects.select_related("award_type"):
        if award.revoked or award.decision_date.year != year:
            continue
        if award.holder_unit_id not in unit_ids:
            continue
        subject = "P" if award.person_id else "C"
        code_key = award.award_type.code
        column = f"{code_key}:{subject}" if f"{code_key}:{subject}" in columns else code_key
        if column not in columns:
            continue
        rows = [TOTAL, KIND_ROW[award.kind]]
        if award.person_id:
            person = persons[award.person_id]
            position, unit_type = person.position, units[person.unit_id].unit_type
            for post in posts.get(award.person_id, []):
                if _on(award.decision_date, post.start, post.end):
                    position, unit_type = post.position, units[post.unit_id].unit_type
                    break
            rows += ["individual", _post_row(position, unit_type)]
        else:
            rows.append("collective")
        for row in rows:
            counts[(row, column)] += 1
            counts[(row, TOTAL)] += 1
    if code == "0602":
        for column in columns:
            counts[("submitter_ministry", column)] = int(counts[(TOTAL, column)] > 0)
    return _table(code, counts, MANUAL[code])


def _tdkt_organisations(unit_ids, units, day):
    return {
        pk
        for pk in unit_ids
        if _on(day, units[pk].valid_from, units[pk].valid_to)
        and "thi dua" in units[pk].search_text
        and "khen thuong" in units[pk].search_text
    }


def _expected_0604(unit_ids, units, year):
    counts = Counter()
    for pk in _tdkt_organisations(unit_ids, units, _day(year)):
        counts[("division" if units[pk].unit_type == "DIVISION" else "department", TOTAL)] += 1
        counts[(TOTAL, TOTAL)] += 1
    return _table("0604", counts, MANUAL["0604"])


def _age_row(born, day):
    age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if age <= 30:
        return "age_30"
    if age <= 40:
        return "age_31_40"
    if age <= 50:
        return "age_41_50"
    if age <= 55:
        return "age_51_55"
    return "age_56_60" if age <= 60 else "age_over_60"


def _expected_0605(unit_ids, units, year):
    day = _day(year)
    organisations = _tdkt_organisations(unit_ids, units, day)
    on_day = [a for a in Assignment.objects.all() if _on(day, a.start, a.end)]
    full = {a.person_id for a in on_day if a.unit_id in organisations}
    officers = {
        r.user.person_id
        for r in RoleAssignment.objects.select_related("user")
        if r.role in ("UNIT_OFFICER", "SECTOR_OFFICER")
        and r.user.person_id
        and r.unit_id in unit_ids
    }
    persons = {p.pk: p for p in Person.objects.all()}
    working = {a.person_id for a in on_day}
    counts = Counter()
    for pk in (full | officers) & working:
        person = persons[pk]
        if person.leaving_date is not None and person.leaving_date <= day:
            continue
        for row in (TOTAL, _age_row(person.date_of_birth, day)):
            counts[(row, TOTAL)] += 1
            if person.gender == "F":
                counts[(row, "women")] += 1
    return _table("0605", counts, MANUAL["0605"])


EXPECTED = {
    "0601": _expected_0601,
    "0602": lambda ids, units, year: _expected_awards("0602", ids, units, year),
    "0603": lambda ids, units, year: _expected_awards("0603", ids, units, year),
    "0604": _expected_0604,
    "0605": _expected_0605,
}


@pytest.mark.parametrize("code", list(FORMS))
@pytest.mark.parametrize("where", ["root", "province"])
def test_every_cell_matches_independent_counts(code, where):
    """Given the demo register, when a form is drawn for the sector or for Phú Thọ (merged in
    2025) for 2024 and 2025, then every cell equals the count made here, the manual cells are
    empty and shaded and no other cell is."""
    user = User.objects.get(username="tdkt.nganh")
    units = _units()
    root = next(u for u in units.values() if u.parent_id is None)
    unit = root if where == "root" else Unit.objects.get(code="T25-PT")
    unit_ids = _subtree(units, unit)
    totals = []
    for year in (2024, 2025):
        result = official_form(user=user, code=code, year=year, unit_id=unit.pk, today=TODAY)
        _sheet, _head, values, shaded = read_form(result.content, FORMS[code])
        expected = EXPECTED[code](unit_ids, units, year)
        assert values == expected, [k for k in expected if values.get(k) != expected[k]]
        assert shaded == MANUAL[code]
        totals.append(expected[(TOTAL, TOTAL)])
    # The sector's register fills every form in at least one of the two years (Vụ 16, the only
    # TĐKT organisation of the demo, ended on 30/6/2025), so the comparison is not vacuous.
    assert where == "province" or max(totals) > 0, totals


def test_demo_has_advanced_models_with_stories_spread_and_public_pages(client):
    """The demo's advanced models (same generated dataset): sources, stories, spread, and the
    public page of a published one answers without login while an unpublished one is 404."""
    from tdkt.reports.models import AdvancedModel

    models = list(AdvancedModel.objects.prefetch_related("stories", "adoptions"))
    assert len(models) >= 5
    assert {m.source_kind for m in models} >= {"AWARD"}
    assert all(m.stories.all() for m in models)
    assert sum(len(m.adoptions.all()) for m in models) >= len(models)
    # the spread runs over the years after the model's: some model has adopters in two years
    assert any(len({a.adopted_on.year for a in m.adoptions.all()}) >= 2 for m in models)
    this_year = dt.date.today().year
    for model in models:
        for adoption in model.adoptions.all():
            assert adoption.adopted_on.year > model.year or model.year == this_year
    published = [m for m in models if m.published]
    hidden = [m for m in models if not m.published]
    assert published and hidden
    assert client.get(f"/dien-hinh/cong-khai/{published[0].public_token}/").status_code == 200
    assert client.get(f"/dien-hinh/cong-khai/{hidden[0].public_token}/").status_code == 404
