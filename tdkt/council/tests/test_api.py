"""API: councils and meetings scoped like the pages (404 out of scope); never ballot contents."""

import pytest

from tdkt.council.models import Choice
from tdkt.council.services.ballots import ballot_cast
from tdkt.council.services.meetings import voting_close

pytestmark = pytest.mark.django_db


def test_anonymous_is_refused(client, council):
    assert client.get("/api/v1/council/councils").status_code == 401


def test_councils_scoped(client, council, hanoi_council, users):
    client.force_login(users["hanoi_officer"])
    names = [c["name"] for c in client.get("/api/v1/council/councils").json()["items"]]
    assert names == [hanoi_council.name]
    assert client.get(f"/api/v1/council/councils/{council.pk}").status_code == 404
    body = client.get(f"/api/v1/council/councils/{hanoi_council.pk}").json()
    assert body["members"][0]["role"] == "CHAIR"
    client.force_login(users["no_role"])
    assert client.get("/api/v1/council/councils").json()["items"] == []
    assert client.get(f"/api/v1/council/councils/{hanoi_council.pk}").status_code == 404


def test_meeting_tally_only_after_close_and_never_ballots(client, voting_meeting, users, seats):
    items = list(voting_meeting.items.values_list("pk", flat=True))
    ballot_cast(
        meeting=voting_meeting,
        user=seats["uy.vien.1"],
        choices=dict.fromkeys(items, Choice.DISAGREE),
    )
    client.force_login(users["sector"])
    url = f"/api/v1/council/meetings/{voting_meeting.pk}"
    body = client.get(url).json()
    assert body["turnout"] == 1 and all(row["agree"] is None for row in body["agenda"])
    voting_close(meeting=voting_meeting, user=seats["chu.tich"])
    body = client.get(url).json()
    assert [row["disagree"] for row in body["agenda"]] == [1, 1, 1]
    assert "DISAGREE" not in client.get(url).content.decode()
    listed = client.get("/api/v1/council/meetings?status=CLOSED").json()["items"]
    assert [m["id"] for m in listed] == [voting_meeting.pk]
    client.force_login(users["hanoi_officer"])
    assert client.get(url).status_code == 404
    assert client.get("/api/v1/council/meetings").json()["items"] == []
    client.force_login(seats["uy.vien.2"])
    assert client.get(url).status_code == 200
