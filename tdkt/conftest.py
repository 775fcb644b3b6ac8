"""Fixtures shared by every app's tests."""

import pytest

from tdkt.accounts.models import Role
from tdkt.testing import build_org, make_person, make_user


@pytest.fixture
def org(db):
    return build_org()


@pytest.fixture
def people(org):
    """A few persons: two in Hà Nội, one in Phú Thọ, one who left Hòa Bình before the merger."""
    import datetime as dt

    return {
        "duc": make_person(org.hanoi, "Đặng Văn Đức"),
        "hanoi_division": make_person(org.hanoi_division, "Trần Thị Bình", gender="F"),
        "phu_tho": make_person(org.area_phu_tho_1, "Lê Văn Cường"),
        "hoa_binh_left": make_person(
            org.hoa_binh_district, "Phạm Thị Dung", gender="F", leaving_date=dt.date(2024, 5, 1)
        ),
    }


@pytest.fixture
def users(org, people):
    """One user per situation of the permission matrix."""
    return {
        "no_role": make_user("khongvaitro"),
        "sector": make_user("nganh", (Role.SECTOR_OFFICER, org.root)),
        "hanoi_officer": make_user("tdkt.hanoi", (Role.UNIT_OFFICER, org.hanoi)),
        "phu_tho_officer": make_user("tdkt.phutho", (Role.UNIT_OFFICER, org.phu_tho)),
        "hanoi_leader": make_user("lanhdao.hanoi", (Role.LEADER, org.hanoi)),
        "staff_duc": make_user("canbo.duc", (Role.STAFF, org.hanoi), person=people["duc"]),
    }
