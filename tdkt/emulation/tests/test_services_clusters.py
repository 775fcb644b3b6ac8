"""Cluster rules: membership once per organiser and year, rotation and eligibility of heads,
the elected deputy, and creating next year's clusters."""

import datetime as dt

import pytest

from tdkt.accounts.models import Role
from tdkt.core.errors import DomainError
from tdkt.emulation.models import Cluster, ClusterKind, ClusterMember, MemberRole
from tdkt.emulation.services import clusters as services
from tdkt.emulation.services.clusters import ClusterInput
from tdkt.org.models import UnitType, UnitYearlyRating
from tdkt.org.services import unit_create
from tdkt.testing import make_user

pytestmark = pytest.mark.django_db


def _rate(unit, year, rating="HTXSNV"):
    UnitYearlyRating.objects.create(unit=unit, year=year, rating=rating)


def _input(org, members, year=2026, name="Cụm 1", **extra):
    return ClusterInput(
        year=year, kind=ClusterKind.CLUSTER, name=name, organiser=org.root, members=members,
        **extra,
    )  # fmt: skip


def _error(call, **kwargs):
    with pytest.raises(DomainError) as info:
        call(**kwargs)
    return info.value


def test_create_with_head_and_elected_deputy(org):
    _rate(org.hanoi, 2025)
    _rate(org.phu_tho, 2025)
    data = _input(
        org, [org.hanoi, org.phu_tho, org.office], head=org.hanoi, deputy=org.phu_tho,
        deputy_elected_on=dt.date(2026, 1, 15),
    )  # fmt: skip
    cluster = services.cluster_create(data=data)
    roles = {m.unit_id: (m.role, m.elected_on) for m in cluster.members.all()}
    assert roles[org.hanoi.pk] == (MemberRole.HEAD, None)
    assert roles[org.phu_tho.pk] == (MemberRole.DEPUTY, dt.date(2026, 1, 15))
    assert roles[org.office.pk] == (MemberRole.MEMBER, None)


def test_unit_in_at_most_one_cluster_per_organiser_and_year(org):
    services.cluster_create(data=_input(org, [org.hanoi, org.phu_tho]))
    error = _error(services.cluster_create, data=_input(org, [org.hanoi, org.office], name="Cụm 2"))
    assert error.field == "members" and "Cụm 1" in error.message
    # another year, or another organiser, is fine
    services.cluster_create(data=_input(org, [org.hanoi, org.office], year=2027))
    block = ClusterInput(
        year=2026, kind=ClusterKind.BLOCK, name="Khối các phòng", organiser=org.hanoi,
        members=[org.hanoi_division, org.area_hanoi_1],
    )  # fmt: skip
    services.cluster_create(data=block)


def test_unrated_unit_can_be_neither_head_nor_deputy(org):
    _rate(org.hanoi, 2025)
    error = _error(
        services.cluster_create, data=_input(org, [org.hanoi, org.office], head=org.office)
    )
    assert error.field == "head" and "chưa được xếp loại năm 2025" in error.message
    error = _error(
        services.cluster_create,
        data=_input(
            org, [org.hanoi, org.office], head=org.hanoi, deputy=org.office,
            deputy_elected_on=dt.date(2026, 1, 5),
        ),
    )  # fmt: skip
    assert error.field == "deputy"


def test_merged_unit_counts_the_ratings_of_its_predecessors(org):
    _rate(org.vinh_phuc, 2024)
    assert services.rated_units({org.phu_tho.pk, org.hanoi.pk}, 2024) == {org.phu_tho.pk}


def test_deputy_needs_a_plausible_election_date(org):
    _rate(org.hanoi, 2025)
    _rate(org.phu_tho, 2025)
    members = [org.hanoi, org.phu_tho]
    error = _error(services.cluster_create, data=_input(org, members, deputy=org.phu_tho))
    assert error.field == "deputy_elected_on"
    data = _input(org, members, deputy=org.phu_tho, deputy_elected_on=dt.date(2020, 1, 1))
    assert _error(services.cluster_create, data=data).field == "deputy_elected_on"
    data = _input(
        org, members, head=org.hanoi, deputy=org.hanoi, deputy_elected_on=dt.date(2026, 1, 1)
    )
    assert _error(services.cluster_create, data=data).message == services.HEAD_IS_DEPUTY


def test_members_must_be_in_the_organisers_subtree_and_exist_that_year(org):
    data = _input(org, [org.hanoi, org.vinh_phuc])
    assert "không còn hoạt động" in _error(services.cluster_create, data=data).message
    block = ClusterInput(
        year=2026, kind=ClusterKind.BLOCK, name="Khối", organiser=org.hanoi,
        members=[org.hanoi_division, org.phu_tho],
    )  # fmt: skip
    assert "không thuộc" in _error(services.cluster_create, data=block).message
    assert _error(services.cluster_create, data=_input(org, [org.hanoi])).field == "members"


def test_only_an_organiser_with_manage_emulation_may_create(org, users):
    data = _input(org, [org.hanoi, org.phu_tho])
    assert _error(services.cluster_create, data=data, user=users["hanoi_officer"]).field == (
        "organiser"
    )
    assert _error(services.cluster_create, data=data, user=users["hanoi_leader"]).field == (
        "organiser"
    )
    block = ClusterInput(
        year=2026, kind=ClusterKind.BLOCK, name="Khối", organiser=org.hanoi,
        members=[org.hanoi_division, org.area_hanoi_1],
    )  # fmt: skip
    assert services.cluster_create(data=block, user=users["hanoi_officer"]).pk


