"""Fixtures of the scoring tests: a published table and a 2026 cluster of three provinces."""

import pytest

from tdkt.accounts.models import Role
from tdkt.scoring.tests.builders import make_cluster, make_table
from tdkt.testing import make_user


@pytest.fixture
def table(db):
    return make_table(year_from=2024)


@pytest.fixture
def cluster(org, table):
    cluster, _third = make_cluster(org, year=2026)
    return cluster


@pytest.fixture
def nghe_an(cluster):
    return cluster.members.get(unit__code="T-NA").unit


@pytest.fixture
def nghe_an_officer(nghe_an):
    return make_user("tdkt.nghean", (Role.UNIT_OFFICER, nghe_an))
