import pytest
from django.db import IntegrityError, transaction

from tdkt.emulation.models import Cluster, ClusterKind, ClusterMember, MemberRole

pytestmark = pytest.mark.django_db


def _cluster(org, name="Cụm 1", year=2026, organiser=None):
    return Cluster.objects.create(
        year=year, kind=ClusterKind.CLUSTER, name=name, organiser=organiser or org.root
    )


def test_restrict_by_organiser_or_member_without_duplicates(org, users):
    sector_cluster = _cluster(org)
    ClusterMember.objects.create(cluster=sector_cluster, unit=org.hanoi, role=MemberRole.HEAD)
    ClusterMember.objects.create(cluster=sector_cluster, unit=org.hanoi_division)
    ClusterMember.objects.create(cluster=sector_cluster, unit=org.phu_tho)
    hanoi_block = _cluster(org, "Khối các phòng", organiser=org.hanoi)
    other = _cluster(org, "Cụm 2")
    ClusterMember.objects.create(cluster=other, unit=org.office)

    def visible(user):
        return list(Cluster.objects.restrict(user).order_by("pk"))

    assert visible(users["hanoi_officer"]) == [sector_cluster, hanoi_block]
    assert visible(users["phu_tho_officer"]) == [sector_cluster]
    assert visible(users["sector"]) == [sector_cluster, hanoi_block, other]
    assert visible(users["no_role"]) == []
    assert visible(users["staff_duc"]) == []


def test_superuser_reaches_every_cluster(org):
    from tdkt.accounts.models import User

    admin = User.objects.create_superuser("quantri", password="x")
    _cluster(org)
    _cluster(org, "Cụm 2")
    assert Cluster.objects.restrict(admin).count() == 2


def test_one_head_and_one_deputy_per_cluster(org):
    cluster = _cluster(org)
    ClusterMember.objects.create(cluster=cluster, unit=org.hanoi, role=MemberRole.HEAD)
    ClusterMember.objects.create(cluster=cluster, unit=org.office, role=MemberRole.DEPUTY)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClusterMember.objects.create(cluster=cluster, unit=org.phu_tho, role=MemberRole.HEAD)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClusterMember.objects.create(cluster=cluster, unit=org.phu_tho, role=MemberRole.DEPUTY)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClusterMember.objects.create(cluster=cluster, unit=org.hanoi)
    ClusterMember.objects.create(cluster=cluster, unit=org.phu_tho)
    assert cluster.members.count() == 3
