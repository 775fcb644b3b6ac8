"""Deadline reminders: who is reminded of which submission deadline, appraisal deadline and
open council vote (what their task inbox shows), once a day per user and item, recorded only
once the e-mail was sent, with nothing about ballots; the command."""

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from tdkt.accounts.models import Role, User
from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError
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
from tdkt.web import reminders
from tdkt.web.models import ReminderKind, SentReminder
from tdkt.web.reminders import reminders_due, reminders_send

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)  # a Monday; no public holiday until the end of the year
DUE = dt.date(2026, 11, 25)  # the 2nd working day after TODAY
FAR = dt.date(2026, 12, 1)  # the 6th working day after TODAY (a weekend between)
PAST = dt.date(2026, 11, 13)
MEETING_DAY = dt.date(2026, 12, 23)
SENT = {"users": 3, "items": 3, "failed": 0, "concurrent": 0}
NOTHING = {"users": 0, "items": 0, "failed": 0, "concurrent": 0}


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


def _round(user, name, submission, appraisal):
    return round_create(
        data=round_input(name=name, submission_deadline=submission, appraisal_deadline=appraisal),
        user=user,
    )


def _line(proposal, unit, name, status=LineStatus.SUBMITTED):
    return ProposalLine.objects.create(
        proposal=proposal,
        person=make_person(unit, name),
        award_type=AwardType.objects.get(code="LDTT"),
        year=proposal.round.year,
        status=status,
    )


@pytest.fixture
def rounds(users, org):
    """``soon``: submissions due in two working days (Phú Thọ submitted, Hà Nội's proposal
    still a draft); ``late``: submissions closed, appraisal due in two working days with one
    line of Phú Thọ waiting; ``far``: everything due in six working days (Hà Nội's draft)."""
    soon = _round(users["sector"], "Đợt sắp hết hạn nộp", DUE, FAR)
    late = _round(users["sector"], "Đợt đang thẩm định", PAST, DUE)
    far = _round(users["sector"], "Đợt còn xa", FAR, FAR)
    Proposal.objects.create(round=soon, unit=org.phu_tho, status=ProposalStatus.SUBMITTED)
    Proposal.objects.create(round=soon, unit=org.hanoi, status=ProposalStatus.DRAFT)
    Proposal.objects.create(round=far, unit=org.hanoi, status=ProposalStatus.DRAFT)
    waiting = Proposal.objects.create(round=late, unit=org.phu_tho, status=ProposalStatus.SUBMITTED)
    _line(waiting, org.area_phu_tho_1, "Ngô Văn Khải")
    return {"soon": soon, "late": late, "far": far}


@pytest.fixture
def vote(org, users):
    """A sector council voting (on a meeting dated beyond the window: an open vote is reminded
    whatever its date): the chair voted, a member present has not, the secretary is
    present, another member is absent."""
    council = Council.objects.create(
        unit=org.root, name="Hội đồng TĐKT ngành", valid_from=dt.date(2025, 1, 1)
    )
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


def test_each_user_is_reminded_of_what_falls_due_for_them(rounds, vote, everyone):
    assert reminders_send(today=TODAY, days=3) == SENT
    inbox = _inbox()
    assert sorted(inbox) == ["hd.uyvien@example.vn", "nganh@example.vn", "tdkt.hanoi@example.vn"]
    (hanoi,) = inbox["tdkt.hanoi@example.vn"]
    assert "Đợt sắp hết hạn nộp" in hanoi and "ngày 25/11/2026" in hanoi
    assert "còn 2 ngày làm việc" in hanoi and "chưa nộp đề nghị: VKSND thành phố Hà Nội" in hanoi
    assert "Đợt còn xa" not in hanoi and "Đợt đang thẩm định" not in hanoi
    (sector,) = inbox["nganh@example.vn"]
    assert "Hạn thẩm định đợt “Đợt đang thẩm định”: ngày 25/11/2026" in sector
    assert "còn 1 dòng chờ thẩm định" in sector
    (member,) = inbox["hd.uyvien@example.vn"]
    assert "đang bỏ phiếu kín; đồng chí chưa bỏ phiếu" in member
    assert f"/hoi-dong/phien-hop/{vote.pk}/phieu/" in member


