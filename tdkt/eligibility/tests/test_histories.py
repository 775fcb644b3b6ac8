"""Histories built from the database are exactly what a hand-written case would contain, and
cost a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType
from tdkt.eligibility.histories import person_histories, person_history, unit_histories
from tdkt.initiatives.models import Initiative
from tdkt.org.models import Unit, UnitYearlyRating
from tdkt.people.models import Absence, Discipline, Freeze, Person, YearlyRating
from tdkt.rules import facts
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db
D = dt.date


def grant(code, year, *, person=None, unit=None, revoked=False, kind="CONG_TRANG", number=""):
    return Award.objects.create(
        award_type=AwardType.objects.get(code=code),
        person=person,
        unit=unit,
        year=year,
        kind=kind,
        decision_number=number or f"{year}/QĐ-{code}",
        decision_date=D(year, 12, 20),
        revoked=revoked,
        holder_unit=unit or person.unit,
    )


def test_person_history_matches_the_hand_written_case(org):
    # Given a person with ratings, a revoked award, a consumed initiative, a discipline,
    # an absence and an open freeze
    person = make_person(org.hanoi, "Nguyễn Thị Hoa", gender="F", recruitment_date=D(2012, 3, 1))
    for year, rating in ((2022, "HTTNV"), (2023, "HTXSNV"), (2024, "HTTNV")):
        YearlyRating.objects.create(person=person, year=year, rating=rating)
    ldtt = grant("LDTT", 2023, person=person)
    revoked = grant("CSTDCS", 2023, person=person, revoked=True)
    used = Initiative.objects.create(status="RECOGNISED",
        title="Sổ tay kiểm sát", unit=org.hanoi, year=2023, recognised_on=D(2023, 11, 2),
        effect_scope="NGANH", used_for=revoked,
    )  # fmt: skip
    used.authors.add(person)
    unscoped = Initiative.objects.create(
        status="RECOGNISED", title="Mẫu biểu", unit=org.hanoi, year=2024
    )
    unscoped.authors.add(person)
    Discipline.objects.create(
        person=person, level="KHIEN_TRACH", decided_on=D(2024, 3, 1),
        start=D(2024, 3, 1), end=D(2025, 2, 28),
    )  # fmt: skip
    Absence.objects.create(
        person=person, reason="MATERNITY", start=D(2024, 5, 1), end=D(2024, 10, 31)
    )
    Freeze.objects.create(person=person, reason="INSPECTION", start=D(2025, 3, 1))

    # When the history is built from the database
    history = person_history(person)

    # Then it equals the case an officer would write by hand
    assert history == facts.PersonHistory(
        id=str(person.pk),
        name="Nguyễn Thị Hoa",
        recruitment_date=D(2012, 3, 1),
        ratings={2022: "HTTNV", 2023: "HTXSNV", 2024: "HTTNV"},
        awards=(
            facts.AwardFact(
                "LDTT", 2023, "CONG_TRANG", "2023/QĐ-LDTT", D(2023, 12, 20), False, str(ldtt.pk)
            ),
            facts.AwardFact(
                "CSTDCS",
                2023,
                "CONG_TRANG",
                "2023/QĐ-CSTDCS",
                D(2023, 12, 20),
                True,
                str(revoked.pk),
            ),
        ),
        initiatives=(
            facts.InitiativeFact(
                str(used.pk), "Sổ tay kiểm sát", 2023, D(2023, 11, 2), "NGANH", str(revoked.pk)
            ),
            facts.InitiativeFact(str(unscoped.pk), "Mẫu biểu", 2024, None, None, ""),
        ),
        absences=(facts.Absence("MATERNITY", D(2024, 5, 1), D(2024, 10, 31)),),
        disciplines=(
            facts.Discipline("KHIEN_TRACH", D(2024, 3, 1), D(2024, 3, 1), D(2025, 2, 28)),
        ),
        freezes=(facts.Freeze("INSPECTION", D(2025, 3, 1), None),),
        unit_id=str(org.hanoi.pk),
    )


def test_a_shared_initiative_appears_for_each_author(org):
    first, second = make_person(org.hanoi, "Một"), make_person(org.hanoi, "Hai")
    initiative = Initiative.objects.create(
        status="RECOGNISED", title="Chung", unit=org.hanoi, year=2024
    )
    initiative.authors.add(first, second)

    histories = person_histories(Person.objects.filter(pk__in=[first.pk, second.pk]))

    assert histories[first.pk].initiatives == histories[second.pk].initiatives
    assert histories[first.pk].initiatives[0].id == str(initiative.pk)


def _people_with_facts(org, count):
    persons = []
    for number in range(count):
        person = make_person(org.hanoi_division, f"Cán bộ {number}")
        YearlyRating.objects.create(person=person, year=2024, rating="HTTNV")
        grant("LDTT", 2024, person=person)
        Absence.objects.create(
            person=person, reason="ILLNESS", start=D(2024, 2, 1), end=D(2024, 2, 3)
        )
        Freeze.objects.create(
            person=person, reason="COMPLAINT", start=D(2024, 1, 1), end=D(2024, 2, 1)
        )
        Discipline.objects.create(
            person=person, level="CANH_CAO", decided_on=D(2024, 6, 1),
            start=D(2024, 6, 1), end=D(2025, 5, 31),
        )  # fmt: skip
        initiative = Initiative.objects.create(
            status="RECOGNISED", title=f"SK {number}", unit=org.hanoi, year=2024
        )
        initiative.authors.add(person)
        persons.append(person)
    return persons


def _queries(function, *args, **kwargs) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = function(*args, **kwargs)
    return len(captured), result


def test_person_histories_cost_the_same_queries_for_3_and_30_persons(org):
    few = _people_with_facts(org, 3)
    many = few + _people_with_facts(org, 27)

    few_queries, few_histories = _queries(
        person_histories, Person.objects.filter(pk__in=[p.pk for p in few])
    )
    many_queries, many_histories = _queries(
        person_histories, Person.objects.filter(pk__in=[p.pk for p in many])
    )

    assert (len(few_histories), len(many_histories)) == (3, 30)
    assert few_queries == many_queries == 7
    assert all(len(h.disciplines) == 1 and len(h.initiatives) == 1 for h in many_histories.values())


def test_unit_history_counts_members_of_the_unit_and_its_divisions_not_its_districts(org):
    # Given Hà Nội with one person of its own, two in its division, one in a district
    duc = make_person(org.hanoi, "Đức")
    binh, an = make_person(org.hanoi_division, "Bình"), make_person(org.hanoi_division, "An")
    make_person(org.ba_dinh, "Ba Đình", recruitment_date=D(2015, 1, 1))
    for person, rating in ((duc, "HTXSNV"), (binh, "HTTNV"), (an, "KHTNV")):
        YearlyRating.objects.create(person=person, year=2024, rating=rating)
    grant("LDTT", 2024, person=duc)
    grant("CSTDCS", 2024, person=duc)
    grant("LDTT", 2024, person=binh, revoked=True)
    Discipline.objects.create(
        person=an,
        level="CANH_CAO",
        decided_on=D(2024, 4, 1),
        start=D(2024, 4, 1),
        end=D(2025, 3, 31),
    )
    UnitYearlyRating.objects.create(unit=org.hanoi, year=2024, rating="HTXSNV")
    ttldtt = grant("TTLDTT", 2023, unit=org.hanoi)

    # When the unit's history is built for 2024
    histories = unit_histories(
        Unit.objects.filter(pk__in=[org.hanoi.pk, org.hanoi_division.pk]), [2024]
    )

    # Then Hà Nội counts itself and its division, the division only its own staff
    hanoi = histories[org.hanoi.pk]
    assert hanoi.ratings == {2024: "HTXSNV"}
    assert [(a.code, a.year, a.id) for a in hanoi.awards] == [("TTLDTT", 2023, str(ttldtt.pk))]
    # Bình's LĐTT was revoked but Bình is still eligible for it, so counts as advanced
    assert hanoi.members[2024] == facts.MemberStats(
        members=3, completed=2, advanced=2, fighters=1, warned_or_worse=1
    )
    assert histories[org.hanoi_division.pk].members[2024].members == 2
    assert hanoi.cluster_leader == {} and hanoi.freezes == ()
    assert hanoi.unit_type == "PROVINCIAL" and hanoi.id == str(org.hanoi.pk)


def test_unit_histories_cost_the_same_queries_for_2_and_9_units(org):
    _people_with_facts(org, 3)
    few = Unit.objects.filter(pk__in=[org.hanoi.pk, org.phu_tho.pk])

    few_queries, _ = _queries(unit_histories, few, [2024, 2025])
    all_queries, histories = _queries(unit_histories, Unit.objects.all(), [2024, 2025])

    assert len(histories) == Unit.objects.count()
    assert few_queries == all_queries


def test_cluster_leader_comes_from_closed_cluster_votes(org):
    from tdkt.emulation.models import Cluster, ClusterMember
    from tdkt.rules.engine import evaluate
    from tdkt.rules.verdicts import Check
    from tdkt.scoring.models import ClusterVote, VoteStatus

    def cluster(year, members, *, leading=None, status=VoteStatus.CLOSED):
        made = Cluster.objects.create(year=year, kind="CUM", name=f"Cụm {year}", organiser=org.root)
        for unit in members:
            ClusterMember.objects.create(cluster=made, unit=unit)
        ClusterVote.objects.create(
            cluster=made,
            status=status,
            share="0.800",
            denominator="members",
            member_count=len(members),
            leading_unit=leading,
        )

    # Given: 2024 closed with Hà Nội leading; 2025 still open; 2023 closed with nobody leading
    cluster(2024, [org.hanoi, org.vinh_phuc, org.hoa_binh], leading=org.hanoi)
    cluster(2025, [org.hanoi, org.phu_tho], status=VoteStatus.OPEN)
    cluster(2023, [org.hanoi, org.vinh_phuc])

    histories = unit_histories(Unit.objects.filter(parent=org.root), [2024])

    assert histories[org.hanoi.pk].cluster_leader == {2023: False, 2024: True}
    assert histories[org.vinh_phuc.pk].cluster_leader == {2023: False, 2024: False}
    assert histories[org.phu_tho.pk].cluster_leader == {}
    # and the rules read it: the leading-unit condition of the sector flag is decided
    led = evaluate(histories[org.hanoi.pk], "CO_NGANH", 2024)
    other = evaluate(histories[org.vinh_phuc.pk], "CO_NGANH", 2024)
    checks = {v.subject_id: {c.key: c.check for c in v.conditions} for v in (led, other)}
    assert checks[str(org.hanoi.pk)]["cluster_leader"] == Check.MET
    assert checks[str(org.vinh_phuc.pk)]["cluster_leader"] == Check.NOT_MET


def test_only_recognised_initiatives_are_facts(org):
    # Given one initiative in each status, all by the same author
    person = make_person(org.hanoi, "Ngô Văn Tâm")
    for status in ("DRAFT", "SUBMITTED", "REFUSED", "RECOGNISED"):
        initiative = Initiative.objects.create(
            title=status, unit=org.hanoi, year=2024, status=status, recognised_on=D(2024, 6, 1)
        )
        initiative.authors.add(person)
    # Then only the recognised one reaches the rule engine
    assert [fact.title for fact in person_history(person).initiatives] == ["RECOGNISED"]
