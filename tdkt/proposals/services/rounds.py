"""Writes to proposal rounds: open, edit, close."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.catalog.models import AwardType
from tdkt.core.concurrency import save_with_version
from tdkt.core.dates import is_plausible
from tdkt.core.errors import DomainError
from tdkt.core.workdays import add_working_days
from tdkt.proposals import permissions
from tdkt.proposals.models import ProposalRound, RoundKind, RoundStatus

NAME_REQUIRED = "Tên đợt đề nghị không được để trống."
YEAR_OUT_OF_RANGE = "Năm xét phải trong khoảng 2000 – 2100."
DEADLINES_REVERSED = "Hạn thẩm định phải bằng hoặc sau hạn nộp hồ sơ."
DATE_IMPLAUSIBLE = "Ngày phải nằm trong khoảng 01/01/1900 – 31/12/2100."
CODES_REQUIRED = "Hãy chọn ít nhất một danh hiệu, hình thức khen thưởng mà đợt nhận đề nghị."
MOVEMENT_REQUIRED = "Đợt theo chuyên đề phải gắn với một phong trào thi đua."
MOVEMENT_NOT_ALLOWED = "Chỉ đợt theo đợt, chuyên đề mới gắn với phong trào thi đua."
CASE_REQUIRED = "Đợt đột xuất phải chọn một trường hợp áp dụng thủ tục đơn giản."
CASE_NOT_ALLOWED = "Chỉ đợt đột xuất mới áp dụng thủ tục đơn giản."
MOVEMENT_YEAR = "Phong trào “%(movement)s” không diễn ra trong năm %(year)s."
NOT_MANAGER = "Chỉ cán bộ thi đua ngành mới mở, sửa và đóng đợt đề nghị."
ALREADY_CLOSED = "Đợt đề nghị đã đóng."
CODE_IN_USE = "Không bỏ được %(code)s: đã có đề nghị theo danh hiệu, hình thức này trong đợt."
DEADLINE_MISSING = "Hãy nhập hạn thẩm định, hoặc số ngày làm việc thẩm định sau hạn nộp."
WORKING_DAYS_RANGE = "Số ngày làm việc thẩm định phải từ 1 đến %(most)s."
DEADLINE_MISMATCH = (
    "Hạn thẩm định %(typed)s không khớp với %(days)s ngày làm việc sau hạn nộp (%(computed)s). "
    "Hãy để trống một trong hai ô."
)
CODES_OF_KIND = "Đợt “%(kind)s” chỉ nhận %(allowed)s; không nhận %(codes)s."
MEDAL_ONLY_IN_ITS_ROUND = (
    "Kỷ niệm chương chỉ xét trong đợt Kỷ niệm chương (26/7); không nhận %(codes)s."
)
MOST_WORKING_DAYS = 120
MEDAL_PREFIX = "KNC_"


@dataclass
class RoundInput:
    name: str
    kind: str
    year: int
    submission_deadline: dt.date
    appraisal_deadline: dt.date | None
    award_types: list[AwardType] = field(default_factory=list)
    movement: object = None
    simplified_case: str = ""
    note: str = ""
    appraisal_working_days: int | None = None


def _settle_appraisal_deadline(data: RoundInput) -> None:
    """Fill ``data.appraisal_deadline`` from the working days when they are given (the
    calendar as it stands; later changes to it move open rounds, ``deadlines_follow_calendar``);
    refuse a typed date that disagrees with them, or neither of the two."""
    days = data.appraisal_working_days
    if days is None:
        if data.appraisal_deadline is None:
            raise DomainError(_(DEADLINE_MISSING), field="appraisal_deadline")
        return
    if not 1 <= days <= MOST_WORKING_DAYS:
        message = _(WORKING_DAYS_RANGE) % {"most": MOST_WORKING_DAYS}
        raise DomainError(message, field="appraisal_working_days")
    if not is_plausible(data.submission_deadline):
        raise DomainError(_(DATE_IMPLAUSIBLE), field="submission_deadline")
    computed = add_working_days(data.submission_deadline, days)
    typed = data.appraisal_deadline
    if typed is not None and typed != computed:
        values = {"typed": f"{typed:%d/%m/%Y}", "days": days, "computed": f"{computed:%d/%m/%Y}"}
        raise DomainError(_(DEADLINE_MISMATCH) % values, field="appraisal_deadline")
    data.appraisal_deadline = computed


def _check_codes_of_kind(data: RoundInput) -> None:
    """The sector medal has its own round and that round takes nothing else; a state-level
    round takes only state-level titles and forms (level 2 and above)."""
    medal = data.kind == RoundKind.SECTOR_MEDAL
    state = data.kind == RoundKind.STATE
    if medal:
        wrong = [a for a in data.award_types if not a.code.startswith(MEDAL_PREFIX)]
        allowed = _("Kỷ niệm chương")
    elif state:
        wrong = [a for a in data.award_types if not a.is_state_level]
        allowed = _("danh hiệu, hình thức khen thưởng cấp Nhà nước")
    else:
        wrong = [a for a in data.award_types if a.code.startswith(MEDAL_PREFIX)]
        if wrong:
            codes = ", ".join(a.code for a in wrong)
            raise DomainError(_(MEDAL_ONLY_IN_ITS_ROUND) % {"codes": codes}, field="award_types")
        return
    if wrong:
        values = {
            "kind": RoundKind(data.kind).label,
            "allowed": allowed,
            "codes": ", ".join(a.code for a in wrong),
        }
        raise DomainError(_(CODES_OF_KIND) % values, field="award_types")


def _validate(data: RoundInput, user) -> None:
    if user is not None and not permissions.can_manage_rounds(user):
        raise DomainError(_(NOT_MANAGER), code="not_manager")
    if not data.name.strip():
        raise DomainError(_(NAME_REQUIRED), field="name")
    if not 2000 <= data.year <= 2100:
        raise DomainError(_(YEAR_OUT_OF_RANGE), field="year")
    _settle_appraisal_deadline(data)
    for name in ("submission_deadline", "appraisal_deadline"):
        if not is_plausible(getattr(data, name)):
            raise DomainError(_(DATE_IMPLAUSIBLE), field=name)
    if data.appraisal_deadline < data.submission_deadline:
        raise DomainError(_(DEADLINES_REVERSED), field="appraisal_deadline")
    if not data.award_types:
        raise DomainError(_(CODES_REQUIRED), field="award_types")
    _check_codes_of_kind(data)
    thematic = data.kind == RoundKind.THEMATIC
    if thematic and data.movement is None:
        raise DomainError(_(MOVEMENT_REQUIRED), field="movement")
    if not thematic and data.movement is not None:
        raise DomainError(_(MOVEMENT_NOT_ALLOWED), field="movement")
    if thematic and not data.movement.start_year <= data.year <= data.movement.end_year:
        message = _(MOVEMENT_YEAR) % {"movement": data.movement, "year": data.year}
        raise DomainError(message, field="movement")
    ad_hoc = data.kind == RoundKind.AD_HOC
    if ad_hoc and not data.simplified_case:
        raise DomainError(_(CASE_REQUIRED), field="simplified_case")
    if not ad_hoc and data.simplified_case:
        raise DomainError(_(CASE_NOT_ALLOWED), field="simplified_case")


def _apply(round_: ProposalRound, data: RoundInput) -> None:
    round_.name = data.name.strip()
    round_.kind = data.kind
    round_.year = data.year
    round_.movement = data.movement
    round_.simplified_case = data.simplified_case
    round_.submission_deadline = data.submission_deadline
    round_.appraisal_deadline = data.appraisal_deadline
    round_.appraisal_working_days = data.appraisal_working_days
    round_.note = data.note.strip()


@transaction.atomic
def round_create(*, data: RoundInput, user=None) -> ProposalRound:
    """Open a round; only the sector officer and administrators may."""
    _validate(data, user)
    round_ = ProposalRound()
    _apply(round_, data)
    round_._change_reason = _("Mở đợt")
    round_.save()
    round_.award_types.set(data.award_types)
    return round_


@transaction.atomic
def round_update(
    *, round_: ProposalRound, data: RoundInput, expected_version: int | None, user=None
) -> ProposalRound:
    """Change an open round. The year cannot change once proposals exist, and a code cannot
    be dropped while a line proposes it; refuses a stale edit."""
    from tdkt.proposals.models import ProposalLine

    _validate(data, user)
    if not round_.is_open:
        raise DomainError(_(ALREADY_CLOSED), code="closed")
    lines = ProposalLine.objects.filter(proposal__round=round_)
    if data.year != round_.year and lines.exists():
        raise DomainError(_("Đợt đã có đề nghị nên không đổi được năm xét."), field="year")
    kept = {a.pk for a in data.award_types}
    used = lines.exclude(award_type__in=kept).select_related("award_type").first()
    if used is not None:
        raise DomainError(_(CODE_IN_USE) % {"code": used.award_type.code}, field="award_types")
    _apply(round_, data)
    round_._change_reason = _("Sửa")
    save_with_version(round_, expected_version=expected_version)
    round_.award_types.set(data.award_types)
    return round_


def deadlines_follow_calendar(day: dt.date) -> int:
    """Recompute the appraisal deadline of every open round counted in working days whose
    count starts before ``day`` (a day just added to or removed from the holiday calendar);
    returns how many rounds moved. Must run in a transaction: the rounds are locked while
    recomputed, so a close or an edit committed meanwhile is not overwritten. One query, plus
    for each such round (a handful at a time) a read of the calendar, and for each one moved a
    save with its version check and history row."""
    moved = 0
    candidates = ProposalRound.objects.select_for_update().filter(
        status=RoundStatus.OPEN,
        appraisal_working_days__isnull=False,
        submission_deadline__lt=day,
    )
    for round_ in candidates:
        due = add_working_days(round_.submission_deadline, round_.appraisal_working_days)
        if due != round_.appraisal_deadline:
            round_.appraisal_deadline = due
            round_._change_reason = _("Lịch ngày nghỉ thay đổi")
            save_with_version(round_, expected_version=None)
            moved += 1
    return moved


@transaction.atomic
def round_close(*, round_: ProposalRound, user=None) -> ProposalRound:
    """Close a round: no proposal can be created, changed or submitted in it any more.
    Closing a closed round changes nothing."""
    if user is not None and not permissions.can_manage_rounds(user):
        raise DomainError(_(NOT_MANAGER), code="not_manager")
    locked = ProposalRound.objects.select_for_update().get(pk=round_.pk)
    if not locked.is_open:
        return locked
    locked.status = RoundStatus.CLOSED
    locked.closed_at = timezone.now()
    locked._change_reason = _("Đóng đợt")
    save_with_version(locked, expected_version=None)
    return locked
