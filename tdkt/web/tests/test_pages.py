"""The home dashboard counts within scope; pages reference only the server's own origin."""

import re

import pytest
from django.urls import reverse

from tdkt.people import services

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)


@pytest.mark.django_db
def test_dashboard_counts_the_users_scope_only(client, org, people, users):
    services.rating_set(person=people["duc"], year=2025, rating="HTXSNV", reason="x")
    services.rating_set(person=people["phu_tho"], year=2025, rating="HTTNV", reason="x")
    client.force_login(users["hanoi_officer"])
    dashboard = client.get(reverse("web:home")).context["dashboard"]
    assert dashboard.people == 2
    assert dashboard.women_share == 0.5
    assert dashboard.units == 3  # Hà Nội, its division and area 1 on today's date
    excellent = next(d for d in dashboard.chart["datasets"] if d["code"] == "HTXSNV")
    good = next(d for d in dashboard.chart["datasets"] if d["code"] == "HTTNV")
    index = dashboard.chart["labels"].index("2025")
    assert excellent["data"][index] == 1 and good["data"][index] == 0


@pytest.mark.django_db
def test_home_explains_missing_roles(client, users):
    client.force_login(users["no_role"])
    assert "chưa được giao vai trò" in client.get(reverse("web:home")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name", ["web:home", "org:tree", "people:list", "accounts:tokens", "login"]
)
def test_pages_load_nothing_from_other_origins(client, users, url_name):
    if url_name != "login":
        client.force_login(users["sector"])
    html = client.get(reverse(url_name)).content.decode()
    assert not EXTERNAL.findall(html)


@pytest.mark.django_db
def test_api_docs_are_served_locally_and_need_login(client, users):
    assert client.get("/api/v1/docs").status_code == 302
    client.force_login(users["sector"])
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert not EXTERNAL.findall(response.content.decode())
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/people" in schema["paths"]