def test_the_window_ends_on_the_nth_working_day(rounds, everyone):
    """From Monday 23/11, six working days reach Tuesday 1/12 (the weekend skipped)."""
    reminders_send(today=TODAY, days=6)
    (hanoi,) = _inbox()["tdkt.hanoi@example.vn"]
    assert "Đợt còn xa”: ngày 01/12/2026 (còn 6 ngày làm việc)" in hanoi
    mail.outbox.clear()
    reminders_send(today=dt.date(2026, 11, 24), days=4)
    assert "Đợt còn xa" not in _inbox()["tdkt.hanoi@example.vn"][0]


def test_a_ballot_reminder_reveals_nothing_about_ballots(vote, everyone):
    reminders_send(today=TODAY)
    (message,) = mail.outbox
    site = settings.TDKT_SITE_URL.rstrip("/")
    assert message.subject == "[TĐKT] Nhắc hạn: 1 việc sắp đến hạn hoặc đang chờ đồng chí"
    assert message.body == (
        "Kính gửi đồng chí,\n\nCác việc cần đồng chí xử lý:\n\n"
        "- Phiên họp Hội đồng TĐKT ngành ngày 23/12/2026 đang bỏ phiếu kín; đồng chí "
        f"chưa bỏ phiếu.\n  {site}/hoi-dong/phien-hop/{vote.pk}/phieu/\n"
    )
    for label in Choice.labels:
        assert str(label).lower() not in message.body.lower()


def test_the_subject_does_not_promise_a_number_of_days(rounds, everyone):
    """With ``days=0`` only what is due today, and the subject says nothing of "0 ngày"."""
    reminders_send(today=DUE, days=0)
    (message,) = [m for m in mail.outbox if m.to == ["nganh@example.vn"]]
    assert "0 ngày" not in message.subject and "ngày làm việc tới" not in message.subject
    assert "(hôm nay)" in message.body


def test_a_second_run_the_same_day_sends_only_what_is_new(rounds, vote, everyone, org, users):
    reminders_send(today=TODAY)
    assert len(mail.outbox) == 3 and SentReminder.objects.count() == 3
    assert reminders_send(today=TODAY) == NOTHING
    assert len(mail.outbox) == 3 and SentReminder.objects.count() == 3
    extra = _round(users["sector"], "Đợt bổ sung", DUE, DUE)
    Proposal.objects.create(round=extra, unit=org.hanoi, status=ProposalStatus.DRAFT)
    Proposal.objects.create(round=extra, unit=org.phu_tho, status=ProposalStatus.DRAFT)
    assert reminders_send(today=TODAY) == {**NOTHING, "users": 2, "items": 2}
    new = [m.to[0] for m in mail.outbox[3:]]
    assert sorted(new) == ["tdkt.hanoi@example.vn", "tdkt.phutho@example.vn"]
    assert all("Đợt bổ sung" in m.body and "Đợt sắp hết hạn" not in m.body for m in mail.outbox[3:])


def test_the_next_day_the_reminders_go_again(vote, everyone):
    reminders_send(today=TODAY)
    reminders_send(today=TODAY + dt.timedelta(days=1))
    assert len(mail.outbox) == 2 and SentReminder.objects.count() == 2


def test_users_without_an_address_are_skipped_and_not_recorded(vote, users):
    User.objects.filter(username="hd.uyvien").update(email="")
    assert reminders_send(today=TODAY) == NOTHING
    assert mail.outbox == [] and not SentReminder.objects.exists()


def test_a_closed_meeting_is_not_reminded(vote, everyone):
    vote.status = MeetingStatus.CLOSED
    vote.save()
    assert reminders_send(today=TODAY) == NOTHING


def test_a_voted_meeting_not_yet_closed_is_not_reminded(vote, everyone):
    """Every present voting member voted: the vote is still open, nobody is reminded."""
    member = CouncilMember.objects.get(council=vote.council, user__username="hd.uyvien")
    Turnout.objects.create(meeting=vote, member=member, kind=TurnoutKind.ELECTRONIC)
    assert vote.status == MeetingStatus.VOTING
    assert reminders_send(today=TODAY) == NOTHING


class FailingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


@pytest.fixture
def mail_server_down(settings):
    locmem = settings.MAILERS
    settings.MAILERS = {"default": {"BACKEND": "tdkt.web.tests.test_reminders.FailingBackend"}}
    yield
    settings.MAILERS = locmem


