"""Writes to consultations: create and edit a draft, choose its candidates, publish, close.

Every state change takes its transition from ``CONSULTATION_WORKFLOW``; edits compare the
version the form was opened with (``save_with_version``), so two officers never silently
overwrite each other.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.scope import reach_of
from tdkt.consultation import permissions
from tdkt.consultation.models import Candidate, Consultation, ConsultationStatus
from tdkt.consultation.workflow import CLOSE, CONSULTATION_WORKFLOW, PUBLISH
from tdkt.core.concurrency import STALE_EDIT, save_with_version
from tdkt.core.dates import is_plausible
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.core.workdays import add_working_days
from tdkt.org.models import Unit
from tdkt.proposals.models import LineStatus, ProposalLine
from tdkt.rules.params import DatedValue, ParameterError, param

WORKING_DAYS_PARAMETER = "consultation.working_days"

NOT_OFFICER = "Chỉ cán bộ thi đua ngành mới được tổ chức lấy ý kiến nhân dân."
TITLE_REQUIRED = "Hãy nhập tiêu đề đợt lấy ý kiến."
OPENING_IMPLAUSIBLE = "Ngày bắt đầu %(date)s nằm ngoài khoảng 1900–2100."
OPENING_PAST = "Ngày bắt đầu %(date)s đã qua; hãy chọn từ hôm nay trở đi."
NO_PARAMETER = "Chưa có quy định số ngày công khai áp dụng vào ngày %(date)s."
NOT_DRAFT = "Đợt lấy ý kiến “%(title)s” đã công bố; không thể sửa danh sách hay nội dung."
NO_CANDIDATES = "Đợt lấy ý kiến chưa có người, tập thể nào để công khai."
LINE_NOT_ELIGIBLE = (
    "Dòng đề nghị %(line)s không thể công khai: chỉ công khai các dòng khen thưởng cấp Nhà "
    "nước của đợt “%(round)s” đã được Hội đồng thống nhất đề nghị."
)
LINE_ALREADY_PUBLISHED = "Dòng đề nghị %(line)s đã có trong đợt lấy ý kiến “%(title)s”."
LINE_CHANGED = (
    "Dòng đề nghị %(line)s nay ở trạng thái “%(status)s”; hãy bỏ khỏi danh sách trước khi công bố."
)
PERIOD_NOT_OVER = "Chưa hết thời hạn lấy ý kiến (đến hết ngày %(date)s); chưa thể kết thúc."
GONE = "Đợt lấy ý kiến này không còn (đã bị xóa); hãy tải lại danh sách."
CANDIDATE_GONE = "Người, tập thể này đã được bỏ khỏi danh sách; hãy tải lại trang."
NO_ISSUER = "Tài khoản không giữ vai trò cán bộ thi đua ngành tại đơn vị nào."


@dataclass(frozen=True)
class ConsultationInput:
    title: str
    round: object
    opens_on: dt.date
    intro: str = ""


def working_days_on(day: dt.date) -> DatedValue:
    """The dated parameter giving the number of working days of a consultation opening on
    ``day``; a ``DomainError`` when no value is in force yet."""
    try:
        return param(WORKING_DAYS_PARAMETER, day)
    except ParameterError as exc:
        raise DomainError(_(NO_PARAMETER) % {"date": f"{day:%d/%m/%Y}"}, field="opens_on") from exc


def closing_date(opens_on: dt.date, working_days: int) -> dt.date:
    """The last day of a window of ``working_days`` working days starting on ``opens_on``
    (the opening day counts when it is a working day): 10 days from Wednesday 10/9/2025 end
    on Tuesday 23/9/2025."""
    return add_working_days(opens_on - dt.timedelta(days=1), max(working_days, 1))


def require_officer(user) -> None:
    if user is not None and not permissions.can_manage(user):
        raise DomainError(_(NOT_OFFICER), code="not_officer")


def _issuer_unit(user) -> Unit:
    """The highest unit where ``user`` manages consultations (the root for superusers)."""
    reach = reach_of(user) if user is not None else None
    if reach is None or reach.everything:
        unit = Unit.objects.filter(parent__isnull=True).order_by("valid_to", "pk").first()
    else:
        paths = sorted(reach.paths.get(permissions.MANAGE, ()), key=len)
        unit = Unit.objects.filter(path=paths[0]).first() if paths else None
    if unit is None:
        raise DomainError(_(NO_ISSUER), code="no_issuer")
    return unit


def _validate(data: ConsultationInput, *, today: dt.date) -> tuple[str, int]:
    title = (data.title or "").strip()
    if not title:
        raise DomainError(_(TITLE_REQUIRED), field="title")
    if not is_plausible(data.opens_on):
        date = f"{data.opens_on:%d/%m/%Y}"
        raise DomainError(_(OPENING_IMPLAUSIBLE) % {"date": date}, field="opens_on")
    if data.opens_on < today:
        date = f"{data.opens_on:%d/%m/%Y}"
        raise DomainError(_(OPENING_PAST) % {"date": date}, field="opens_on")
    return title, int(working_days_on(data.opens_on).value)


def locked(consultation: Consultation, expected_version: int | None) -> Consultation:
    """The consultation as stored now, locked; a stale version or a deleted draft is refused."""
    stored = Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
    if stored is None:
        raise DomainError(_(GONE), code="gone")
    if expected_version is not None and stored.version != expected_version:
        raise StaleEditError(_(STALE_EDIT), code="stale")
    return stored


def _require_draft(consultation: Consultation) -> None:
    if consultation.status != ConsultationStatus.DRAFT:
        raise DomainError(_(NOT_DRAFT) % {"title": consultation.title}, code="not_draft")


@transaction.atomic
def consultation_create(*, data: ConsultationInput, user=None, today=None) -> Consultation:
    """A draft consultation for the round, holding every line of the round the user may
    publish (state-level code, passed by the council, not yet in a consultation)."""
    from tdkt.consultation.selectors import eligible_lines

    require_officer(user)
    today = today or timezone.localdate()
    title, days = _validate(data, today=today)
    consultation = Consultation(
        title=title,
        round=data.round,
        intro=(data.intro or "").strip(),
        opens_on=data.opens_on,
        working_days=days,
        closes_on=closing_date(data.opens_on, days),
        issuer_unit=_issuer_unit(user),
        created_by=user,
    )
    consultation._change_reason = _("Tạo đợt lấy ý kiến")
    consultation.save()
    lines = list(eligible_lines(user=user, round_=data.round))
    _add(consultation, lines)
    return consultation


@transaction.atomic
def consultation_update(
    *, consultation: Consultation, data: ConsultationInput, expected_version, user=None, today=None
) -> Consultation:
    """Change the title, notice and opening day of a draft; the closing day follows."""
    require_officer(user)
    today = today or timezone.localdate()
    stored = locked(consultation, expected_version)
    _require_draft(stored)
    title, days = _validate(data, today=today)
    stored.title = title
    stored.intro = (data.intro or "").strip()
    stored.opens_on = data.opens_on
    stored.working_days = days
    stored.closes_on = closing_date(data.opens_on, days)
    stored._change_reason = _("Sửa đợt lấy ý kiến")
    save_with_version(stored, expected_version=expected_version)
    return stored


@transaction.atomic
def consultation_delete(*, consultation: Consultation, user=None) -> None:
    """Remove a draft (its candidates go with it; the lines are untouched)."""
    require_officer(user)
    stored = locked(consultation, None)
    _require_draft(stored)
    stored.delete()


def _check_line(line: ProposalLine, consultation: Consultation) -> None:
    eligible = (
        line.status == LineStatus.PASSED
        and line.award_type.is_state_level
        and line.proposal.round_id == consultation.round_id
    )
    if not eligible:
        values = {"line": line, "round": consultation.round.name}
        raise DomainError(_(LINE_NOT_ELIGIBLE) % values, code="not_eligible")
    other = Candidate.objects.filter(line=line).select_related("consultation").first()
    if other is not None:
        values = {"line": line, "title": other.consultation.title}
        raise DomainError(_(LINE_ALREADY_PUBLISHED) % values, code="already_published")


def _add(consultation: Consultation, lines: list[ProposalLine]) -> list[Candidate]:
    start = consultation.candidates.aggregate(m=Max("position"))["m"] or 0
    candidates = [
        Candidate(
            consultation=consultation, line=line, summary=line.achievement, position=start + i
        )
        for i, line in enumerate(lines, start=1)
    ]
    for candidate in candidates:
        candidate._change_reason = _("Đưa vào danh sách công khai")
        try:
            with transaction.atomic():
                candidate.save()
        except IntegrityError as exc:
            # another officer published the same line at the same moment
            values = {"line": candidate.line, "title": _("khác")}
            raise DomainError(_(LINE_ALREADY_PUBLISHED) % values, code="already_published") from exc
    return candidates


@transaction.atomic
def candidates_add(*, consultation: Consultation, lines, user=None) -> list[Candidate]:
    """Add lines to a draft's list, all or nothing; each must be a state-level line of the
    consultation's round passed by the council and not published elsewhere."""
    require_officer(user)
    stored = locked(consultation, None)
    _require_draft(stored)
    lines = list(
        ProposalLine.objects.select_for_update(of=("self",))
        .select_related("award_type", "proposal", "person", "candidate_unit")
        .filter(pk__in=[line.pk for line in lines])
        .order_by("proposal__unit__path", "pk")
    )
    for line in lines:
        _check_line(line, stored)
    return _add(stored, lines)


