"""The collectives' yearly ratings of the demo dataset."""

import datetime as dt
from collections import Counter

import pytest
from django.db import transaction

from tdkt.accounts.models import User
from tdkt.awards.models import Award
from tdkt.demo.accounts import DEMO_USERNAMES
from tdkt.demo.collective import NOT_COLLECTIVES
from tdkt.demo.flush import flush_domain_data
from tdkt.demo.generator import generate
from tdkt.org.models import Unit, UnitYearlyRating


@pytest.fixture(scope="module")
def report(django_db_setup, django_db_blocker):
    """Generate a small dataset once for the module; each test runs in its own transaction."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            generated = generate(scale=0.01, seed=11)
        yield generated
        with transaction.atomic():
            flush_domain_data()
            User.objects.filter(username__in=DEMO_USERNAMES).delete()


pytestmark = pytest.mark.django_db


def test_every_collective_has_one_rating_per_year_it_existed_at_the_end_of(report):
    for year in (2016, 2025):
        expected = (
            Unit.objects.valid_on(dt.date(year, 12, 31)).exclude(code__in=NOT_COLLECTIVES).count()
        )
        assert UnitYearlyRating.objects.filter(year=year).count() == expected
    assert report.counts["unit_ratings"] == UnitYearlyRating.objects.count()


def test_excellent_collectives_are_rated_excellent_and_about_a_quarter_overall(report):
    excellent = Award.objects.filter(award_type__code="TTLDXS").values_list("unit", "year")
    ratings = dict(
        ((unit, year), rating)
        for unit, year, rating in UnitYearlyRating.objects.values_list("unit", "year", "rating")
    )
    assert {ratings[key] for key in excellent} == {"HTXSNV"}
    shares = Counter(ratings.values())
    total = sum(shares.values())
    assert 0.2 < shares["HTXSNV"] / total < 0.3
    assert shares["HTTNV"] > shares["HTXSNV"] > shares["HTNV"] > 0
    assert "KHTNV" not in shares


def test_the_flush_deletes_the_ratings(report):
    flush_domain_data()

    assert not UnitYearlyRating.objects.exists()
    assert not UnitYearlyRating.history.exists()
