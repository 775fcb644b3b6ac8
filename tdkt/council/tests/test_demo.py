"""The demo's council at a small scale: a tallied meeting with issued minutes and an open vote
waiting for ``hoidong``; the module's teardown flushes them with the rest of the demo."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from tdkt.accounts.models import User
from tdkt.council.models import BallotBox, Council, Meeting, MeetingStatus, Turnout
from tdkt.demo.accounts import DEMO_USERNAMES
from tdkt.demo.council_demo import MEMBERS
from tdkt.demo.flush import flush_domain_data


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    original = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock():
        call_command("demo_data", scale=0.01, seed=11, stdout=io.StringIO())
        yield
        with transaction.atomic():
            flush_domain_data()
            User.objects.filter(username__in=[*DEMO_USERNAMES, *(m[0] for m in MEMBERS)]).delete()
    settings.MEDIA_ROOT = original


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_sector_council_with_demo_members():
    council = Council.objects.get()
    assert council.unit.parent_id is None
    names = set(council.members.values_list("user__username", flat=True))
    assert {"hoidong", "tdkt.nganh", "hoidong.chutich"} <= names


def test_meetings_in_two_states_with_consistent_totals():
    statuses = set(Meeting.objects.values_list("status", flat=True))
    assert statuses == {MeetingStatus.MINUTES, MeetingStatus.VOTING}
    for meeting in Meeting.objects.all():
        turnout = Turnout.objects.filter(meeting=meeting).count()
        for box in BallotBox.objects.filter(item__meeting=meeting):
            assert box.agree + box.disagree + box.abstain == turnout
    tallied = Meeting.objects.filter(status=MeetingStatus.MINUTES)
    assert tallied.count() == 2  # the council demo's and the finished ad hoc round's
    for meeting in tallied:
        assert all(item.passed is not None for item in meeting.items.all())


def test_hoidong_has_a_ballot_to_cast():
    import datetime as dt

    from tdkt.council.inbox import ballots_to_cast

    tasks = ballots_to_cast(User.objects.get(username="hoidong"), dt.date(2026, 12, 18))
    assert len(tasks) == 1
