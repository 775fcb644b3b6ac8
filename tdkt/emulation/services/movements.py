"""Writes to movements: launch and edit, mid-term and final reviews with their report files,
and the thematic commendations given for a movement."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.catalog.models import CommendationKind
from tdkt.core.concurrency import save_with_version
from tdkt.core.dates import is_plausible
from tdkt.core.errors import DomainError
from tdkt.core.uploads import DOCX, PDF, content_type_of
from tdkt.emulation.models import Movement, MovementReview, ReviewStage
from tdkt.org.models import Unit

REPORT_MAX_BYTES = 10 * 1024 * 1024

NAME_REQUIRED = "Tên phong trào không được để trống."
YEARS_REVERSED = "Năm kết thúc phải bằng hoặc sau năm bắt đầu."
YEARS_OUT_OF_RANGE = "Thời gian phong trào phải trong khoảng 2000 – 2100 và không quá 10 năm."
DATE_IMPLAUSIBLE = "Ngày phải nằm trong khoảng 01/01/1900 – 31/12/2100."
NOT_LAUNCHER = "Bạn không có quyền phát động phong trào thay đơn vị này."
PARTICIPANT_OUTSIDE = "Đơn vị tham gia %(unit)s không thuộc đơn vị phát động."
REVIEW_DATE_OUTSIDE = "Ngày sơ kết, tổng kết phải trong thời gian phong trào (%(start)s – %(end)s)."
FINAL_TWICE = "Phong trào đã được tổng kết; mỗi phong trào chỉ có một lần tổng kết."
REPORT_REQUIRED = "Hãy đính kèm báo cáo sơ kết, tổng kết."
REPORT_TOO_LARGE = "Tệp báo cáo vượt quá 10 MB."
REPORT_BAD_TYPE = "Báo cáo phải là tệp PDF hoặc Word (.docx); tệp “%(name)s” không đúng định dạng."
AWARD_NOT_THEMATIC = (
    "Khen thưởng %(award)s không thuộc loại hình theo đợt, chuyên đề nên không gắn vào phong trào."
)
AWARD_OUTSIDE_PERIOD = "Khen thưởng %(award)s không thuộc thời gian của phong trào."


@dataclass
class MovementInput:
    name: str
    kind: str
    launched_by: Unit
    start_year: int
    end_year: int
    document_number: str = ""
    document_date: dt.date | None = None
    content: str = ""
    targets: str = ""
    participants: list[Unit] = field(default_factory=list)


def _may_launch(user, unit: Unit) -> bool:
    if user is None:
        return True
    return Unit.objects.restrict(user, MANAGE_EMULATION).filter(pk=unit.pk).exists()


def _validate(data: MovementInput, user) -> None:
    if not data.name.strip():
        raise DomainError(_(NAME_REQUIRED), field="name")
    if data.end_year < data.start_year:
        raise DomainError(_(YEARS_REVERSED), field="end_year")
    if not (data.start_year >= 2000 and data.end_year <= 2100) or (
        data.end_year - data.start_year >= 10
    ):
        raise DomainError(_(YEARS_OUT_OF_RANGE), field="start_year")
    if data.document_date is not None and not is_plausible(data.document_date):
        raise DomainError(_(DATE_IMPLAUSIBLE), field="document_date")
    if not _may_launch(user, data.launched_by):
        raise DomainError(_(NOT_LAUNCHER), field="launched_by")
    for unit in data.participants:
        if not unit.path.startswith(data.launched_by.path):
            raise DomainError(_(PARTICIPANT_OUTSIDE) % {"unit": unit}, field="participants")


def _apply(movement: Movement, data: MovementInput) -> None:
    movement.name = data.name.strip()
    movement.kind = data.kind
    movement.launched_by = data.launched_by
    movement.start_year, movement.end_year = data.start_year, data.end_year
    movement.document_number = data.document_number.strip()
    movement.document_date = data.document_date
    movement.content = data.content.strip()
    movement.targets = data.targets.strip()


@transaction.atomic
def movement_create(*, data: MovementInput, user=None) -> Movement:
    """Launch a movement; the user must manage emulation at the launching unit."""
    _validate(data, user)
    movement = Movement()
    _apply(movement, data)
    movement._change_reason = _("Phát động")
    movement.save()
    movement.participants.set(data.participants)
    return movement


@transaction.atomic
def movement_update(
    *, movement: Movement, data: MovementInput, expected_version: int | None, user=None
) -> Movement:
    """Change a movement; refuses a stale edit."""
    _validate(data, user)
    _apply(movement, data)
    movement._change_reason = _("Sửa")
    save_with_version(movement, expected_version=expected_version)
    movement.participants.set(data.participants)
    return movement


def report_kind(upload) -> str | None:
    """``"pdf"`` or ``"docx"`` when the file's content (read from its first bytes and, for
    Word, its parts) matches its name's extension; ``None`` otherwise."""
    name = (upload.name or "").lower()
    found = content_type_of(upload)
    if name.endswith(".pdf") and found == PDF:
        return "pdf"
    if name.endswith(".docx") and found == DOCX:
        return "docx"
    return None


