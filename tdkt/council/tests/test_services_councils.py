"""Councils and members: creation by the right officer, the period, one chair, removal."""

import datetime as dt

import pytest
from django.http import Http404

from tdkt.core.concurrency import STALE_EDIT
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.council.models import MemberRole
from tdkt.council.services import councils as services
from tdkt.council.services.councils import CouncilInput
from tdkt.testing import make_user

pytestmark = pytest.mark.django_db


def test_sector_council_needs_the_sector_officer(org, users):
    data = CouncilInput(unit=org.root, name="HĐ ngành", valid_from=dt.date(2025, 1, 1))
    with pytest.raises(Http404):
        services.council_create(data=data, user=users["hanoi_officer"])
    council = services.council_create(data=data, user=users["sector"])
    assert council.unit == org.root and council.version == 1


def test_unit_officer_creates_own_council_only(org, users):
    data = CouncilInput(unit=org.phu_tho, name="HĐ Phú Thọ", valid_from=dt.date(2025, 7, 1))
    with pytest.raises(Http404):
        services.council_create(data=data, user=users["hanoi_officer"])
    assert services.council_create(data=data, user=users["phu_tho_officer"]).pk


def test_period_must_be_ordered(org, users):
    data = CouncilInput(
        unit=org.hanoi, name="HĐ", valid_from=dt.date(2025, 1, 1), valid_to=dt.date(2024, 1, 1)
    )
    with pytest.raises(DomainError) as error:
        services.council_create(data=data, user=users["hanoi_officer"])
    assert error.value.message == services.PERIOD_ORDER


def test_concurrent_edit_is_refused(council, users):
    data = CouncilInput(unit=council.unit, name="Tên mới", valid_from=council.valid_from)
    services.council_update(council=council, data=data, user=users["sector"], expected_version=1)
    stale = CouncilInput(unit=council.unit, name="Tên khác", valid_from=council.valid_from)
    with pytest.raises(StaleEditError) as error:
        services.council_update(
            council=council, data=stale, user=users["sector"], expected_version=1
        )
    assert error.value.message == STALE_EDIT
    council.refresh_from_db()
    assert council.name == "Tên mới"


def test_one_chair_and_no_double_seat(council, seats, users, org):
    other = make_user("nguoi.khac", ("COUNCIL_MEMBER", org.root))
    with pytest.raises(DomainError) as error:
        services.member_add(
            council=council, member_user=other, role=MemberRole.CHAIR, user=users["sector"]
        )
    assert error.value.code == "one_chair"
    with pytest.raises(DomainError) as error:
        services.member_add(
            council=council,
            member_user=seats["uy.vien.1"],
            role=MemberRole.MEMBER,
            user=users["sector"],
        )
    assert error.value.code == "already_member"


def test_member_outside_the_unit_is_refused(hanoi_council, users):
    with pytest.raises(DomainError) as error:
        services.member_add(
            council=hanoi_council,
            member_user=users["phu_tho_officer"],
            role=MemberRole.MEMBER,
            user=users["hanoi_officer"],
        )
    assert error.value.code == "out_of_scope"


def test_member_who_attended_cannot_be_removed(ready_meeting, council, seats, users):
    member = council.members.get(user=seats["uy.vien.1"])
    with pytest.raises(DomainError) as error:
        services.member_remove(member=member, user=users["sector"])
    assert error.value.code == "took_part"
    secretary = council.members.get(user=seats["thu.ky"])
    services.member_remove(member=secretary, user=users["sector"])
    assert not council.members.filter(user=seats["thu.ky"]).exists()
