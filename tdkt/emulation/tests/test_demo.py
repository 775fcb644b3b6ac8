"""The demo's emulation data at a small scale: clusters that obey the rules, signed covenants,
movements with reviews, registrations for 2025 and 2026."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Q

from tdkt.accounts.models import User
from tdkt.demo.accounts import DEMO_USERNAMES
from tdkt.demo.flush import flush_domain_data
from tdkt.emulation.models import (
    Cluster,
    ClusterMember,
    CovenantSignature,
    MemberRole,
    Movement,
    MovementReview,
    RegistrationPeriod,
    UnitRegistration,
)
from tdkt.emulation.services.clusters import rated_units
from tdkt.org.models import UnitType


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("demo_data", scale=0.01, seed=11, stdout=io.StringIO())
        yield
        with transaction.atomic():
            flush_domain_data()
            RegistrationPeriod.objects.all().delete()  # refers to no unit: flush keeps it
            User.objects.filter(username__in=DEMO_USERNAMES).delete()


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_synthetic_grouping_of_the_34_provinces_each_year():
    for year in (2025, 2026):
        clusters = Cluster.objects.filter(year=year, organiser__code="VKSNDTC", kind="CUM")
        assert 6 <= clusters.count() <= 8 and all(c.synthetic for c in clusters)
        members = ClusterMember.objects.filter(cluster__in=clusters)
        assert members.count() == 34
        assert set(members.values_list("unit__unit_type", flat=True)) == {UnitType.PROVINCIAL}
    assert Cluster.objects.filter(organiser__code="VKSNDTC", kind="KHOI").count() == 2
    for code in ("T-HN", "T25-PT"):
        kinds = set(Cluster.objects.filter(organiser__code=code).values_list("kind", flat=True))
        assert kinds == {"CUM", "KHOI"}


def test_heads_and_deputies_follow_the_rules():
    leaders = ClusterMember.objects.filter(role__in=[MemberRole.HEAD, MemberRole.DEPUTY])
    for member in leaders.select_related("cluster"):
        year = member.cluster.year
        assert rated_units({member.unit_id}, year - 1) == {member.unit_id}
    deputies = ClusterMember.objects.filter(role=MemberRole.DEPUTY)
    assert deputies.exists() and not deputies.filter(elected_on__isnull=True).exists()
    # the head rotates: no 2026 cluster keeps its 2025 head
    for cluster in Cluster.objects.filter(year=2026):
        previous = Cluster.objects.get(organiser=cluster.organiser, year=2025, name=cluster.name)
        head = cluster.members.filter(role=MemberRole.HEAD).first()
        old = previous.members.filter(role=MemberRole.HEAD).first()
        if head and old:
            assert head.unit_id != old.unit_id


def test_every_covenant_is_fully_signed():
    clusters = Cluster.objects.annotate(
        members_n=Count("members", distinct=True),
        signed=Count("covenant__signatures", distinct=True),
    )
    assert clusters.exists() and all(c.members_n == c.signed for c in clusters)
    assert CovenantSignature.objects.exists()


def test_movements_reviews_and_registrations():
    assert Movement.objects.filter(kind="CHUYEN_DE", start_year=2019, end_year=2025).exists()
    assert MovementReview.objects.filter(stage="TONG_KET").exists()
    regs = UnitRegistration.objects.filter(year=2026)
    assert regs.count() >= 4
    assert regs.filter(~Q(persons=None)).exists()
    assert UnitRegistration.objects.filter(year=2025).exists()