def test_a_reminder_not_sent_is_not_recorded_and_goes_on_the_next_run(
    rounds, vote, everyone, settings
):
    locmem = settings.MAILERS
    settings.MAILERS = {"default": {"BACKEND": "tdkt.web.tests.test_reminders.FailingBackend"}}
    assert reminders_send(today=TODAY) == {**NOTHING, "failed": 3}
    assert not SentReminder.objects.exists() and mail.outbox == []
    settings.MAILERS = locmem
    assert reminders_send(today=TODAY) == SENT
    assert len(mail.outbox) == 3 and SentReminder.objects.count() == 3


@pytest.fixture
def command_today(monkeypatch):
    """The command runs as on ``TODAY``."""
    from tdkt.web.management.commands import send_deadline_reminders as command

    monkeypatch.setattr(command, "today", lambda: TODAY)


def test_the_command_says_when_mail_could_not_be_sent(
    rounds, everyone, mail_server_down, capsys, command_today
):
    with pytest.raises(SystemExit) as exited:
        call_command("send_deadline_reminders")
    assert exited.value.code == 1
    assert "Không gửi được thư nhắc hạn cho 2 người" in capsys.readouterr().err
    assert not SentReminder.objects.exists()


def test_appraisal_reminders_count_only_the_lines_in_the_officers_scope(rounds, everyone, org):
    """A sector-officer role held at a province reaches that province's lines only, as in
    its task inbox; the sector's officer at the root counts every line."""
    hanoi = Proposal.objects.create(
        round=rounds["late"], unit=org.hanoi, status=ProposalStatus.SUBMITTED
    )
    _line(hanoi, org.hanoi, "Lê Văn Hùng")
    _line(hanoi, org.hanoi_division, "Đỗ Thị Hoa")
    provincial = make_user("nganh.phutho", (Role.SECTOR_OFFICER, org.phu_tho))
    _mail(provincial)
    reminders_send(today=TODAY)
    inbox = _inbox()
    (mine,) = inbox["nganh.phutho@example.vn"]
    assert "còn 1 dòng chờ thẩm định" in mine
    (sector,) = inbox["nganh@example.vn"]
    assert "còn 3 dòng chờ thẩm định" in sector


def test_no_appraisal_reminder_when_no_line_of_the_scope_waits(rounds, everyone, org):
    provincial = make_user("nganh.hanoi", (Role.SECTOR_OFFICER, org.hanoi))
    _mail(provincial)
    reminders_send(today=TODAY)
    assert "nganh.hanoi@example.vn" not in _inbox()


def test_submission_reminders_follow_the_task_inbox(rounds, everyone, org, users):
    """Only a draft proposal in the officer's units is reminded, as in the inbox: an area
    officer whose province's proposal covers them, or a unit with no proposal at all in a
    round, is not reminded."""
    area = make_user("tdkt.kv.phutho", (Role.UNIT_OFFICER, org.area_phu_tho_1))
    area_hanoi = make_user("tdkt.kv.hanoi", (Role.UNIT_OFFICER, org.area_hanoi_1))
    _mail(area, area_hanoi)
    medal = _round(users["sector"], "Đợt huân chương", DUE, FAR)
    Proposal.objects.create(round=medal, unit=org.area_hanoi_1, status=ProposalStatus.DRAFT)
    reminders_send(today=TODAY)
    inbox = _inbox()
    assert "tdkt.kv.phutho@example.vn" not in inbox
    assert "tdkt.phutho@example.vn" not in inbox
    (area_mail,) = inbox["tdkt.kv.hanoi@example.vn"]
    assert "Đợt huân chương" in area_mail and "Đợt sắp hết hạn nộp" not in area_mail
    (hanoi,) = inbox["tdkt.hanoi@example.vn"]
    assert "“Đợt sắp hết hạn nộp”" in hanoi and "chưa nộp đề nghị: VKSND thành phố Hà Nội" in hanoi
    assert "“Đợt huân chương”" in hanoi and "VKSND khu vực 1 – Hà Nội" in hanoi


def test_rows_older_than_thirty_days_are_deleted_at_each_run(everyone, users):
    user = users["sector"]
    for sent_on in (dt.date(2026, 10, 23), dt.date(2026, 10, 24), dt.date(2026, 11, 20)):
        SentReminder.objects.create(
            user=user, kind=ReminderKind.BALLOT, object_id=1, due_on=sent_on, sent_on=sent_on
        )
    reminders_send(today=TODAY)
    assert sorted(SentReminder.objects.values_list("sent_on", flat=True)) == [
        dt.date(2026, 10, 24),
        dt.date(2026, 11, 20),
    ]


