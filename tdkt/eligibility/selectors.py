"""Reads of the eligibility engine: what a person or a unit can be proposed for, and sweeps.

``eligibility_for_person`` and ``eligibility_for_unit`` answer for one subject the caller has
already fetched through ``restrict`` (the person or unit page); the sweep selectors take the
acting user and only return what that user may see.
"""

from tdkt.eligibility.codes import codes_for
from tdkt.eligibility.histories import person_history, unit_history
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.rules.engine import Engine, EvaluationError
from tdkt.rules.registry import PERSON, UNIT
from tdkt.rules.verdicts import Verdict


def eligibility_for_person(*, person: Person, year: int) -> list[Verdict]:
    """A verdict for every individual code whose rules cover ``year``, in catalog order.

    Codes whose rules begin after the year's reference date are left out, never reported as
    "not eligible". Runs a fixed number of queries.
    """
    return _verdicts(person_history(person), codes_for(PERSON, year), year)


def eligibility_for_unit(*, unit: Unit, year: int) -> list[Verdict]:
    """A verdict for every collective code whose rules cover ``year``, in catalog order, with
    the unit's member statistics for that year. Runs a fixed number of queries."""
    return _verdicts(unit_history(unit, [year]), codes_for(UNIT, year), year)


def _verdicts(subject, codes: list[str], year: int) -> list[Verdict]:
    engine = Engine()
    verdicts = []
    for code in codes:
        try:
            verdicts.append(engine.evaluate(subject, code, year))
        except EvaluationError:
            continue
    return verdicts
