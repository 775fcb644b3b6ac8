"""Deadline reminders: who is reminded of which submission deadline, appraisal deadline and
open council vote, once a day per user and item, with nothing about ballots; the command."""

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tdkt.accounts.models import Role, User
from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError
from tdkt.core.workdays import add_working_days
from tdkt.council.models import (
    Attendance,
    Choice,
    Council,
    CouncilMember,
    Meeting,
    MeetingStatus,
    MemberRole,
    Turnout,
    TurnoutKind,
)
from tdkt.proposals.models import LineStatus, Proposal, ProposalLine, ProposalStatus
from tdkt.proposals.services.rounds import round_create
from tdkt.proposals.tests.conftest import round_input
from tdkt.testing import make_person, make_user
from tdkt.web.models import SentReminder
from tdkt.web.reminders import reminders_send

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
MEETING_DAY = TODAY + dt.timedelta(days=30)


def _mail(*users) -> None:
    for user in users:
        user.email = f"{user.username}@example.vn"
        user.save()


def _inbox() -> dict[str, list[str]]:
    """Bodies of the e-mails sent, by address."""
    found: dict[str, list[str]] = {}
    for message in mail.outbox:
        for address in message.to:
            found.setdefault(address, []).append(message.body)
    return found


@pytest.fixture
def due():
    return add_working_days(TODAY, 2)


@pytest.fixture
def rounds(users, org, due):
    """``soon``: submissions due in two working days (Phú Thọ submitted, Hà Nội not);
    ``late``: submissions closed, appraisal due in two working days with one line of Phú Thọ
    waiting; ``far``: everything due in six working days."""
    far = add_working_days(TODAY, 6)
    past = TODAY - dt.timedelta(days=10)
    soon = round_create(
        data=round_input(
            name="Đợt sắp hết hạn nộp", submission_deadline=due, appraisal_deadline=far
        ),
        user=users["sector"],
    )
    late = round_create(
        data=round_input(
            name="Đợt đang thẩm định", submission_deadline=past, appraisal_deadline=due
        ),
        user=users["sector"],
    )
    round_create(
        data=round_input(name="Đợt còn xa", submission_deadline=far, appraisal_deadline=far),
        user=users["sector"],
    )
    Proposal.objects.create(round=soon, unit=org.phu_tho, status=ProposalStatus.SUBMITTED)
    waiting = Proposal.objects.create(round=late, unit=org.phu_tho, status=ProposalStatus.SUBMITTED)
    ProposalLine.objects.create(
        proposal=waiting,
        person=make_person(org.area_phu_tho_1, "Ngô Văn Khải"),
        award_type=AwardType.objects.get(code="LDTT"),
        year=late.year,
        status=LineStatus.SUBMITTED,
    )
    return {"soon": soon, "late": late}


@pytest.fixture
def vote(org, users):
    """A sector council voting (on a meeting dated beyond the window: an open vote is reminded
    whatever its date): the chair voted, a member present has not, the secretary is
    present, another member is absent."""
    council = Council.objects.create(unit=org.root, name="Hội đồng TĐKT ngành", valid_from=TODAY)
    meeting = Meeting.objects.create(council=council, date=MEETING_DAY, status=MeetingStatus.VOTING)
    seats = {}
    for name, role, present in (
        ("hd.chutich", MemberRole.CHAIR, True),
        ("hd.uyvien", MemberRole.MEMBER, True),
        ("hd.thuky", MemberRole.SECRETARY, True),
        ("hd.vangmat", MemberRole.MEMBER, False),
    ):
        seats[name] = make_user(name, (Role.COUNCIL_MEMBER, org.root))
        member = CouncilMember.objects.create(council=council, user=seats[name], role=role)
        if present:
            Attendance.objects.create(meeting=meeting, member=member)
        if name == "hd.chutich":
            Turnout.objects.create(meeting=meeting, member=member, kind=TurnoutKind.ELECTRONIC)
    _mail(*seats.values())
    return meeting


@pytest.fixture
def everyone(users):
    _mail(*users.values())
    return users


