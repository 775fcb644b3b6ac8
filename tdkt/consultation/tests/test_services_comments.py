"""Comments from the public: validation, refusals, rate limits, honeypot, notification; and
their resolution by the officer."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from tdkt.consultation.models import Comment, Resolution, SubmissionAttempt
from tdkt.consultation.services import comments as services
from tdkt.consultation.tests.conftest import after_closing
from tdkt.core.errors import DomainError, StaleEditError

pytestmark = pytest.mark.django_db

TEXT = "Tôi đề nghị xem lại thành tích năm 2025 của cá nhân này."


def submit(consultation, **overrides):
    values = {"consultation_id": consultation.pk, "content": TEXT, "client_ip": "10.0.0.1"}
    values.update(overrides)
    return services.comment_submit(**values)


def test_a_comment_about_one_candidate_is_stored_with_private_details(published, lines):
    candidate = published.candidates.get(line=lines.duc)
    comment = submit(
        published,
        candidate_id=candidate.pk,
        author_name="  Nguyễn Văn Bình ",
        contact="0912 345 678",
    )
    assert comment.candidate == candidate
    assert comment.author_name == "Nguyễn Văn Bình"
    assert comment.contact == "0912345678"
    assert comment.client_ip == "10.0.0.1"
    assert not comment.is_resolved


@pytest.mark.parametrize(
    ("contact", "stored"),
    [("", ""), ("ban.doc@example.vn", "ban.doc@example.vn"), ("+84 912.345.678", "+84912345678")],
)
def test_valid_contacts(published, contact, stored):
    assert submit(published, contact=contact).contact == stored


@pytest.mark.parametrize(
    "contact", ["abc", "12345", "a@", "@b.vn", "0912 345 678 999 000", "x" * 300]
)
def test_invalid_contacts_are_refused(published, contact):
    with pytest.raises(DomainError) as error:
        submit(published, contact=contact)
    assert error.value.message == services.CONTACT_INVALID
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", services.CONTENT_REQUIRED),
        ("   \x00\x07  ", services.CONTENT_REQUIRED),
        ("ngắn", services.CONTENT_TOO_SHORT % {"n": services.CONTENT_MIN}),
        ("x" * (services.CONTENT_MAX + 1), services.CONTENT_TOO_LONG % {"n": services.CONTENT_MAX}),
    ],
)
def test_bad_content_is_refused(published, content, message):
    with pytest.raises(DomainError) as error:
        submit(published, content=content)
    assert error.value.message == message
    assert error.value.field == "content"


def test_a_too_long_name_is_refused(published):
    with pytest.raises(DomainError) as error:
        submit(published, author_name="A" * 121)
    assert error.value.field == "author_name"


@pytest.mark.parametrize("candidate_id", [999999, "abc", -1])
def test_a_candidate_of_another_consultation_or_junk_is_refused(published, candidate_id):
    with pytest.raises(DomainError) as error:
        submit(published, candidate_id=candidate_id)
    assert error.value.field == "candidate"


@pytest.mark.parametrize("consultation_id", [999999, "abc", None])
def test_a_missing_consultation_is_refused(consultation_id):
    with pytest.raises(DomainError) as error:
        services.comment_submit(consultation_id=consultation_id, content=TEXT)
    assert error.value.code == "missing"


def test_a_draft_takes_no_comments(draft):
    with pytest.raises(DomainError) as error:
        submit(draft)
    assert error.value.code == "missing"


def test_no_comment_before_the_opening_or_after_the_closing(published):
    with pytest.raises(DomainError) as error:
        submit(published, today=published.opens_on - dt.timedelta(days=1))
    assert "bắt đầu nhận ý kiến" in error.value.message
    with pytest.raises(DomainError) as error:
        submit(published, today=after_closing(published))
    assert error.value.code == "closed"
    assert not Comment.objects.exists()


def test_rate_limit_per_address(published, settings):
    settings.TDKT_CONSULTATION_COMMENTS_PER_IP_PER_HOUR = 2
    submit(published)
    submit(published)
    with pytest.raises(DomainError) as error:
        submit(published)
    assert error.value.code == "rate_ip"
    submit(published, client_ip="10.0.0.2")  # another address is not limited
    assert Comment.objects.count() == 3


def test_rate_limit_counts_only_the_last_hour(published, settings):
    settings.TDKT_CONSULTATION_COMMENTS_PER_IP_PER_HOUR = 1
    submit(published)
    SubmissionAttempt.objects.update(at=timezone.now() - dt.timedelta(minutes=61))
    submit(published)
    assert Comment.objects.count() == 2


def test_rate_limit_per_consultation(published, settings):
    settings.TDKT_CONSULTATION_COMMENTS_PER_CONSULTATION_PER_HOUR = 2
    submit(published, client_ip="10.0.0.1")
    submit(published, client_ip="10.0.0.2")
    with pytest.raises(DomainError) as error:
        submit(published, client_ip="10.0.0.3")
    assert error.value.code == "rate_consultation"


def test_honeypot_stores_nothing_but_counts(published, settings):
    settings.TDKT_CONSULTATION_COMMENTS_PER_IP_PER_HOUR = 1
    assert submit(published, trap="http://spam.example") is None
    assert not Comment.objects.exists()
    with pytest.raises(DomainError):
        submit(published)


def test_old_attempts_are_purged(published):
    submit(published)
    SubmissionAttempt.objects.update(at=timezone.now() - dt.timedelta(days=2))
    submit(published)
    assert SubmissionAttempt.objects.count() == 1


def test_the_officers_are_told_at_most_once_an_hour(
    published, users, django_capture_on_commit_callbacks
):
    from tdkt.accounts.models import User

    User.objects.filter(pk=users["sector"].pk).update(email="nganh@vks.gov.vn")
    User.objects.filter(pk=users["hanoi_officer"].pk).update(email="hanoi@vks.gov.vn")
    with django_capture_on_commit_callbacks(execute=True):
        submit(published)
    with django_capture_on_commit_callbacks(execute=True):
        submit(published, client_ip="10.0.0.9")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nganh@vks.gov.vn"]  # the unit officer does not manage it
    assert published.title in message.subject
    assert f"/cong-khai/quan-ly/{published.pk}/y-kien/" in message.body
    assert TEXT not in message.body and "10.0.0.1" not in message.body


def test_resolve_a_comment_with_a_note_keeps_history(published, users):
    comment = submit(published)
    resolved = services.comment_resolve(
        comment=comment,
        resolution=Resolution.NOT_GROUNDED,
        note="Đã xác minh với đơn vị.",
        expected_version=comment.version,
        user=users["sector"],
    )
    assert resolved.resolution == Resolution.NOT_GROUNDED
    assert resolved.resolved_by == users["sector"]
    changed = services.comment_resolve(
        comment=comment,
        resolution=Resolution.VERIFIED,
        note="Có cơ sở sau khi xác minh lại.",
        expected_version=resolved.version,
        user=users["sector"],
    )
    assert changed.resolution == Resolution.VERIFIED
    history = list(comment.history.order_by("history_date").values_list("resolution", flat=True))
    assert history == ["", Resolution.NOT_GROUNDED, Resolution.VERIFIED]


def test_resolve_refuses_a_stale_version(published, users):
    comment = submit(published)
    services.comment_resolve(
        comment=comment,
        resolution="NOT_RELEVANT",
        note="x",
        expected_version=1,
        user=users["sector"],
    )
    with pytest.raises(StaleEditError):
        services.comment_resolve(
            comment=comment,
            resolution="VERIFIED",
            note="y",
            expected_version=1,
            user=users["sector"],
        )


@pytest.mark.parametrize(
    ("resolution", "note", "field"), [("MAYBE", "x", "resolution"), ("VERIFIED", "  ", "note")]
)
def test_resolve_refuses_bad_input(published, users, resolution, note, field):
    comment = submit(published)
    with pytest.raises(DomainError) as error:
        services.comment_resolve(
            comment=comment,
            resolution=resolution,
            note=note,
            expected_version=comment.version,
            user=users["sector"],
        )
    assert error.value.field == field


def test_resolve_is_for_the_sector_officer(published, users):
    comment = submit(published)
    with pytest.raises(DomainError) as error:
        services.comment_resolve(
            comment=comment,
            resolution="VERIFIED",
            note="x",
            expected_version=comment.version,
            user=users["hanoi_officer"],
        )
    assert error.value.code == "not_officer"
