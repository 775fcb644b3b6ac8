"""The demo's scoring data at a small scale: a complete 2025 and a 2026 in progress."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from tdkt.accounts.models import User
from tdkt.demo.accounts import DEMO_USERNAMES
from tdkt.demo.flush import flush_domain_data
from tdkt.scoring.models import (
    ClusterReview,
    ClusterVote,
    Evidence,
    Scorecard,
    ScoreEntry,
    ScoringTable,
    Turnout,
)
from tdkt.scoring.selectors import leading_units
from tdkt.scoring.services.cards import check_points


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("demo_data", scale=0.01, seed=11, stdout=io.StringIO())
        yield
        with transaction.atomic():
            flush_domain_data()
            User.objects.filter(username__in=DEMO_USERNAMES).delete()


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_tables_are_published_per_unit_type_and_year():
    assert ScoringTable.objects.filter(status="PUBLISHED").count() == ScoringTable.objects.count()
    years = set(ScoringTable.objects.values_list("unit_type", "year_from"))
    types = {unit_type for unit_type, _ in years}
    assert {"PROVINCIAL", "SUPREME_UNIT"} <= types
    assert years == {(t, y) for t in types for y in (2025, 2026)}


def test_2025_is_complete_and_voted():
    cards = Scorecard.objects.filter(cluster__year=2025)
    assert cards.exists() and not cards.filter(status="DRAFT").exists()
    assert ClusterReview.objects.filter(cluster__year=2025, status="OPEN").count() == 0
    closed = ClusterVote.objects.filter(cluster__year=2025, status="CLOSED")
    assert closed.count() >= 10
    for vote in closed:
        assert Turnout.objects.filter(vote=vote).count() == vote.member_count
    leaders = leading_units(2025)
    assert len(leaders) >= 8


def test_2026_is_in_progress():
    cards = Scorecard.objects.filter(cluster__year=2026)
    assert cards.filter(status="SUBMITTED").exists() and cards.filter(status="DRAFT").exists()
    assert ClusterReview.objects.filter(cluster__year=2026, status="OPEN").exists()
    assert not ClusterVote.objects.filter(cluster__year=2026).exists()
    assert leading_units(2026) == {}


def test_points_stay_in_range_and_required_evidence_is_there():
    for entry in ScoreEntry.objects.select_related("criterion"):
        check_points(entry.criterion, entry.points)
    submitted = Scorecard.objects.filter(status="SUBMITTED").prefetch_related("evidence")
    for card in submitted.select_related("table"):
        required = set(
            card.table.criteria.filter(evidence_required=True).values_list("pk", flat=True)
        )
        assert required <= {e.criterion_id for e in card.evidence.all()}
    assert Evidence.objects.exists()


def test_indicator_values_match_the_computed_points():
    from tdkt.scoring.models import IndicatorValue

    values = {(v.unit_id, v.year, v.code): v.value for v in IndicatorValue.objects.all()}
    assert values
    computed = ScoreEntry.objects.filter(criterion__indicator_code__gt="").select_related(
        "criterion", "scorecard__cluster"
    )
    for entry in computed:
        key = (
            entry.scorecard.unit_id,
            entry.scorecard.cluster.year,
            entry.criterion.indicator_code,
        )
        assert entry.criterion.points_from(values[key]) == entry.points
