"""Comments from the public and their resolution by the officer.

Anyone may comment on an open consultation, within rate limits counted in the database (so
they hold across server processes): per client address and per consultation, per hour (the
settings ``TDKT_CONSULTATION_COMMENTS_PER_IP_PER_HOUR`` and
``TDKT_CONSULTATION_COMMENTS_PER_CONSULTATION_PER_HOUR``). The officers of the organising unit
learn of new comments by e-mail, at most once per consultation per
``TDKT_CONSULTATION_NOTIFY_EVERY_MINUTES``.
"""

import datetime as dt
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.models import RoleAssignment
from tdkt.accounts.permissions import ACTIONS_BY_ROLE
from tdkt.consultation import permissions
from tdkt.consultation.conf import setting
from tdkt.consultation.models import (
    Candidate,
    Comment,
    Consultation,
    ConsultationStatus,
    Resolution,
    SubmissionAttempt,
)
from tdkt.consultation.services.consultations import NOT_OFFICER
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.core.notify import notify

CONTENT_MAX = 3000
CONTENT_MIN = 10
NAME_MAX = 120
CONTACT_MAX = 254
HOUR = dt.timedelta(hours=1)

CONTENT_REQUIRED = "Hãy nhập nội dung ý kiến."
CONTENT_TOO_SHORT = "Nội dung ý kiến quá ngắn (ít nhất %(n)d ký tự)."
CONTENT_TOO_LONG = "Nội dung ý kiến dài quá %(n)d ký tự; hãy rút gọn."
NAME_TOO_LONG = "Họ tên dài quá %(n)d ký tự."
CONTACT_INVALID = (
    "Thông tin liên hệ phải là số điện thoại (9–11 chữ số, có thể bắt đầu bằng +84) hoặc địa "
    "chỉ thư điện tử hợp lệ."
)
CONSULTATION_MISSING = "Không tìm thấy đợt lấy ý kiến này, hoặc đợt chưa được công bố."
NOT_OPEN_YET = "Đợt lấy ý kiến bắt đầu nhận ý kiến từ ngày %(date)s."
CLOSED = "Đợt lấy ý kiến đã kết thúc ngày %(date)s; không nhận thêm ý kiến."
CANDIDATE_MISSING = "Người, tập thể được chọn không có trong danh sách công khai của đợt này."
TOO_MANY_FROM_ADDRESS = (
    "Bạn đã gửi %(n)d ý kiến trong một giờ qua; hãy gửi tiếp sau ít phút nữa. Ý kiến vừa "
    "nhập chưa được gửi."
)
TOO_MANY_FOR_CONSULTATION = (
    "Đợt lấy ý kiến đang nhận quá nhiều ý kiến cùng lúc; hãy gửi lại sau ít phút. Ý kiến vừa "
    "nhập chưa được gửi."
)
RESOLUTION_UNKNOWN = "Hãy chọn kết quả xem xét ý kiến."
NOTE_REQUIRED = "Hãy ghi nhận xét của cán bộ về ý kiến này."
CANNOT_RESOLVE = "Đợt lấy ý kiến “%(title)s” đã ghi kết quả; không thể sửa việc xem xét ý kiến."

