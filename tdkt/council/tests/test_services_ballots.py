"""Secret ballots: who may cast, all lines at once, written ballots of absent members."""

import pytest
from django.http import Http404

from tdkt.core.errors import DomainError
from tdkt.council.models import BallotBox, Choice, MemberRole, Turnout, TurnoutKind
from tdkt.council.services import ballots as services
from tdkt.council.services.meetings import voting_close
from tdkt.testing import make_user

pytestmark = pytest.mark.django_db


def all_(meeting, choice):
    return {pk: choice for pk in meeting.items.values_list("pk", flat=True)}


def test_present_member_casts_once(voting_meeting, seats):
    services.ballot_cast(
        meeting=voting_meeting, user=seats["uy.vien.1"], choices=all_(voting_meeting, Choice.AGREE)
    )
    assert Turnout.objects.get(meeting=voting_meeting).kind == TurnoutKind.ELECTRONIC
    assert sorted(BallotBox.objects.values_list("agree", flat=True)) == [1, 1, 1]
    with pytest.raises(DomainError) as error:
        services.ballot_cast(
            meeting=voting_meeting,
            user=seats["uy.vien.1"],
            choices=all_(voting_meeting, Choice.DISAGREE),
        )
    assert error.value.code == "already_voted"
    assert sum(BallotBox.objects.values_list("disagree", flat=True)) == 0


def test_refusals(voting_meeting, seats, org, council):
    choices = all_(voting_meeting, Choice.AGREE)
    outsider = make_user("ngoai.hoi.dong", ("COUNCIL_MEMBER", org.root))
    cases = [(outsider, "not_member"), (seats["thu.ky"], "secretary")]
    for user, code in cases:
        with pytest.raises(DomainError) as error:
            services.ballot_cast(meeting=voting_meeting, user=user, choices=choices)
        assert error.value.code == code
    assert not Turnout.objects.exists()


def test_absent_member_cannot_cast_online(ready_meeting, council, seats, users):
    from tdkt.council.services.meetings import attendance_set, voting_open

    present = council.members.exclude(user=seats["uy.vien.3"]).exclude(role=MemberRole.SECRETARY)
    attendance_set(
        meeting=ready_meeting,
        member_ids=[m.pk for m in present],
        user=users["sector"],
        expected_version=ready_meeting.version,
    )
    ready_meeting.refresh_from_db()
    meeting = voting_open(
        meeting=ready_meeting, user=users["sector"], expected_version=ready_meeting.version
    )
    with pytest.raises(DomainError) as error:
        services.ballot_cast(
            meeting=meeting, user=seats["uy.vien.3"], choices=all_(meeting, Choice.AGREE)
        )
    assert error.value.code == "not_present"
    # the secretary records the member's written ballot instead; it counts
    absent = council.members.get(user=seats["uy.vien.3"])
    services.written_ballot_record(
        meeting=meeting, member=absent, user=seats["thu.ky"], choices=all_(meeting, Choice.DISAGREE)
    )
    turnout = Turnout.objects.get(member=absent)
    assert turnout.kind == TurnoutKind.WRITTEN and turnout.recorded_by == seats["thu.ky"]
    assert sum(BallotBox.objects.values_list("disagree", flat=True)) == 3
    with pytest.raises(DomainError) as error:
        services.written_ballot_record(
            meeting=meeting,
            member=absent,
            user=seats["thu.ky"],
            choices=all_(meeting, Choice.AGREE),
        )
    assert error.value.code == "already_voted"


def test_written_ballot_refused_for_present_member_and_for_plain_members(
    voting_meeting, council, seats
):
    present = council.members.get(user=seats["uy.vien.1"])
    with pytest.raises(DomainError) as error:
        services.written_ballot_record(
            meeting=voting_meeting,
            member=present,
            user=seats["thu.ky"],
            choices=all_(voting_meeting, Choice.AGREE),
        )
    assert error.value.code == "present"
    with pytest.raises(Http404):
        services.written_ballot_record(
            meeting=voting_meeting,
            member=present,
            user=seats["uy.vien.2"],
            choices=all_(voting_meeting, Choice.AGREE),
        )


def test_ballot_must_cover_every_line_with_a_valid_choice(voting_meeting, seats):
    choices = all_(voting_meeting, Choice.AGREE)
    first = next(iter(choices))
    partial = dict(choices)
    partial.pop(first)
    with pytest.raises(DomainError) as error:
        services.ballot_cast(meeting=voting_meeting, user=seats["uy.vien.1"], choices=partial)
    assert error.value.code == "missing"
    with pytest.raises(DomainError) as error:
        services.ballot_cast(
            meeting=voting_meeting, user=seats["uy.vien.1"], choices={**choices, first: "MAYBE"}
        )
    assert error.value.code == "invalid"
    with pytest.raises(DomainError) as error:
        services.ballot_cast(
            meeting=voting_meeting, user=seats["uy.vien.1"], choices={**choices, 999999: "AGREE"}
        )
    assert error.value.code == "unknown_line"
    assert not Turnout.objects.exists()
    assert sum(BallotBox.objects.values_list("agree", flat=True)) == 0


def test_voting_not_open(ready_meeting, voting_meeting, seats):
    voting_close(meeting=voting_meeting, user=seats["chu.tich"])
    with pytest.raises(DomainError) as error:
        services.ballot_cast(
            meeting=voting_meeting,
            user=seats["uy.vien.1"],
            choices=all_(voting_meeting, Choice.AGREE),
        )
    assert error.value.code == "not_open"


def test_cast_is_a_fixed_number_of_queries(
    django_assert_max_num_queries, council, meeting, users, seats, hanoi_proposal_2026, org
):
    from tdkt.council.services.meetings import agenda_add, attendance_set, voting_open
    from tdkt.council.tests.conftest import accepted_lines

    many = accepted_lines(hanoi_proposal_2026, org.hanoi, ["LDTT", "CSTDCS"], 40)
    agenda_add(meeting=meeting, line_ids=[line.pk for line in many], user=users["sector"])
    meeting.refresh_from_db()
    voters = council.members.exclude(role=MemberRole.SECRETARY)
    attendance_set(
        meeting=meeting,
        member_ids=[m.pk for m in voters],
        user=users["sector"],
        expected_version=meeting.version,
    )
    meeting.refresh_from_db()
    voting_open(meeting=meeting, user=users["sector"], expected_version=meeting.version)
    for index, name in enumerate(["uy.vien.1", "uy.vien.2"]):
        choices = {
            pk: Choice.values[(pk + index) % 3] for pk in meeting.items.values_list("pk", flat=True)
        }
        with django_assert_max_num_queries(14):
            services.ballot_cast(meeting=meeting, user=seats[name], choices=choices)
