"""The statistics API returns the page's figures (the same function), within the caller's
reach, with Vietnamese messages for bad input."""

import pytest

from tdkt.reports.statistics.figures import statistics_for
from tdkt.reports.statistics.scope import statistics_scope
from tdkt.reports.tests.statistics_data import build_awards, build_proposals

pytestmark = pytest.mark.django_db
URL = "/api/v1/statistics/?year_from=2016&year_to=2026"


@pytest.fixture
def world(org, people, users):
    build_awards(org, people)
    return build_proposals(org, people, users)


def test_the_api_returns_the_same_tables_as_the_page(world, users, client):
    client.force_login(users["hanoi_officer"])
    body = client.get(URL).json()
    stats = statistics_for(
        statistics_scope(user=users["hanoi_officer"], year_from=2016, year_to=2026)
    )
    assert body["summary"]["awards"] == stats.summary.awards
    assert [t["slug"] for t in body["tables"]] == [t.slug for t in stats.tables]
    for got, table in zip(body["tables"], stats.tables, strict=True):
        assert [r["key"] for r in got["rows"]] == [r.key for r in table.rows]
        for got_row, row in zip(got["rows"], table.rows, strict=True):
            for got_cell, cell in zip(got_row["cells"], row.cells, strict=True):
                assert float(got_cell["value"] or 0) == float(cell.value or 0)
                assert got_cell["filters"] == cell.drill


def test_anonymous_callers_get_401(world, client):
    assert client.get(URL).status_code == 401
    assert client.get("/api/v1/statistics/dashboard").status_code == 401


@pytest.mark.parametrize("who", ["no_role", "staff_duc"])
def test_callers_without_a_role_at_a_unit_get_404(world, users, client, who):
    client.force_login(users[who])
    assert client.get(URL).status_code == 404
    assert client.get("/api/v1/statistics/dashboard").status_code == 404


def test_a_unit_outside_the_reach_answers_404(world, org, users, client):
    client.force_login(users["hanoi_officer"])
    assert client.get(f"{URL}&unit={org.phu_tho.pk}").status_code == 404
    assert client.get(f"{URL}&unit={org.hanoi.pk}").status_code == 200


def test_a_reversed_period_answers_400_with_the_reason(world, users, client):
    client.force_login(users["sector"])
    response = client.get("/api/v1/statistics/?year_from=2025&year_to=2020")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "“Đến năm” phải bằng hoặc sau “Từ năm”.",
        "field": "year_to",
    }
    response = client.get("/api/v1/statistics/?year_from=abc&year_to=2020")
    assert response.status_code == 422
    assert "phải là số nguyên" in response.json()["errors"][0]["message"]


def test_the_dashboard_api_returns_the_pages_figures(world, users, client):
    client.force_login(users["hanoi_officer"])
    body = client.get("/api/v1/statistics/dashboard").json()
    assert body["award_year"] == 2025
    assert body["figures"][0]["current"] == 5
    assert {(i["status"], i["count"]) for i in body["late"]} == {("SUBMITTED", 1), ("RETURNED", 1)}