@transaction.atomic
def candidate_remove(*, candidate: Candidate, user=None) -> None:
    """Take a line off a draft's list."""
    require_officer(user)
    stored = locked(candidate.consultation, None)
    _require_draft(stored)
    Candidate.objects.filter(pk=candidate.pk).delete()


@transaction.atomic
def candidate_update(*, candidate: Candidate, summary: str, expected_version, user=None):
    """Change the summary of achievements the public will read (draft only)."""
    require_officer(user)
    _require_draft(locked(candidate.consultation, None))
    stored = Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
    if stored is None:
        raise DomainError(_(CANDIDATE_GONE), code="gone")
    stored.summary = (summary or "").strip()
    stored._change_reason = _("Sửa tóm tắt thành tích công khai")
    save_with_version(stored, expected_version=expected_version)
    return stored


@transaction.atomic
def consultation_publish(
    *, consultation: Consultation, expected_version, user=None, today=None
) -> Consultation:
    """Publish a draft: its public page opens on the opening day. The closing day is counted
    again (the holiday calendar may have changed); every line must still be passed."""
    require_officer(user)
    today = today or timezone.localdate()
    stored = locked(consultation, expected_version)
    transition = CONSULTATION_WORKFLOW.step(
        stored.status, PUBLISH, subject=_("Đợt lấy ý kiến “%(t)s”") % {"t": stored.title}
    )
    if stored.opens_on < today:
        date = f"{stored.opens_on:%d/%m/%Y}"
        raise DomainError(_(OPENING_PAST) % {"date": date}, field="opens_on")
    candidates = list(stored.candidates.select_related("line__person", "line__candidate_unit"))
    if not candidates:
        raise DomainError(_(NO_CANDIDATES), code="empty")
    for candidate in candidates:
        line = candidate.line
        if line.status != LineStatus.PASSED:
            values = {"line": line, "status": line.get_status_display()}
            raise DomainError(_(LINE_CHANGED) % values, code="line_changed")
    stored.working_days = int(working_days_on(stored.opens_on).value)
    stored.closes_on = closing_date(stored.opens_on, stored.working_days)
    stored.status = transition.target
    stored.published_at = timezone.now()
    stored._change_reason = _("Công bố")
    save_with_version(stored, expected_version=expected_version)
    return stored


def close(stored: Consultation, *, today: dt.date) -> None:
    """Move a locked, published consultation whose period is over to closed (no save)."""
    transition = CONSULTATION_WORKFLOW.step(
        stored.status, CLOSE, subject=_("Đợt lấy ý kiến “%(t)s”") % {"t": stored.title}
    )
    if not stored.period_over_on(today):
        date = f"{stored.closes_on:%d/%m/%Y}"
        raise DomainError(_(PERIOD_NOT_OVER) % {"date": date}, code="period_not_over")
    stored.status = transition.target
    stored.closed_at = timezone.now()


@transaction.atomic
def consultation_close(
    *, consultation: Consultation, expected_version, user=None, today=None
) -> Consultation:
    """End a published consultation once its closing day has passed."""
    require_officer(user)
    stored = locked(consultation, expected_version)
    close(stored, today=today or timezone.localdate())
    stored._change_reason = _("Kết thúc lấy ý kiến")
    save_with_version(stored, expected_version=expected_version)
    return stored
