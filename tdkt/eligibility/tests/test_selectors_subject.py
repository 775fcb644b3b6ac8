"""What one person or one unit can be proposed for in a year."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tdkt.eligibility.codes import catalog_order, codes_for
from tdkt.eligibility.selectors import eligibility_for_person, eligibility_for_unit
from tdkt.people.models import YearlyRating
from tdkt.rules.registry import PERSON, UNIT
from tdkt.rules.verdicts import Outcome
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db


def test_a_person_gets_a_verdict_per_individual_code_in_catalog_order(org):
    person = make_person(org.hanoi, "Hoa", recruitment_date=dt.date(2012, 1, 1))
    YearlyRating.objects.create(person=person, year=2024, rating="HTXSNV")

    verdicts = eligibility_for_person(person=person, year=2024)

    codes = [v.code for v in verdicts]
    assert codes == codes_for(PERSON, 2024)
    assert codes == [c for c in catalog_order() if c in codes]
    assert codes[:2] == ["LDTT", "CSTDCS"]
    by_code = {v.code: v for v in verdicts}
    assert by_code["LDTT"].outcome == Outcome.ELIGIBLE
    assert by_code["CSTDCS"].outcome == Outcome.ELIGIBLE


def test_codes_whose_rules_begin_later_are_left_out(org):
    person = make_person(org.hanoi, "Hoa", recruitment_date=dt.date(2000, 1, 1))

    assert eligibility_for_person(person=person, year=2010) == []


def test_a_unit_gets_only_collective_codes_with_a_fixed_number_of_queries(org):
    make_person(org.hanoi, "Một")

    with CaptureQueriesContext(connection) as captured:
        verdicts = eligibility_for_unit(unit=org.hanoi, year=2024)

    assert [v.code for v in verdicts] == codes_for(UNIT, 2024)
    assert all(v.subject_id == str(org.hanoi.pk) for v in verdicts)
    assert len(captured) <= 14  # one of them reads the closed cluster votes