_PHONE = re.compile(r"^(\+84|0)\d{8,10}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Text as typed, without control characters and surrounding spaces."""
    return _CONTROL.sub("", value or "").strip()


def clean_content(value: str) -> str:
    content = clean_text(value)
    if not content:
        raise DomainError(_(CONTENT_REQUIRED), field="content")
    if len(content) < CONTENT_MIN:
        raise DomainError(_(CONTENT_TOO_SHORT) % {"n": CONTENT_MIN}, field="content")
    if len(content) > CONTENT_MAX:
        raise DomainError(_(CONTENT_TOO_LONG) % {"n": CONTENT_MAX}, field="content")
    return content


def clean_name(value: str) -> str:
    name = clean_text(value)
    if len(name) > NAME_MAX:
        raise DomainError(_(NAME_TOO_LONG) % {"n": NAME_MAX}, field="author_name")
    return name


def clean_contact(value: str) -> str:
    """An e-mail address or a Vietnamese phone number (spaces, dots and dashes ignored);
    empty when none was given."""
    contact = clean_text(value)
    if not contact:
        return ""
    if len(contact) > CONTACT_MAX:
        raise DomainError(_(CONTACT_INVALID), field="contact")
    if "@" in contact:
        try:
            validate_email(contact)
        except ValidationError:
            raise DomainError(_(CONTACT_INVALID), field="contact") from None
        return contact
    phone = re.sub(r"[\s.\-()]", "", contact)
    if not _PHONE.match(phone):
        raise DomainError(_(CONTACT_INVALID), field="contact")
    return phone


def _require_open(consultation: Consultation | None, today: dt.date) -> Consultation:
    if consultation is None or consultation.status == ConsultationStatus.DRAFT:
        raise DomainError(_(CONSULTATION_MISSING), code="missing")
    if today < consultation.opens_on:
        raise DomainError(_(NOT_OPEN_YET) % {"date": f"{consultation.opens_on:%d/%m/%Y}"})
    if not consultation.accepts_comments_on(today):
        raise DomainError(_(CLOSED) % {"date": f"{consultation.closes_on:%d/%m/%Y}"}, code="closed")
    return consultation


def _check_rate(consultation: Consultation, client_ip: str | None, now) -> None:
    since = now - HOUR
    per_ip = setting("TDKT_CONSULTATION_COMMENTS_PER_IP_PER_HOUR")
    if client_ip:
        sent = SubmissionAttempt.objects.filter(client_ip=client_ip, at__gte=since).count()
        if sent >= per_ip:
            raise DomainError(_(TOO_MANY_FROM_ADDRESS) % {"n": sent}, code="rate_ip")
    per_consultation = setting("TDKT_CONSULTATION_COMMENTS_PER_CONSULTATION_PER_HOUR")
    received = SubmissionAttempt.objects.filter(consultation=consultation, at__gte=since).count()
    if received >= per_consultation:
        raise DomainError(_(TOO_MANY_FOR_CONSULTATION), code="rate_consultation")


def _record_attempt(consultation, client_ip, now, *, accepted: bool) -> None:
    SubmissionAttempt.objects.filter(at__lt=now - dt.timedelta(days=1)).delete()
    SubmissionAttempt.objects.create(
        consultation=consultation, client_ip=client_ip, accepted=accepted
    )


@transaction.atomic
def comment_submit(
    *,
    consultation_id,
    content: str,
    candidate_id=None,
    author_name: str = "",
    contact: str = "",
    client_ip: str | None = None,
    trap: str = "",
    today: dt.date | None = None,
) -> Comment | None:
    """Store a comment from the public on an open consultation, or refuse it with the reason
    (nothing stored). A filled honeypot (``trap``) counts as an attempt and stores nothing,
    answering as if it had worked (None). Notifies the officers, at most once an interval."""
    now = timezone.now()
    today = today or timezone.localdate()
    try:
        consultation = Consultation.objects.select_for_update().filter(pk=consultation_id).first()
    except (ValueError, TypeError):
        consultation = None
    consultation = _require_open(consultation, today)
    content = clean_content(content)
    author_name = clean_name(author_name)
    contact = clean_contact(contact)
    candidate = None
    if candidate_id not in (None, ""):
        try:
            candidate = Candidate.objects.filter(consultation=consultation, pk=candidate_id).first()
        except (ValueError, TypeError):
            candidate = None
        if candidate is None:
            raise DomainError(_(CANDIDATE_MISSING), field="candidate")
    _check_rate(consultation, client_ip, now)
    if trap:
        _record_attempt(consultation, client_ip, now, accepted=False)
        return None
    _record_attempt(consultation, client_ip, now, accepted=True)
    comment = Comment(
        consultation=consultation,
        candidate=candidate,
        content=content,
        author_name=author_name,
        contact=contact,
        client_ip=client_ip,
    )
    comment._change_reason = _("Nhận ý kiến")
    comment.save()
    _notify_officers(consultation, now)
    return comment


def officers_of(consultation: Consultation) -> list:
    """Active users who manage ``consultation``: roles granting ``change_catalog`` at its
    organising unit or above, and its creator (two queries)."""
    roles = [role for role, actions in ACTIONS_BY_ROLE.items() if permissions.MANAGE in actions]
    path = consultation.issuer_unit.path
    users = {
        assignment.user
        for assignment in RoleAssignment.objects.filter(role__in=roles).select_related(
            "user", "unit"
        )
        if path.startswith(assignment.unit.path)
    }
    if consultation.created_by_id:
        users.add(consultation.created_by)
    return [u for u in users if u.is_active]


def _notify_officers(consultation: Consultation, now) -> None:
    interval = dt.timedelta(minutes=setting("TDKT_CONSULTATION_NOTIFY_EVERY_MINUTES"))
    last = consultation.last_notified_at
    if last is not None and now - last < interval:
        return
    Consultation.objects.filter(pk=consultation.pk).update(last_notified_at=now)
    url = settings.TDKT_SITE_URL.rstrip("/") + reverse(
        "consultation:comments", args=[consultation.pk]
    )
    subject = _("Có ý kiến nhân dân mới: %(title)s") % {"title": consultation.title}
    body = _(
        "Đợt lấy ý kiến “%(title)s” vừa nhận ý kiến mới. Xem và xem xét các ý kiến tại: %(url)s"
    ) % {"title": consultation.title, "url": url}
    notify(users=officers_of(consultation), subject=subject, body=body)


@transaction.atomic
def comment_resolve(
    *, comment: Comment, resolution: str, note: str, expected_version, user=None
) -> Comment:
    """Record (or change) the officer's finding on a comment with their note, until the
    consultation's outcome is recorded. The history keeps every earlier finding."""
    if user is not None and not permissions.can_manage(user):
        raise DomainError(_(NOT_OFFICER), code="not_officer")
    if resolution not in Resolution.values:
        raise DomainError(_(RESOLUTION_UNKNOWN), field="resolution")
    note = clean_text(note)
    if not note:
        raise DomainError(_(NOTE_REQUIRED), field="note")
    stored = Comment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
    if stored.consultation.status == ConsultationStatus.OUTCOME_RECORDED:
        raise DomainError(_(CANNOT_RESOLVE) % {"title": stored.consultation.title})
    stored.resolution = resolution
    stored.resolution_note = note
    stored.resolved_by = user
    stored.resolved_at = timezone.now()
    stored._change_reason = str(Resolution(resolution).label)
    save_with_version(stored, expected_version=expected_version)
    return stored