def test_follower_must_be_a_council_member_of_the_organiser_or_above(org):
    council = make_user("hoidong", (Role.COUNCIL_MEMBER, org.root))
    local = make_user("hoidong.hanoi", (Role.COUNCIL_MEMBER, org.hanoi))
    assert services.cluster_create(data=_input(org, [org.hanoi, org.phu_tho], follower=council))
    data = _input(org, [org.hanoi, org.office], year=2027, follower=local)
    assert _error(services.cluster_create, data=data).field == "follower"


def test_update_refuses_a_stale_edit(org):
    cluster = services.cluster_create(data=_input(org, [org.hanoi, org.phu_tho]))
    data = _input(org, [org.hanoi, org.phu_tho, org.office], name="Cụm 1 mới")
    services.cluster_update(cluster=cluster, data=data, expected_version=1)
    assert cluster.members.count() == 3 and cluster.version == 2
    stale = _input(org, [org.hanoi, org.phu_tho])
    error = _error(services.cluster_update, cluster=cluster, data=stale, expected_version=1)
    assert error.code == "stale"
    assert Cluster.objects.get().name == "Cụm 1 mới"


def test_rotation_longest_without_being_head_first_ties_by_code(org):
    a, b, c = org.hanoi, org.phu_tho, org.office  # codes T-HN, T-PT2025, VKSNDTC-VP
    for year in (2023, 2024, 2025):
        _rate(a, year)
        _rate(b, year)
        _rate(c, year)
    services.cluster_create(data=_input(org, [a, c], year=2024, head=c))
    services.cluster_create(data=_input(org, [a, b, c], year=2025, head=a))
    order = services.rotation_order([a, b, c], organiser=org.root, year=2026)
    assert order == [b, c, a]  # b never headed; c headed in 2024; a in 2025
    assert services.next_head([a, b, c], organiser=org.root, year=2026) == b


def test_next_head_skips_units_not_rated_the_previous_year(org):
    _rate(org.office, 2025)
    units = [org.hanoi, org.phu_tho, org.office]
    assert services.next_head(units, organiser=org.root, year=2026) == org.office
    assert services.next_head([org.hanoi], organiser=org.root, year=2026) is None


def test_copy_to_next_year(org):
    for unit in (org.vinh_phuc, org.hoa_binh, org.hanoi):
        _rate(unit, 2024)
    for unit in (org.phu_tho, org.hanoi, org.office):
        _rate(unit, 2025)
    council = make_user("hoidong", (Role.COUNCIL_MEMBER, org.root))
    data = ClusterInput(
        year=2025, kind=ClusterKind.CLUSTER, name="Cụm 1", organiser=org.root,
        members=[org.hanoi, org.vinh_phuc, org.hoa_binh], head=org.hanoi,
        deputy=org.vinh_phuc, deputy_elected_on=dt.date(2025, 1, 10), follower=council,
        synthetic=True,
    )  # fmt: skip
    services.cluster_create(data=data)
    services.cluster_create(
        data=ClusterInput(
            year=2025, kind=ClusterKind.BLOCK, name="Khối 1", organiser=org.root,
            members=[org.office, org.hanoi_division],
        )
    )  # fmt: skip
    created = services.clusters_copy_to_next_year(organiser=org.root, year=2025)
    assert [c.name for c in created] == ["Cụm 1", "Khối 1"]
    cluster = Cluster.objects.get(year=2026, name="Cụm 1")
    members = {m.unit: m.role for m in cluster.members.select_related("unit")}
    # Vĩnh Phúc and Hòa Bình ended on 30/6/2025: Phú Thọ replaces both, once
    assert members == {org.hanoi: MemberRole.MEMBER, org.phu_tho: MemberRole.HEAD}
    assert cluster.follower == council and cluster.synthetic
    assert not ClusterMember.objects.filter(cluster=cluster, role=MemberRole.DEPUTY).exists()
    block = Cluster.objects.get(year=2026, name="Khối 1")
    assert block.members.get(role=MemberRole.HEAD).unit == org.office  # only rated member
    error = _error(services.clusters_copy_to_next_year, organiser=org.root, year=2025)
    assert "đã có cụm, khối" in error.message
    assert Cluster.objects.filter(year=2026).count() == 2


def test_copy_refuses_an_empty_year_and_an_outsider(org, users):
    assert (
        "chưa có cụm"
        in _error(services.clusters_copy_to_next_year, organiser=org.root, year=2030).message
    )
    error = _error(
        services.clusters_copy_to_next_year, organiser=org.root, year=2025,
        user=users["hanoi_officer"],
    )  # fmt: skip
    assert error.field == "organiser"


def test_copy_leaves_out_a_dissolved_unit(org):
    gone = unit_create(
        code="T-XX", short_name="VKSND tỉnh X", full_name="VKSND tỉnh X",
        unit_type=UnitType.PROVINCIAL, parent=org.root, valid_from=dt.date(2015, 1, 1),
        valid_to=dt.date(2025, 12, 31),
    )  # fmt: skip
    services.cluster_create(data=_input(org, [org.hanoi, gone], year=2025))
    services.clusters_copy_to_next_year(organiser=org.root, year=2025)
    assert [m.unit for m in Cluster.objects.get(year=2026).members.all()] == [org.hanoi]
