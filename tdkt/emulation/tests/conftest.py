"""Fixtures of the emulation tests: a sector cluster and a Hà Nội block for 2026."""

import datetime as dt

import pytest

from tdkt.emulation.models import ClusterKind
from tdkt.emulation.services.clusters import ClusterInput, cluster_create
from tdkt.org.models import UnitYearlyRating


@pytest.fixture
def clusters(org, users):
    for unit in (org.hanoi, org.phu_tho, org.office, org.hanoi_division, org.area_hanoi_1):
        UnitYearlyRating.objects.create(unit=unit, year=2025, rating="HTXSNV")
    sector = cluster_create(
        data=ClusterInput(
            year=2026, kind=ClusterKind.CLUSTER, name="Cụm 1", organiser=org.root,
            members=[org.hanoi, org.phu_tho, org.office], head=org.hanoi, deputy=org.phu_tho,
            deputy_elected_on=dt.date(2026, 1, 20), synthetic=True,
        )
    )  # fmt: skip
    hanoi_block = cluster_create(
        data=ClusterInput(
            year=2026, kind=ClusterKind.BLOCK, name="Khối các phòng", organiser=org.hanoi,
            members=[org.hanoi_division, org.area_hanoi_1], head=org.hanoi_division,
        )
    )  # fmt: skip
    return {"sector": sector, "hanoi_block": hanoi_block}
