"""Writes to initiatives: submission by authors or officers, review and decision.

Every write validates, saves with the version the form was opened with and records a reason in
the history. Deciding is for the TĐKT officer of the unit (or of the sector), never an author.
Sending for review, recognising and refusing e-mail the people concerned after commit
(``initiatives.notifications``).
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scope import reach_of
from tdkt.core.concurrency import STALE_EDIT, save_with_version
from tdkt.core.dates import is_plausible
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.core.uploads import DOCX, EXTENSIONS, PDF, checked_upload
from tdkt.council.models import MemberRole
from tdkt.initiatives import notifications
from tdkt.initiatives.models import (
    Attachment,
    AuthorShare,
    EffectScope,
    Initiative,
    InitiativeReview,
    Opinion,
    Status,
)
from tdkt.initiatives.selectors import council_for
from tdkt.org.models import Unit
from tdkt.people.models import Person

MANAGE = "manage_emulation"
MAX_AUTHORS = 5
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
ATTACHMENT_TYPES = frozenset({PDF, DOCX})

TITLE_REQUIRED = "Tên sáng kiến không được để trống."
NO_AUTHOR = "Sáng kiến phải có ít nhất một tác giả."
AUTHOR_TWICE = "Tác giả “%(name)s” được ghi hai lần."
SHARES_NOT_100 = "Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%% (hiện là %(total)s%%)."
SHARE_OUT_OF_RANGE = "Tỷ lệ đóng góp của mỗi tác giả phải từ 1 đến 100%."
SELF_NOT_AUTHOR = "Bạn chỉ có thể nộp sáng kiến mà chính bạn là tác giả."
UNIT_NOT_ALLOWED = "Bạn không thể nộp sáng kiến cho đơn vị này."
YEAR_OUT_OF_RANGE = "Năm phải từ 2000 đến năm hiện tại."
NOT_DRAFT = "Chỉ sửa hoặc nộp được sáng kiến đang ở trạng thái nháp."
NOT_DRAFT_DELETE = "Chỉ xóa được sáng kiến đang ở trạng thái nháp."
NOT_SUBMITTED = "Chỉ quyết định được sáng kiến đã nộp và đang chờ xét."
RECUSAL = "Bạn là tác giả của sáng kiến này nên không được quyết định công nhận (phải tránh)."
SCOPE_REQUIRED = "Hãy chọn phạm vi ảnh hưởng của sáng kiến được công nhận."
DECISION_REQUIRED = "Hãy ghi số quyết định, ngày quyết định và cơ quan công nhận."
DATE_IMPLAUSIBLE = "Ngày phải nằm trong khoảng 01/01/1900 – 31/12/2100."
DATE_IN_FUTURE = "Ngày quyết định không được sau ngày hôm nay."
REASON_REQUIRED = "Hãy ghi lý do không công nhận."
NO_COUNCIL = "Chưa có hội đồng chấm sáng kiến còn hiệu lực cho đơn vị của sáng kiến này."
NOT_COUNCIL_MEMBER = "Chỉ thành viên hội đồng (không phải thư ký) mới được chấm sáng kiến này."
REVIEW_RECUSAL = "Bạn là tác giả nên không tham gia chấm sáng kiến này."
NOT_SUBMITTED_REVIEW = "Chỉ chấm được sáng kiến đã nộp và đang chờ xét."
SCORE_OUT_OF_RANGE = "Điểm phải là số nguyên từ 0 đến 100."
OPINION_REQUIRED = "Hãy chọn ý kiến: đề nghị công nhận hoặc không đề nghị công nhận."
NOT_ALLOWED_TO_ATTACH = "Chỉ thêm được tệp khi sáng kiến đang là nháp hoặc chờ xét."


@dataclass(frozen=True)
class ShareInput:
    person: Person
    percent: int


def may_submit_for_units(user):
    """Units the user may submit initiatives for: the units reached for TĐKT work, or, for a
    staff member, the unit of their own record."""
    today = timezone.localdate()
    q = Q(pk__in=Unit.objects.restrict(user, MANAGE).valid_on(today).values("pk"))
    if user.person_id is not None:
        q |= Q(pk__in=Person.objects.filter(pk=user.person_id).values("unit_id"))
    return Unit.objects.filter(q).order_by("path")


def _check_content(*, user, unit: Unit, title: str, year: int, shares: list[ShareInput]) -> str:
    title = (title or "").strip()
    if not title:
        raise DomainError(_(TITLE_REQUIRED), field="title")
    if not 2000 <= year <= timezone.localdate().year:
        raise DomainError(_(YEAR_OUT_OF_RANGE), field="year")
    if not may_submit_for_units(user).filter(pk=unit.pk).exists():
        raise DomainError(_(UNIT_NOT_ALLOWED), field="unit")
    if not shares:
        raise DomainError(_(NO_AUTHOR), field="authors")
    seen = set()
    for share in shares:
        if share.person.pk in seen:
            raise DomainError(_(AUTHOR_TWICE) % {"name": share.person.full_name}, field="authors")
        seen.add(share.person.pk)
        if not 1 <= share.percent <= 100:
            raise DomainError(_(SHARE_OUT_OF_RANGE), field="authors")
    total = sum(share.percent for share in shares)
    if total != 100:
        raise DomainError(_(SHARES_NOT_100) % {"total": total}, field="authors")
    officer = Unit.objects.restrict(user, MANAGE).filter(pk=unit.pk).exists()
    if not officer and user.person_id not in seen:
        raise DomainError(_(SELF_NOT_AUTHOR), field="authors")
    return title


def _write_shares(initiative: Initiative, shares: list[ShareInput]) -> None:
    AuthorShare.objects.filter(initiative=initiative).delete()
    AuthorShare.objects.bulk_create(
        AuthorShare(initiative=initiative, person=s.person, percent=s.percent, position=i)
        for i, s in enumerate(shares)
    )
    initiative.authors.set([s.person for s in shares])


@transaction.atomic
def initiative_save(
    *,
    user,
    initiative: Initiative | None,
    expected_version: int | None,
    unit: Unit,
    title: str,
    year: int,
    description: str,
    applied_where: str,
    applied_result: str,
    shares: list[ShareInput],
    submit: bool,
) -> Initiative:
    """Create a new initiative or change a draft; with ``submit`` it goes to review."""
    title = _check_content(user=user, unit=unit, title=title, year=year, shares=shares)
    if initiative is None:
        initiative = Initiative()
    elif initiative.status != Status.DRAFT:
        raise DomainError(_(NOT_DRAFT))
    initiative.title = title
    initiative.unit = unit
    initiative.year = year
    initiative.description = description.strip()
    initiative.applied_where = applied_where.strip()
    initiative.applied_result = applied_result.strip()
    if submit:
        initiative.status = Status.SUBMITTED
        initiative.submitted_by = user
        initiative.submitted_on = timezone.localdate()
    initiative._change_reason = _("Nộp sáng kiến") if submit else _("Lưu nháp")
    save_with_version(initiative, expected_version=expected_version)
    _write_shares(initiative, shares)
    if submit:
        notifications.initiative_submitted(initiative)
    return initiative


@transaction.atomic
def initiative_submit(*, user, initiative: Initiative, expected_version: int | None) -> None:
    """Send a draft to review."""
    if initiative.status != Status.DRAFT:
        raise DomainError(_(NOT_DRAFT))
    initiative.status = Status.SUBMITTED
    initiative.submitted_by = user
    initiative.submitted_on = timezone.localdate()
    initiative._change_reason = _("Nộp sáng kiến")
    save_with_version(initiative, expected_version=expected_version)
    notifications.initiative_submitted(initiative)


@transaction.atomic
def initiative_delete_draft(*, initiative: Initiative, expected_version: int | None) -> None:
    """Delete a draft with its shares and files; submitted or decided ones are kept."""
    stored = (
        Initiative.objects.select_for_update()
        .filter(pk=initiative.pk)
        .values_list("version", "status")
        .first()
    )
    if stored is None:
        return
    version, status = stored
    if status != Status.DRAFT:
        raise DomainError(_(NOT_DRAFT_DELETE))
    if expected_version is not None and version != expected_version:
        raise StaleEditError(_(STALE_EDIT), code="stale")
    files = [attachment.file for attachment in initiative.attachments.all()]
    initiative._change_reason = _("Xóa nháp")
    initiative.delete()
    for stored_file in files:
        transaction.on_commit(lambda f=stored_file: f.delete(save=False))


def _check_decider(user, initiative: Initiative) -> None:
    if not Initiative.objects.restrict(user, MANAGE).filter(pk=initiative.pk).exists():
        raise DomainError(_("Bạn không có quyền quyết định sáng kiến của đơn vị này."))
    person_id = reach_of(user).person_id
    if person_id is not None and initiative.authors.filter(pk=person_id).exists():
        raise DomainError(_(RECUSAL))
    if initiative.status != Status.SUBMITTED:
        raise DomainError(_(NOT_SUBMITTED))


@transaction.atomic
def initiative_recognise(
    *,
    user,
    initiative: Initiative,
    expected_version: int | None,
    effect_scope: str,
    decision_number: str,
    decided_on: dt.date | None,
    recognising_body: str,
) -> None:
    """Recognise a submitted initiative with its scope of effect and the decision."""
    _check_decider(user, initiative)
    if effect_scope not in EffectScope.values:
        raise DomainError(_(SCOPE_REQUIRED), field="effect_scope")
    decision_number = (decision_number or "").strip()
    recognising_body = (recognising_body or "").strip()
    if not decision_number or not recognising_body or decided_on is None:
        raise DomainError(_(DECISION_REQUIRED), field="decision_number")
    if not is_plausible(decided_on):
        raise DomainError(_(DATE_IMPLAUSIBLE), field="decided_on")
    if decided_on > timezone.localdate():
        raise DomainError(_(DATE_IN_FUTURE), field="decided_on")
    initiative.status = Status.RECOGNISED
    initiative.effect_scope = effect_scope
    initiative.decision_number = decision_number
    initiative.recognised_on = decided_on
    initiative.recognising_body = recognising_body
    initiative.refusal_reason = ""
    initiative.decided_by = user
    initiative._change_reason = _("Công nhận sáng kiến")
    save_with_version(initiative, expected_version=expected_version)
    notifications.initiative_recognised(initiative, user)


@transaction.atomic
def initiative_refuse(
    *, user, initiative: Initiative, expected_version: int | None, reason: str
) -> None:
    """Refuse a submitted initiative, giving the reasons."""
    _check_decider(user, initiative)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_(REASON_REQUIRED), field="refusal_reason")
    initiative.status = Status.REFUSED
    initiative.refusal_reason = reason
    initiative.decided_by = user
    initiative._change_reason = _("Không công nhận: %(reason)s") % {"reason": reason[:80]}
    save_with_version(initiative, expected_version=expected_version)
    notifications.initiative_refused(initiative, user)


def attachment_add(*, user, initiative: Initiative, upload) -> Attachment:
    """Store a PDF or Word file for an initiative that is still a draft or under review."""
    if initiative.status not in (Status.DRAFT, Status.SUBMITTED):
        raise DomainError(_(NOT_ALLOWED_TO_ATTACH), field="file")
    content_type = checked_upload(upload, max_bytes=MAX_UPLOAD_BYTES, allowed=ATTACHMENT_TYPES)
    name = PurePosixPath(upload.name or "tep").name[:255]
    attachment = Attachment(
        initiative=initiative,
        original_name=name,
        content_type=content_type,
        extension=EXTENSIONS[content_type],
        uploaded_by=user,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def review_save(
    *,
    user,
    initiative: Initiative,
    expected_version: int | None,
    score,
    opinion: str,
    comment: str,
) -> InitiativeReview:
    """Record or change ``user``'s review of a submitted initiative.

    Only a voting member of the initiative's council (see ``selectors.council_for``) who is
    not an author reviews; ``expected_version`` is the version of the user's review the form
    was opened with (``None`` for a first review), so a concurrent change is refused.
    """
    status = (
        Initiative.objects.select_for_update()
        .filter(pk=initiative.pk)
        .values_list("status", flat=True)
        .first()
    )
    if status != Status.SUBMITTED:
        raise DomainError(_(NOT_SUBMITTED_REVIEW))
    council = council_for(initiative)
    if council is None:
        raise DomainError(_(NO_COUNCIL))
    seated = council.members.filter(user=user).exclude(role=MemberRole.SECRETARY).exists()
    if not seated:
        raise DomainError(_(NOT_COUNCIL_MEMBER))
    person_id = reach_of(user).person_id
    if person_id is not None and initiative.authors.filter(pk=person_id).exists():
        raise DomainError(_(REVIEW_RECUSAL))
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100:
        raise DomainError(_(SCORE_OUT_OF_RANGE), field="score")
    if opinion not in Opinion.values:
        raise DomainError(_(OPINION_REQUIRED), field="opinion")
    review = InitiativeReview.objects.filter(initiative=initiative, reviewer=user).first()
    if review is None:
        if expected_version is not None:
            raise StaleEditError(_(STALE_EDIT), code="stale")
        review = InitiativeReview(initiative=initiative, reviewer=user)
    elif expected_version is None:
        # the form was opened before this user's first review was saved (another tab)
        raise StaleEditError(_(STALE_EDIT), code="stale")
    review.score = score
    review.opinion = opinion
    review.comment = (comment or "").strip()
    review._change_reason = _("Chấm sáng kiến")
    save_with_version(review, expected_version=expected_version)
    return review