def test_each_user_is_reminded_of_what_falls_due_for_them(
    rounds, vote, everyone, due, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = reminders_send(today=TODAY, days=3)
    inbox = _inbox()
    assert sorted(inbox) == ["hd.uyvien@example.vn", "nganh@example.vn", "tdkt.hanoi@example.vn"]
    assert sent == {"users": 3, "items": 3}
    (hanoi,) = inbox["tdkt.hanoi@example.vn"]
    assert "Đợt sắp hết hạn nộp" in hanoi and f"ngày {due:%d/%m/%Y}" in hanoi
    assert "còn 2 ngày làm việc" in hanoi and "chưa nộp đề nghị: VKSND thành phố Hà Nội" in hanoi
    assert "Đợt còn xa" not in hanoi and "Đợt đang thẩm định" not in hanoi
    (sector,) = inbox["nganh@example.vn"]
    assert "Hạn thẩm định đợt “Đợt đang thẩm định”" in sector
    assert "còn 1 dòng chờ thẩm định" in sector
    (member,) = inbox["hd.uyvien@example.vn"]
    assert "đang bỏ phiếu kín; đồng chí chưa bỏ phiếu" in member
    assert f"/hoi-dong/phien-hop/{vote.pk}/phieu/" in member


def test_a_ballot_reminder_reveals_nothing_about_ballots(
    vote, everyone, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(today=TODAY)
    (message,) = mail.outbox
    site = settings.TDKT_SITE_URL.rstrip("/")
    assert message.subject == "[TĐKT] Nhắc hạn: 1 việc đến hạn trong 3 ngày làm việc tới"
    assert message.body == (
        "Kính gửi đồng chí,\n\nCác việc sắp đến hạn:\n\n"
        f"- Phiên họp Hội đồng TĐKT ngành ngày {MEETING_DAY:%d/%m/%Y} đang bỏ phiếu kín; đồng chí "
        f"chưa bỏ phiếu.\n  {site}/hoi-dong/phien-hop/{vote.pk}/phieu/\n"
    )
    for label in Choice.labels:
        assert str(label).lower() not in message.body.lower()


def test_a_second_run_the_same_day_sends_only_what_is_new(
    rounds, vote, everyone, due, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(today=TODAY)
    assert len(mail.outbox) == 3 and SentReminder.objects.count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=TODAY) == {"users": 0, "items": 0}
    assert len(mail.outbox) == 3 and SentReminder.objects.count() == 3
    round_create(
        data=round_input(name="Đợt bổ sung", submission_deadline=due, appraisal_deadline=due),
        user=users["sector"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=TODAY) == {"users": 2, "items": 2}
    new = [m.to[0] for m in mail.outbox[3:]]
    assert sorted(new) == ["tdkt.hanoi@example.vn", "tdkt.phutho@example.vn"]
    assert all("Đợt bổ sung" in m.body and "Đợt sắp hết hạn" not in m.body for m in mail.outbox[3:])


def test_the_next_day_the_reminders_go_again(vote, everyone, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(today=TODAY)
        reminders_send(today=TODAY + dt.timedelta(days=1))
    assert len(mail.outbox) == 2 and SentReminder.objects.count() == 2


def test_users_without_an_address_are_skipped_and_not_recorded(
    vote, users, django_capture_on_commit_callbacks
):
    User.objects.filter(username="hd.uyvien").update(email="")
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=TODAY) == {"users": 0, "items": 0}
    assert mail.outbox == [] and not SentReminder.objects.exists()


def test_a_voted_or_closed_meeting_is_not_reminded(vote, everyone):
    vote.status = MeetingStatus.CLOSED
    vote.save()
    assert reminders_send(today=TODAY) == {"users": 0, "items": 0}


@pytest.mark.parametrize("days", [-1, 31])
def test_days_out_of_range_are_refused(days):
    with pytest.raises(DomainError) as refused:
        reminders_send(today=TODAY, days=days)
    assert refused.value.message == "Số ngày làm việc phải là số nguyên từ 0 đến 30."


def test_a_fixed_number_of_queries(rounds, vote, everyone, org, django_assert_max_num_queries):
    for index in range(5):
        unit_officer = make_user(f"tdkt.them{index}", (Role.UNIT_OFFICER, org.area_hanoi_1))
        _mail(unit_officer)
    with django_assert_max_num_queries(14):
        assert reminders_send(today=TODAY)["users"] == 8


def test_the_command_sends_once_a_day(
    rounds, vote, everyone, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders")
    assert "Đã gửi thư nhắc hạn cho 3 người (3 việc)." in capsys.readouterr().out
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", "--days", "3")
    assert "Đã gửi thư nhắc hạn cho 0 người (0 việc)." in capsys.readouterr().out
    assert len(mail.outbox) == 3


def test_the_command_refuses_bad_days(capsys):
    with pytest.raises(SystemExit) as exited:
        call_command("send_deadline_reminders", "--days", "99")
    assert exited.value.code == 2
    assert "Số ngày làm việc phải là số nguyên từ 0 đến 30." in capsys.readouterr().err


def test_the_same_reminder_cannot_be_recorded_twice_a_day(vote, everyone):
    """The constraint that makes an overlapping second run fail rather than send again."""
    from django.db import IntegrityError, transaction

    reminders_send(today=TODAY)
    sent = SentReminder.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        SentReminder.objects.create(
            user=sent.user, kind=sent.kind, object_id=sent.object_id, due_on=sent.due_on,
            sent_on=TODAY,
        )  # fmt: skip
    SentReminder.objects.create(
        user=sent.user, kind=sent.kind, object_id=sent.object_id, due_on=sent.due_on,
        sent_on=TODAY + dt.timedelta(days=1),
    )  # fmt: skip