def validate_report(upload) -> None:
    if upload is None:
        raise DomainError(_(REPORT_REQUIRED), field="report")
    if upload.size > REPORT_MAX_BYTES:
        raise DomainError(_(REPORT_TOO_LARGE), field="report")
    if report_kind(upload) is None:
        raise DomainError(_(REPORT_BAD_TYPE) % {"name": upload.name}, field="report")


@transaction.atomic
def movement_review_add(
    *, movement: Movement, stage: str, held_on: dt.date, report, summary: str = "", user=None
) -> MovementReview:
    """Record a mid-term or final review held during the movement, with its PDF or Word report.
    A movement has at most one final review."""
    if not _may_launch(user, movement.launched_by):
        raise DomainError(_(NOT_LAUNCHER))
    if not (movement.start_year <= held_on.year <= movement.end_year + 1):
        raise DomainError(
            _(REVIEW_DATE_OUTSIDE) % {"start": movement.start_year, "end": movement.end_year + 1},
            field="held_on",
        )
    Movement.objects.select_for_update().filter(pk=movement.pk).first()
    if stage == ReviewStage.FINAL and movement.reviews.filter(stage=ReviewStage.FINAL).exists():
        raise DomainError(_(FINAL_TWICE), field="stage")
    validate_report(report)
    review = MovementReview(
        movement=movement,
        stage=stage,
        held_on=held_on,
        summary=summary.strip(),
        report_name=report.name[-200:],
    )
    review.report.save(report.name, report, save=False)
    review.save()
    return review


@transaction.atomic
def movement_awards_set(*, movement: Movement, awards: list, user=None) -> None:
    """Link the commendations given for the movement: thematic ones (*theo đợt, chuyên đề*)
    of the movement's years only, so they never feed the merit chains."""
    if not _may_launch(user, movement.launched_by):
        raise DomainError(_(NOT_LAUNCHER))
    for award in awards:
        if award.kind != CommendationKind.CHUYEN_DE:
            raise DomainError(_(AWARD_NOT_THEMATIC) % {"award": award}, field="awards")
        if not movement.start_year <= award.year <= movement.end_year:
            raise DomainError(_(AWARD_OUTSIDE_PERIOD) % {"award": award}, field="awards")
    movement.awards.set(awards)


REVIEWED_DELETE = "Phong trào đã có sơ kết, tổng kết nên không thể xóa."


@transaction.atomic
def movement_delete(*, movement: Movement, user=None) -> None:
    """Delete a movement recorded by mistake; refused once it has a review. Links to awards
    are removed, the awards stay in the register."""
    if not _may_launch(user, movement.launched_by):
        raise DomainError(_(NOT_LAUNCHER))
    if movement.reviews.exists():
        raise DomainError(_(REVIEWED_DELETE))
    movement._change_reason = _("Xóa")
    movement.delete()
