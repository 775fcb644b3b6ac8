"""Pages and the cast run a fixed number of queries whatever the number of rows."""

import pytest
from django.urls import reverse

from tdkt.council.models import MemberRole
from tdkt.council.services.meetings import agenda_add, attendance_set, meeting_create, voting_open
from tdkt.council.tests.conftest import accepted_lines

pytestmark = pytest.mark.django_db


def _meeting(council, users, proposal, unit, count):
    import datetime as dt

    meeting = meeting_create(
        council=council, date=dt.date(2026, 12, 15), place="", user=users["sector"]
    )
    lines = accepted_lines(proposal, unit, ["LDTT", "CSTDCS", "CSTD_NGANH"], count)
    agenda_add(meeting=meeting, line_ids=[line.pk for line in lines], user=users["sector"])
    meeting.refresh_from_db()
    voters = council.members.exclude(role=MemberRole.SECRETARY)
    attendance_set(
        meeting=meeting,
        member_ids=[m.pk for m in voters],
        user=users["sector"],
        expected_version=meeting.version,
    )
    meeting.refresh_from_db()
    return voting_open(meeting=meeting, user=users["sector"], expected_version=meeting.version)


@pytest.mark.parametrize("count", [3, 30])
def test_ballot_and_meeting_pages(
    client, council, users, seats, hanoi_proposal_2026, org, count, django_assert_max_num_queries
):
    meeting = _meeting(council, users, hanoi_proposal_2026, org.hanoi, count)
    client.force_login(seats["uy.vien.1"])
    with django_assert_max_num_queries(16):
        assert client.get(reverse("council:ballot", args=[meeting.pk])).status_code == 200
    client.force_login(users["sector"])
    with django_assert_max_num_queries(18):
        assert client.get(reverse("council:meeting-detail", args=[meeting.pk])).status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(reverse("council:written-ballot", args=[meeting.pk])).status_code == 200


@pytest.mark.parametrize("count", [1, 12])
def test_list_pages(client, users, org, count, django_assert_max_num_queries):
    import datetime as dt

    from tdkt.council.services.councils import CouncilInput, council_create

    for index in range(count):
        council = council_create(
            data=CouncilInput(unit=org.hanoi, name=f"HĐ {index}", valid_from=dt.date(2025, 1, 1)),
            user=users["hanoi_officer"],
        )
        meeting_create(
            council=council, date=dt.date(2026, 1, 5), place="", user=users["hanoi_officer"]
        )
    client.force_login(users["hanoi_officer"])
    for name in ["council:council-list", "council:meeting-list"]:
        with django_assert_max_num_queries(12):
            assert client.get(reverse(name)).status_code == 200


def test_agenda_pick_page(
    client, council, users, hanoi_proposal_2026, org, django_assert_max_num_queries
):
    import datetime as dt

    meeting = meeting_create(
        council=council, date=dt.date(2026, 12, 15), place="", user=users["sector"]
    )
    accepted_lines(hanoi_proposal_2026, org.hanoi, ["LDTT", "CSTDCS"], 25)
    client.force_login(users["sector"])
    with django_assert_max_num_queries(16):
        assert client.get(reverse("council:agenda-pick", args=[meeting.pk])).status_code == 200
