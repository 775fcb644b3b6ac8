"""Ballot secrecy: turnout is stored apart from the choices, which no row, column, key or
history links back to a member, while the totals stay verifiable."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from tdkt.council.models import BallotBox, Choice, CouncilMember, Turnout
from tdkt.council.services.ballots import ballot_cast

pytestmark = pytest.mark.django_db

VOTES = {"uy.vien.1": Choice.AGREE, "uy.vien.2": Choice.DISAGREE, "uy.vien.3": Choice.ABSTAIN}
CHOICE_TEXTS = {*Choice.values, *(str(label) for label in Choice.labels)}


def test_choices_table_has_no_member_time_or_history():
    fields = {f.name: f for f in BallotBox._meta.get_fields() if f.concrete}
    assert set(fields) == {"id", "item", "agree", "disagree", "abstain"}
    assert isinstance(fields["id"], models.UUIDField)
    for field in fields.values():
        assert not isinstance(field, models.DateField | models.DateTimeField)
        if field.is_relation:
            assert field.related_model is not get_user_model()
            assert field.related_model is not CouncilMember
    names = {model.__name__ for model in apps.get_models()}
    assert "HistoricalBallotBox" not in names
    assert "HistoricalTurnout" not in names


def _reachable_rows(user) -> list[tuple[str, dict]]:
    """Every row of every table that points at the user or at one of their council seats,
    without the columns that necessarily differ between members (keys, the links to the
    member themselves, times)."""
    seats = list(CouncilMember.objects.filter(user=user))
    rows = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not field.is_relation:
                continue
            if field.related_model is get_user_model():
                targets = [user]
            elif field.related_model is CouncilMember:
                targets = seats
            else:
                continue
            for row in model._default_manager.filter(**{f"{field.name}__in": targets}).values():
                kept = {
                    key: value
                    for key, value in row.items()
                    if key not in ("id", "pk", "history_id", "history_date")
                    and not key.endswith("_id")
                    and not key.endswith("_at")
                    and key not in ("cast_at", "last_login", "date_joined", "username", "password")
                }
                rows.append((f"{model.__name__}.{field.name}", kept))
    return rows


def test_three_members_voting_differently_leave_identical_traces(voting_meeting, seats):
    items = list(voting_meeting.items.values_list("pk", flat=True))
    for name, choice in VOTES.items():
        ballot_cast(meeting=voting_meeting, user=seats[name], choices=dict.fromkeys(items, choice))
    traces = {name: sorted(map(repr, _reachable_rows(seats[name]))) for name in VOTES}
    for name, trace in traces.items():
        text = " ".join(trace)
        assert not any(choice in text for choice in CHOICE_TEXTS), name
    assert traces["uy.vien.1"] == traces["uy.vien.2"] == traces["uy.vien.3"]
    # the totals stay verifiable: each line has one ballot per member who voted
    turnout = Turnout.objects.filter(meeting=voting_meeting).count()
    for box in BallotBox.objects.filter(item__meeting=voting_meeting):
        assert (box.agree, box.disagree, box.abstain) == (1, 1, 1)
        assert box.agree + box.disagree + box.abstain == turnout


def test_boxes_are_created_before_any_vote_and_never_inserted_by_a_cast(voting_meeting, seats):
    before = set(BallotBox.objects.values_list("pk", flat=True))
    items = list(voting_meeting.items.values_list("pk", flat=True))
    ballot_cast(
        meeting=voting_meeting, user=seats["uy.vien.1"], choices=dict.fromkeys(items, Choice.AGREE)
    )
    assert set(BallotBox.objects.values_list("pk", flat=True)) == before
