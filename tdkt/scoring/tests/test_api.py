"""API routes of scoring: scoped, paginated, totals computed, vote without voter data."""

from decimal import Decimal

import pytest

from tdkt.scoring.services import cards, reviews, votes
from tdkt.scoring.tests.builders import score_all
from tdkt.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(org, cluster, users, nghe_an, nghe_an_officer):
    for unit, user, value in ((org.hanoi, users["hanoi_officer"], "8"),
                              (org.phu_tho, users["phu_tho_officer"], "9"),
                              (nghe_an, nghe_an_officer, "7")):  # fmt: skip
        card = score_all(cards.scorecard_start(cluster=cluster, unit=unit, user=user), user,
                         Decimal(value))  # fmt: skip
        cards.scorecard_submit(scorecard=card, expected_version=card.version, user=user)
    return cluster


def test_scorecards_are_listed_with_totals_and_paginated(client, scored, users):
    client.force_login(users["sector"])
    body = client.get("/api/v1/scoring/scorecards", {"year": 2026, "page_size": 2}).json()
    assert body["count"] == 3 and len(body["items"]) == 2
    totals = {i["unit_code"]: Decimal(i["final_totals"]["total"]) for i in body["items"]}
    assert totals == {"T-HN": Decimal("16"), "T-NA": Decimal("14")}
    second = client.get("/api/v1/scoring/scorecards", {"year": 2026, "page": 2, "page_size": 2})
    assert [i["unit_code"] for i in second.json()["items"]] == ["T-PT2025"]
    bad = client.get("/api/v1/scoring/scorecards", {"page_size": 0})
    assert bad.status_code == 422


def test_out_of_scope_is_404_and_lists_are_empty(client, scored, org):
    outsider = make_user("tdkt.vp", ("UNIT_OFFICER", org.office))
    client.force_login(outsider)
    card = scored.scorecards.first()
    assert client.get(f"/api/v1/scoring/scorecards/{card.pk}").status_code == 404
    assert client.get(f"/api/v1/scoring/clusters/{scored.pk}/ranking").status_code == 404
    assert client.get(f"/api/v1/scoring/clusters/{scored.pk}/vote").status_code == 404
    assert client.get("/api/v1/scoring/scorecards").json()["count"] == 0
    client.logout()
    assert client.get("/api/v1/scoring/scorecards").status_code == 401


def test_ranking_and_detail(client, scored, users):
    client.force_login(users["phu_tho_officer"])
    ranking = client.get(f"/api/v1/scoring/clusters/{scored.pk}/ranking").json()
    assert [(r["rank"], r["unit_code"]) for r in ranking] == [
        (1, "T-PT2025"), (2, "T-HN"), (3, "T-NA")
    ]  # fmt: skip
    detail = client.get(f"/api/v1/scoring/scorecards/{ranking[0]['id']}").json()
    assert len(detail["lines"]) == 4 and detail["lines"][0]["self_points"] == "9.00"


def test_vote_result_shows_turnout_and_counts_only(client, scored, org, users):
    head = users["hanoi_officer"]
    reviews.review_open(cluster=scored, user=head)
    reviews.review_close(cluster=scored, user=head, expected_version=1)
    vote = votes.vote_open(cluster=scored, user=head, candidates={"LEADING": [org.phu_tho]})
    votes.ballot_cast(vote=vote, member_unit=org.hanoi, user=head,
                      choices={c.pk: "AGREE" for c in vote.candidates.all()})  # fmt: skip
    client.force_login(users["phu_tho_officer"])
    body = client.get(f"/api/v1/scoring/clusters/{scored.pk}/vote").json()
    assert body["status"] == "OPEN" and body["turnout_units"] == [org.hanoi.pk]
    assert body["candidates"][0]["agree"] is None  # counts only once closed
    assert body["parameter_unsure"] is True


def test_list_query_count_does_not_grow(client, scored, org, users):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tdkt.scoring.tests.builders import make_cluster

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/scoring/scorecards").status_code == 200
        return len(ctx.captured_queries)

    client.force_login(users["sector"])
    few = count()
    sector = users["sector"]
    for name in ("Cụm 2", "Cụm 3"):
        other, _ = make_cluster(org, year=2026, name=name)
        for member in other.members.select_related("unit"):
            score_all(cards.scorecard_start(cluster=other, unit=member.unit, user=sector), sector)
    assert count() == few