@pytest.mark.parametrize("days", [-1, 31])
def test_days_out_of_range_are_refused(days):
    with pytest.raises(DomainError) as refused:
        reminders_send(today=TODAY, days=days)
    assert refused.value.message == "Số ngày làm việc phải là số nguyên từ 0 đến 30."


def _queries_to_find_reminders() -> int:
    with CaptureQueriesContext(connection) as captured:
        reminders_due(today=TODAY)
    return len(captured)


def test_queries_do_not_grow_with_rounds_proposals_or_lines(rounds, vote, everyone, org, users):
    """Each officer is read like their inbox (their reach, then one selection), so the count
    depends on the officers, not on how many rounds, drafts or lines are due."""
    before = _queries_to_find_reminders()
    for index in range(5):
        extra = _round(users["sector"], f"Đợt thêm {index}", DUE, DUE)
        Proposal.objects.create(round=extra, unit=org.area_hanoi_1, status=ProposalStatus.DRAFT)
        hanoi = Proposal.objects.create(
            round=extra, unit=org.hanoi, status=ProposalStatus.SUBMITTED
        )
        _line(hanoi, org.hanoi, f"Người thứ {index}")
    assert _queries_to_find_reminders() == before


def test_sending_runs_a_few_queries_per_officer_and_recipient(
    rounds, vote, everyone, org, django_assert_max_num_queries
):
    Proposal.objects.create(
        round=rounds["soon"], unit=org.area_hanoi_1, status=ProposalStatus.DRAFT
    )
    for index in range(5):
        unit_officer = make_user(f"tdkt.them{index}", (Role.UNIT_OFFICER, org.area_hanoi_1))
        _mail(unit_officer)
    # 8 unit officers and 1 sector officer read like their inbox (at most 4 queries each),
    # 8 recipients written (at most 3 each), and the clean-up, calendar, meetings, rows sent.
    with django_assert_max_num_queries(9 * 4 + 8 * 3 + 6):
        assert reminders_send(today=TODAY)["users"] == 8


def test_the_command_sends_once_a_day(rounds, vote, everyone, capsys, command_today):
    call_command("send_deadline_reminders")
    assert "Đã gửi thư nhắc hạn cho 3 người (3 việc)." in capsys.readouterr().out
    call_command("send_deadline_reminders", "--days", "3")
    assert "Đã gửi thư nhắc hạn cho 0 người (0 việc)." in capsys.readouterr().out
    assert len(mail.outbox) == 3


@pytest.mark.parametrize("days", ["99", "-1", "x", "3.5", "", "²", "٣"])
def test_the_command_refuses_bad_days(days, capsys):
    with pytest.raises(SystemExit) as exited:
        call_command("send_deadline_reminders", "--days", days)
    assert exited.value.code == 2
    assert "Số ngày làm việc phải là số nguyên từ 0 đến 30." in capsys.readouterr().err


def test_the_command_has_no_other_day_than_today(capsys):
    """A run as of another day would send real e-mail recorded under that day."""
    with pytest.raises(CommandError):
        call_command("send_deadline_reminders", "--today", "2026-11-23")


def test_a_run_overlapping_another_skips_the_users_the_other_recorded(
    rounds, vote, everyone, users, monkeypatch
):
    """Another run records the sector officer's reminder after this run found it: the unique
    constraint makes this run skip that user (no second e-mail) and send the others."""
    found = reminders.reminders_due

    def racing(**kwargs):
        due = found(**kwargs)
        mine = next(r for r in due if r.user.pk == users["sector"].pk)
        SentReminder.objects.create(
            user=mine.user, kind=mine.kind, object_id=mine.object_id, due_on=mine.due_on,
            sent_on=TODAY,
        )  # fmt: skip
        return due

    monkeypatch.setattr(reminders, "reminders_due", racing)
    assert reminders_send(today=TODAY) == {**NOTHING, "users": 2, "items": 2, "concurrent": 1}
    assert sorted(m.to[0] for m in mail.outbox) == ["hd.uyvien@example.vn", "tdkt.hanoi@example.vn"]
    assert SentReminder.objects.count() == 3


def test_the_same_reminder_cannot_be_recorded_twice_a_day(vote, everyone):
    """The constraint that makes an overlapping second run skip what the first one sends."""
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
