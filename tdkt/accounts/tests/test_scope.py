"""Reach of roles: a role covers its unit's subtree and the subtrees of the units it succeeded."""

import datetime as dt

import pytest

from tdkt.accounts.models import Role
from tdkt.accounts.scope import reach_of
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.testing import make_user


@pytest.mark.django_db
def test_merged_province_officer_reaches_the_history_of_absorbed_provinces(people, users):
    visible = set(
        Person.objects.restrict(users["phu_tho_officer"]).values_list("full_name", flat=True)
    )
    assert visible == {"Lê Văn Cường", "Phạm Thị Dung"}


@pytest.mark.django_db
def test_unmerged_province_officer_sees_its_own_subtree_only(org, people, users):
    user = users["hanoi_officer"]
    visible = set(Person.objects.restrict(user).values_list("full_name", flat=True))
    assert visible == {"Đặng Văn Đức", "Trần Thị Bình"}
    units = set(Unit.objects.restrict(user).values_list("code", flat=True))
    assert units == {"T-HN", "T-HN-P01", "H-HN-BADINH", "KV-HN-01"}


@pytest.mark.django_db
def test_area_officer_reaches_the_districts_it_took_over(org, people):
    user = make_user("tdkt.kv1.pt", (Role.UNIT_OFFICER, org.area_phu_tho_1))
    units = set(Unit.objects.restrict(user).values_list("code", flat=True))
    assert units == {"KV-PT-01", "H-HB-LACSON"}


@pytest.mark.django_db
def test_sector_officer_reaches_everything(org, people, users):
    assert Person.objects.restrict(users["sector"]).count() == Person.objects.count()


@pytest.mark.django_db
def test_read_only_roles_cannot_change(org, people, users):
    leader = users["hanoi_leader"]
    assert Person.objects.restrict(leader, "view").exists()
    assert not Person.objects.restrict(leader, "change_people").exists()
    assert not reach_of(leader).allows_anywhere("import")


@pytest.mark.django_db
def test_anonymous_and_role_less_users_reach_nothing(org, people, users):
    from django.contrib.auth.models import AnonymousUser

    assert not Person.objects.restrict(AnonymousUser()).exists()
    assert not Person.objects.restrict(users["no_role"]).exists()
    assert not Unit.objects.restrict(users["no_role"]).exists()


@pytest.mark.django_db
def test_reach_costs_a_fixed_number_of_queries(org, users, django_assert_max_num_queries):
    user = users["phu_tho_officer"]
    with django_assert_max_num_queries(4):
        reach_of(user)
    with django_assert_max_num_queries(0):
        reach_of(user)


@pytest.mark.django_db
def test_several_roles_and_generations_in_fixed_queries(org, django_assert_max_num_queries):
    from tdkt.org.models import EventKind, UnitType
    from tdkt.org.services import restructuring_record, unit_create

    later = unit_create(
        code="KV-PT-01B", short_name="VKSND khu vực Việt Trì", full_name="x",
        unit_type=UnitType.AREA, parent=org.phu_tho, valid_from=dt.date(2030, 1, 1),
    )  # fmt: skip
    restructuring_record(
        kind=EventKind.RENAME, date=dt.date(2030, 1, 1), predecessors=[org.area_phu_tho_1],
        successors=[later], close_predecessors=True,
    )  # fmt: skip
    user = make_user("hai.vai", (Role.UNIT_OFFICER, later), (Role.LEADER, org.area_hanoi_1))
    with django_assert_max_num_queries(5):
        reach = reach_of(user)
    assert set(Unit.objects.restrict(user).values_list("code", flat=True)) >= {
        "KV-PT-01B", "KV-PT-01", "H-HB-LACSON", "KV-HN-01", "H-HN-BADINH",
    }  # fmt: skip
    assert not Unit.objects.restrict(user).filter(code="T-HB").exists()
    assert not reach.allows_anywhere("change_org")
