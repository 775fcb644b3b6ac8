"""Meetings: agenda from accepted lines, attendance, the quorum, the workflow's refusals."""

import datetime as dt

import pytest
from django.core import mail

from tdkt.core.errors import DomainError
from tdkt.council.models import BallotBox, MeetingStatus, MemberRole
from tdkt.council.services import meetings as services
from tdkt.council.tests.conftest import accepted_lines
from tdkt.proposals.models import LineStatus

pytestmark = pytest.mark.django_db


def test_meeting_date_inside_council_period(council, users):
    with pytest.raises(DomainError) as error:
        services.meeting_create(
            council=council, date=dt.date(2024, 12, 1), place="", user=users["sector"]
        )
    assert error.value.code == "period"


def test_agenda_takes_only_accepted_lines_in_scope(meeting, lines, users, hanoi_council, org):
    lines[0].status = LineStatus.SUBMITTED
    lines[0].save()
    with pytest.raises(DomainError) as error:
        services.agenda_add(
            meeting=meeting, line_ids=[line.pk for line in lines], user=users["sector"]
        )
    assert error.value.code == "line"
    assert not meeting.items.exists()
    assert services.agenda_add(meeting=meeting, line_ids=[lines[1].pk], user=users["sector"]) == 1
    assert services.candidate_lines(meeting).filter(pk=lines[1].pk).count() == 0


def test_hanoi_council_does_not_see_phu_tho_lines(hanoi_council, phu_tho_proposal_2026, org, users):
    other = accepted_lines(phu_tho_proposal_2026, org.area_phu_tho_1, ["LDTT"], 1)[0]
    meeting = services.meeting_create(
        council=hanoi_council, date=dt.date(2026, 12, 1), place="", user=users["hanoi_officer"]
    )
    assert not services.candidate_lines(meeting).exists()
    with pytest.raises(DomainError):
        services.agenda_add(meeting=meeting, line_ids=[other.pk], user=users["hanoi_officer"])


def test_line_cannot_sit_on_two_open_meetings(meeting, lines, council, users):
    services.agenda_add(meeting=meeting, line_ids=[lines[0].pk], user=users["sector"])
    second = services.meeting_create(
        council=council, date=dt.date(2026, 12, 20), place="", user=users["sector"]
    )
    with pytest.raises(DomainError) as error:
        services.agenda_add(meeting=second, line_ids=[lines[0].pk], user=users["sector"])
    assert "chương trình của một phiên họp khác" in error.value.message


@pytest.mark.parametrize(("present", "opens"), [(3, False), (4, True), (5, True)])
def test_quorum_two_thirds_of_voting_members(meeting, lines, council, users, present, opens):
    """Five voting members (the secretary does not count): 2/3 × 5 = 3.33, so four needed."""
    services.agenda_add(meeting=meeting, line_ids=[line.pk for line in lines], user=users["sector"])
    voters = list(council.members.exclude(role=MemberRole.SECRETARY).order_by("pk"))
    secretary = council.members.get(role=MemberRole.SECRETARY)
    meeting.refresh_from_db()
    services.attendance_set(
        meeting=meeting,
        member_ids=[m.pk for m in voters[:present]] + [secretary.pk],
        user=users["sector"],
        expected_version=meeting.version,
    )
    meeting.refresh_from_db()
    if opens:
        services.voting_open(
            meeting=meeting, user=users["sector"], expected_version=meeting.version
        )
        meeting.refresh_from_db()
        assert meeting.status == MeetingStatus.VOTING
        assert (meeting.member_count, meeting.present_count) == (5, present)
        assert BallotBox.objects.filter(item__meeting=meeting).count() == 3
    else:
        with pytest.raises(DomainError) as error:
            services.voting_open(
                meeting=meeting, user=users["sector"], expected_version=meeting.version
            )
        assert error.value.code == "quorum"
        assert "có mặt 3/5" in error.value.message and "cần ít nhất 4" in error.value.message


def test_empty_agenda_cannot_open(meeting, users):
    with pytest.raises(DomainError) as error:
        services.voting_open(
            meeting=meeting, user=users["sector"], expected_version=meeting.version
        )
    assert error.value.code == "empty"


def test_chair_opens_and_members_are_notified(
    ready_meeting, seats, django_capture_on_commit_callbacks
):
    for name, user in seats.items():
        user.email = f"{name}@vks.gov.vn"
        user.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.voting_open(
            meeting=ready_meeting, user=seats["chu.tich"], expected_version=ready_meeting.version
        )
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert "thu.ky@vks.gov.vn" not in recipients and len(recipients) == 5
    assert f"/hoi-dong/phien-hop/{ready_meeting.pk}/phieu/" in mail.outbox[0].body


def test_member_cannot_open_voting(ready_meeting, seats):
    from django.http import Http404

    with pytest.raises(Http404):
        services.voting_open(
            meeting=ready_meeting, user=seats["uy.vien.1"], expected_version=ready_meeting.version
        )


def test_agenda_frozen_once_voting(voting_meeting, lines, users):
    with pytest.raises(DomainError) as error:
        services.agenda_remove(
            meeting=voting_meeting, item=voting_meeting.items.first(), user=users["sector"]
        )
    assert error.value.code == "not_allowed"
    assert "Đang bỏ phiếu" in error.value.message


def test_minutes_only_after_tally(voting_meeting, users, seats):
    with pytest.raises(DomainError):
        services.minutes_issue(meeting=voting_meeting, user=seats["thu.ky"])
    services.voting_close(meeting=voting_meeting, user=seats["chu.tich"])
    meeting = services.minutes_issue(meeting=voting_meeting, user=seats["thu.ky"])
    assert meeting.status == MeetingStatus.MINUTES


def test_concurrent_meeting_edits_are_refused(meeting, users):
    from tdkt.core.errors import StaleEditError

    version = meeting.version
    services.meeting_update(
        meeting=meeting,
        date=dt.date(2026, 12, 16),
        place="A",
        user=users["sector"],
        expected_version=version,
    )
    with pytest.raises(StaleEditError):
        services.meeting_update(
            meeting=meeting,
            date=dt.date(2026, 12, 17),
            place="B",
            user=users["sector"],
            expected_version=version,
        )
    meeting.refresh_from_db()
    assert (meeting.date, meeting.place) == (dt.date(2026, 12, 16), "A")


def test_stale_attendance_is_refused(ready_meeting, users, council):
    from tdkt.core.errors import StaleEditError

    with pytest.raises(StaleEditError):
        services.attendance_set(
            meeting=ready_meeting,
            member_ids=[],
            user=users["sector"],
            expected_version=ready_meeting.version - 1,
        )
    assert ready_meeting.attendance.count() == 5


def test_opening_refused_when_a_line_moved_meanwhile(ready_meeting, lines, users):
    lines[2].status = LineStatus.REJECTED
    lines[2].save()
    with pytest.raises(DomainError) as error:
        services.voting_open(
            meeting=ready_meeting, user=users["sector"], expected_version=ready_meeting.version
        )
    assert error.value.code == "line" and lines[2].person.full_name in error.value.message
    ready_meeting.refresh_from_db()
    assert ready_meeting.status == MeetingStatus.PREPARING
    assert not BallotBox.objects.exists()


def test_meeting_cannot_be_edited_once_voting(voting_meeting, users):
    with pytest.raises(DomainError) as error:
        services.meeting_update(
            meeting=voting_meeting,
            date=dt.date(2026, 12, 20),
            place="",
            user=users["sector"],
            expected_version=voting_meeting.version,
        )
    assert error.value.code == "not_allowed"
