"""Inbox tasks: ballots to cast for present members, meetings to prepare for the officer."""

import datetime as dt

import pytest

from tdkt.council.inbox import ballots_to_cast, meetings_to_prepare
from tdkt.council.models import Choice
from tdkt.council.services.ballots import ballot_cast

pytestmark = pytest.mark.django_db


def test_ballot_task_until_the_member_votes(voting_meeting, seats, django_assert_max_num_queries):
    today = dt.date(2026, 12, 15)
    with django_assert_max_num_queries(1):
        tasks = ballots_to_cast(seats["uy.vien.1"], today)
    assert len(tasks) == 1 and tasks[0].url.endswith(f"/phien-hop/{voting_meeting.pk}/phieu/")
    assert ballots_to_cast(seats["thu.ky"], today) == []
    items = voting_meeting.items.values_list("pk", flat=True)
    ballot_cast(
        meeting=voting_meeting, user=seats["uy.vien.1"], choices=dict.fromkeys(items, Choice.AGREE)
    )
    assert ballots_to_cast(seats["uy.vien.1"], today) == []


def test_prepare_task_for_the_managing_officer(
    meeting, users, hanoi_council, django_assert_max_num_queries
):
    today = dt.date(2026, 12, 10)
    with django_assert_max_num_queries(3):
        tasks = meetings_to_prepare(users["sector"], today)
    assert tasks[0].count >= 1 and tasks[0].due == dt.date(2026, 12, 15) and tasks[0].days_left == 5
    assert meetings_to_prepare(users["hanoi_leader"], today) == []
    assert meetings_to_prepare(users["hanoi_officer"], today) == []


def test_vote_to_close_for_chair_and_officer(
    voting_meeting, seats, users, django_assert_max_num_queries
):
    from tdkt.council.inbox import votes_to_close

    today = dt.date(2026, 12, 15)
    with django_assert_max_num_queries(3):
        tasks = votes_to_close(seats["chu.tich"], today)
    assert tasks[0].count == 1 and tasks[0].days_left == 0
    assert votes_to_close(users["sector"], today)[0].count == 1
    assert votes_to_close(seats["uy.vien.1"], today) == []
    assert votes_to_close(users["hanoi_officer"], today) == []
