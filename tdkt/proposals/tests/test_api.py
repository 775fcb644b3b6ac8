"""The read-only API: scoped, paginated, with the stored verdict and the dossier state."""

import pytest
from django.test.utils import CaptureQueriesContext

from tdkt.catalog.models import AwardType
from tdkt.proposals.services.proposals import line_add
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db


def test_rounds_are_listed_for_users_with_a_role(client, annual, users):
    assert client.get("/api/v1/proposals/rounds").status_code == 401
    client.force_login(users["no_role"])
    assert client.get("/api/v1/proposals/rounds").json()["count"] == 0
    assert client.get(f"/api/v1/proposals/rounds/{annual.pk}").status_code == 404
    client.force_login(users["phu_tho_officer"])
    body = client.get("/api/v1/proposals/rounds?year=2026").json()
    assert body["count"] == 1
    assert set(body["items"][0]["award_codes"]) == {"LDTT", "CSTDCS", "TTLDXS"}
    assert client.get(f"/api/v1/proposals/rounds/{annual.pk}").json()["kind"] == "HANG_NAM"


def test_proposals_are_scoped(client, duc_line, hanoi_proposal, users):
    client.force_login(users["phu_tho_officer"])
    assert client.get("/api/v1/proposals").json()["count"] == 0
    client.force_login(users["hanoi_officer"])
    body = client.get("/api/v1/proposals").json()
    assert body["items"][0]["unit_name"] == "VKSND thành phố Hà Nội"
    assert body["items"][0]["line_count"] == 1


def test_line_carries_verdict_and_dossier(client, duc_line, users):
    client.force_login(users["hanoi_officer"])
    body = client.get(f"/api/v1/proposals/lines/{duc_line.pk}").json()
    assert body["code"] == "LDTT" and body["candidate_name"] == "Đặng Văn Đức"
    assert body["outcome"] == duc_line.outcome
    assert body["dossier_complete"] is False
    assert body["dossier"][0]["mandatory"] is True


def test_lines_route_is_paginated_with_fixed_queries(client, hanoi_proposal, org, users):
    from django.db import connection

    client.force_login(users["hanoi_officer"])
    url = f"/api/v1/proposals/{hanoi_proposal.pk}/lines?page_size=2"
    ldtt = AwardType.objects.get(code="LDTT")
    for index in range(3):
        line_add(
            proposal=hanoi_proposal, person=make_person(org.hanoi, f"A {index}"), award_type=ldtt
        )
    with CaptureQueriesContext(connection) as small:
        body = client.get(url).json()
    assert body["count"] == 3 and len(body["items"]) == 2
    for index in range(6):
        line_add(
            proposal=hanoi_proposal, person=make_person(org.hanoi, f"B {index}"), award_type=ldtt
        )
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large.captured_queries) <= len(small.captured_queries)


def test_no_role_gets_an_empty_proposal_list(client, hanoi_proposal, users):
    client.force_login(users["no_role"])
    response = client.get("/api/v1/proposals")
    assert response.status_code == 200 and response.json()["count"] == 0
