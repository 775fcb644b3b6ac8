"""Store planned persons, facts, awards and initiatives with bulk inserts.

Only persons get historical records (with the reason ``Khởi tạo dữ liệu mẫu``); facts, awards
and initiatives are inserted as plain rows. Rows are built and inserted in batches so memory
stays flat at full scale.
"""

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from simple_history.utils import bulk_create_with_history

from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType
from tdkt.demo.facts import PersonFacts
from tdkt.demo.ledger import Ledger
from tdkt.demo.org_writer import BATCH_SIZE, HISTORY_REASON
from tdkt.demo.people import PersonPlan
from tdkt.initiatives.models import Initiative
from tdkt.initiatives.models import Status as InitiativeStatus
from tdkt.org.models import Unit
from tdkt.people.models import Absence, Assignment, Discipline, Freeze, Person, YearlyRating


def _batches(rows: Iterable, size: int = BATCH_SIZE) -> Iterator[list]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _insert(model, rows: Iterable) -> int:
    count = 0
    for batch in _batches(rows):
        model.objects.bulk_create(batch)
        count += len(batch)
    return count


def write_people(people: list[PersonPlan], units: dict[str, Unit]) -> int:
    """Create the persons (sets ``PersonPlan.pk``) and their assignments; returns the count."""
    for batch in _batches(people):
        objects = [_person(plan, units) for plan in batch]
        bulk_create_with_history(
            objects, Person, batch_size=BATCH_SIZE, default_change_reason=HISTORY_REASON
        )
        for plan, obj in zip(batch, objects, strict=True):
            plan.pk = obj.pk
    _insert(
        Assignment,
        (
            Assignment(
                person_id=plan.pk,
                unit_id=units[s.unit].pk,
                position=s.position,
                start=s.start,
                end=s.end,
            )
            for plan in people
            for s in plan.segments
        ),
    )
    return len(people)


def _person(plan: PersonPlan, units: dict[str, Unit]) -> Person:
    person = Person(
        code=plan.code,
        full_name=plan.full_name,
        gender=plan.gender,
        date_of_birth=plan.date_of_birth,
        rank=plan.rank,
        position=plan.position,
        recruitment_date=plan.recruitment_date,
        leaving_date=plan.leaving_date,
        unit_id=units[plan.unit].pk,
        is_synthetic=True,
    )
    person.refresh_derived()
    return person


def _fact_rows(people, facts, build: Callable) -> Iterator:
    for plan, person_facts in zip(people, facts, strict=True):
        yield from build(plan.pk, person_facts)


def write_facts(people: list[PersonPlan], facts: list[PersonFacts]) -> dict[str, int]:
    """Insert ratings, absences, disciplines and freezes; returns counts by kind."""
    return {
        "ratings": _insert(
            YearlyRating,
            _fact_rows(
                people,
                facts,
                lambda pk, f: (
                    YearlyRating(person_id=pk, year=year, rating=rating)
                    for year, rating in f.ratings.items()
                ),
            ),
        ),
        "absences": _insert(
            Absence,
            _fact_rows(
                people,
                facts,
                lambda pk, f: (
                    Absence(person_id=pk, reason=reason, start=start, end=end)
                    for reason, start, end in f.absences
                ),
            ),
        ),
        "disciplines": _insert(
            Discipline,
            _fact_rows(
                people,
                facts,
                lambda pk, f: (
                    Discipline(
                        person_id=pk,
                        level=d.level,
                        decision_number=d.decision.number,
                        decided_on=d.decided_on,
                        start=d.start,
                        end=d.end,
                        reason=d.reason,
                    )
                    for d in f.disciplines
                ),
            ),
        ),
        "freezes": _insert(
            Freeze,
            _fact_rows(
                people,
                facts,
                lambda pk, f: (
                    Freeze(person_id=pk, reason=reason, start=start, end=end, note=note)
                    for reason, start, end, note in f.freezes
                ),
            ),
        ),
    }


def write_awards(ledger: Ledger, units: dict[str, Unit]) -> int:
    """Insert every award (sets ``AwardRecord.pk``); returns the count."""
    type_ids = dict(AwardType.objects.values_list("code", "pk"))
    people = ledger.people
    for batch in _batches(ledger.awards):
        objects = [
            Award(
                award_type_id=type_ids[record.award_type],
                person_id=people[record.person].pk if record.person is not None else None,
                unit_id=units[record.unit].pk if record.unit else None,
                year=record.year,
                kind=record.kind,
                decision_number=record.decision.number,
                decision_date=record.decision.date,
                signer=record.decision.signer,
                authority=record.decision.authority,
                revoked=record.revoked_on is not None,
                revoked_on=record.revoked_on,
                revocation_reason=record.revocation_reason,
                holder_unit_id=units[record.holder_unit].pk,
            )
            for record in batch
        ]
        Award.objects.bulk_create(objects)
        for record, obj in zip(batch, objects, strict=True):
            record.pk = obj.pk
    return len(ledger.awards)


def write_initiatives(ledger: Ledger, units: dict[str, Unit]) -> int:
    """Insert the initiatives and their authors; returns the count."""
    through = Initiative.authors.through
    people = ledger.people
    for batch in _batches(ledger.initiatives):
        objects = [
            Initiative(
                title=record.title,
                unit_id=units[record.unit].pk,
                year=record.year,
                recognised_on=record.recognised_on,
                recognising_body=record.recognising_body,
                effect_scope=record.effect_scope,
                status=InitiativeStatus.RECOGNISED,
                used_for_id=record.used_for.pk if record.used_for else None,
            )
            for record in batch
        ]
        Initiative.objects.bulk_create(objects)
        through.objects.bulk_create(
            [
                through(initiative_id=obj.pk, person_id=people[author].pk)
                for record, obj in zip(batch, objects, strict=True)
                for author in record.authors
            ]
        )
    return len(ledger.initiatives)
