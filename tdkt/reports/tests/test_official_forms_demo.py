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
        call_command("demo_data", scale=0.01, seed=5, stdout=io.StringIO())
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


def _expected_awards(code, unit_ids, units, year):
    layout = FORMS[code]
    columns = {leaf.key for leaf in layout.leaves()}
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
                if post.start <= award.decision_date and (
                    post.end is None or post.end >= award.decision_date
                ):
                    position, unit_type = post.position, units[post.unit_id].unit_type
                    break
            if position in HEADS and unit_type == "SUPREME":
                rows.append("lead_ministry")
            elif position in HEADS and unit_type in (
                "SUPREME_UNIT",
                "HIGH",
                "PROVINCIAL",
                "MILITARY_CENTRAL",
            ):
                rows.append("lead_dept")
            elif position in LEADERS:
                rows.append("lead_other")
            else:
                rows.append("worker")
            rows.append("individual")
        else:
            rows.append("collective")
        for row in rows:
            counts[(row, column)] += 1
            counts[(row, TOTAL)] += 1
    return counts


def _check(values, counts, layout):
    for (row, column), value in values.items():
        if value is None:
            continue
        if row in ("submitter_ministry",):
            assert value == int(counts[(TOTAL, column)] > 0)
        else:
            assert value == counts[(row, column)], (row, column)
    assert set(counts) <= {k for k, v in values.items() if v is not None}


@pytest.mark.parametrize("code", ["0602", "0603"])
@pytest.mark.parametrize("where", ["root", "province"])
def test_award_forms_match_independent_counts(code, where):
    user = User.objects.get(username="tdkt.nganh")
    units = _units()
    root = next(u for u in units.values() if u.parent_id is None)
    unit = root if where == "root" else Unit.objects.get(code="T25-PT")
    for year in (2024, 2025):
        result = official_form(user=user, code=code, year=year, unit_id=unit.pk, today=TODAY)
        values = read_form(result.content, FORMS[code])[2]
        counts = _expected_awards(code, _subtree(units, unit), units, year)
        assert counts[(TOTAL, TOTAL)] > 0 or where == "province"
        _check(values, counts, FORMS[code])


def test_movement_form_matches_independent_counts():
    user = User.objects.get(username="tdkt.nganh")
    units = _units()
    root = next(u for u in units.values() if u.parent_id is None)
    for year in (2024, 2025, 2026):
        values = read_form(
            official_form(user=user, code="0601", year=year, unit_id=root.pk, today=TODAY).content,
            FORMS["0601"],
        )[2]
        running = [m for m in Movement.objects.all() if m.start_year <= year <= m.end_year]
        by_sector = [m for m in running if units[m.launched_by_id].parent_id is None]
        assert values[(TOTAL, TOTAL)] == len(running)
        assert values[(TOTAL, "sector")] == len(by_sector)
        assert values[(TOTAL, "unit")] == len(running) - len(by_sector)
        thematic = [m for m in running if m.kind == "CHUYEN_DE"]
        assert values[("method_thematic", TOTAL)] == len(thematic)
        five = [m for m in running if m.end_year - m.start_year >= 4]
        assert values[("length_5", TOTAL)] == len(five)


def test_staff_and_organisation_forms_match_independent_counts():
    user = User.objects.get(username="tdkt.nganh")
    units = _units()
    root = next(u for u in units.values() if u.parent_id is None)
    for year in (2024, 2025):
        day = dt.date(year, 12, 31)

        def tdkt(u, day=day):
            name = u.search_text
            valid = u.valid_from <= day and (u.valid_to is None or u.valid_to >= day)
            return valid and "thi dua" in name and "khen thuong" in name

        organisations = [u for u in units.values() if tdkt(u)]
        values = read_form(
            official_form(user=user, code="0604", year=year, unit_id=root.pk, today=TODAY).content,
            FORMS["0604"],
        )[2]
        assert values[(TOTAL, TOTAL)] == len(organisations)
        on_day = [
            a
            for a in Assignment.objects.all()
            if a.start <= day and (a.end is None or a.end >= day)
        ]
        full = {a.person_id for a in on_day if units[a.unit_id] in organisations}
        officer_persons = {
            r.user.person_id
            for r in RoleAssignment.objects.select_related("user")
            if r.role in ("UNIT_OFFICER", "SECTOR_OFFICER") and r.user.person_id
        }
        persons = {p.pk: p for p in Person.objects.all()}
        staffed = {a.person_id for a in on_day}
        part = {
            pk
            for pk in officer_persons - full
            if pk in staffed
            and (persons[pk].leaving_date is None or persons[pk].leaving_date > day)
        }
        values = read_form(
            official_form(user=user, code="0605", year=year, unit_id=root.pk, today=TODAY).content,
            FORMS["0605"],
        )[2]
        assert values[(TOTAL, "full_time")] == len(full)
        assert values[(TOTAL, "part_time")] == len(part)
        women = [pk for pk in full | part if persons[pk].gender == "F"]
        assert values[(TOTAL, "women")] == len(women)


def test_demo_has_advanced_models_with_stories_spread_and_public_pages(client):
    """The demo's advanced models (same generated dataset): sources, stories, spread, and the
    public page of a published one answers without login while an unpublished one is 404."""
    from tdkt.reports.models import AdvancedModel

    models = list(AdvancedModel.objects.prefetch_related("stories", "adoptions"))
    assert len(models) >= 5
    assert {m.source_kind for m in models} >= {"AWARD"}
    assert all(m.stories.all() for m in models)
    assert sum(len(m.adoptions.all()) for m in models) >= len(models)
    published = [m for m in models if m.published]
    hidden = [m for m in models if not m.published]
    assert published and hidden
    assert client.get(f"/dien-hinh/cong-khai/{published[0].public_token}/").status_code == 200
    assert client.get(f"/dien-hinh/cong-khai/{hidden[0].public_token}/").status_code == 404
