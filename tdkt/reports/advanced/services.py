"""Writes on advanced models, their stories and their spread. Every write checks that the user
may manage emulation at the model's unit, keeps history with a reason, and refuses stale edits."""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.core.search import fold
from tdkt.core.uploads import DOCX, JPEG, PDF, PNG, checked_upload
from tdkt.org.models import Unit, UnitType, path_ids
from tdkt.people.models import Person
from tdkt.reports.models import Adoption, AdvancedModel, SourceKind, Story

FIRST_YEAR = 2015
STORY_MAX_BYTES = 10 * 1024 * 1024
STORY_TYPES = frozenset({PDF, DOCX, PNG, JPEG})

SUBJECT_REQUIRED = "Chọn đúng một cá nhân hoặc một tập thể."
SUBJECT_OUT_OF_SCOPE = "Cá nhân hoặc tập thể này không thuộc phạm vi đơn vị của bạn."
YEAR_OUT_OF_RANGE = "Năm phải từ {low} đến {high}."
TITLE_REQUIRED = "Nhập tên điển hình."
REASON_REQUIRED = "Nhập thành tích, lý do lựa chọn."
SOURCE_MISSING = "Nguồn “{kind}” cần chọn {what}."
AWARD_OF_OTHER = "Khen thưởng đã chọn không phải của cá nhân, tập thể này."
PUBLIC_SUMMARY_REQUIRED = "Nhập nội dung công khai trước khi công bố."
STORY_LINK_OR_FILE = "Bài viết cần có đường dẫn hoặc tệp đính kèm."
STORY_IN_FUTURE = "Ngày đăng không được sau hôm nay."
ADOPTION_UNKNOWN_UNIT = "Không tìm thấy đơn vị có mã “{code}”."
ADOPTION_TWICE = "Đơn vị này đã được ghi nhận học tập, nhân rộng điển hình."
ADOPTION_BEFORE_YEAR = "Ngày nhân rộng không được trước năm của điển hình ({year})."
ADOPTION_IN_FUTURE = "Ngày nhân rộng không được sau hôm nay."


@dataclass
class ModelInput:
    """What a user enters for a model (from the form or the demo generator)."""

    year: int
    title: str
    reason: str
    source_kind: str = SourceKind.OTHER
    person: Person | None = None
    collective: Unit | None = None
    source_award: object = None
    source_movement: object = None
    source_cluster: object = None
    public_summary: str = ""


def province_of(unit: Unit) -> Unit | None:
    """The provincial procuracy at or above ``unit`` (one query), or None."""
    return Unit.objects.filter(pk__in=path_ids(unit.path), unit_type=UnitType.PROVINCIAL).first()


def _manageable_unit(user, unit: Unit) -> bool:
    return user is None or Unit.objects.restrict(user, MANAGE_EMULATION).filter(pk=unit.pk).exists()


def _validate(data: ModelInput, user) -> Unit:
    """Check the input; return the owner unit (the collective, or the person's unit)."""
    if (data.person is None) == (data.collective is None):
        raise DomainError(_(SUBJECT_REQUIRED), field="person")
    owner = data.collective or data.person.unit
    if not _manageable_unit(user, owner):
        raise DomainError(_(SUBJECT_OUT_OF_SCOPE), field="person")
    high = timezone.localdate().year
    if not FIRST_YEAR <= data.year <= high:
        raise DomainError(_(YEAR_OUT_OF_RANGE).format(low=FIRST_YEAR, high=high), field="year")
    data.title = (data.title or "").strip()
    data.reason = (data.reason or "").strip()
    if not data.title:
        raise DomainError(_(TITLE_REQUIRED), field="title")
    if not data.reason:
        raise DomainError(_(REASON_REQUIRED), field="reason")
    needed = {
        SourceKind.AWARD: ("source_award", _("khen thưởng")),
        SourceKind.MOVEMENT: ("source_movement", _("phong trào")),
        SourceKind.CLUSTER: ("source_cluster", _("cụm, khối thi đua")),
    }.get(data.source_kind)
    if needed and getattr(data, needed[0]) is None:
        kind = SourceKind(data.source_kind).label
        raise DomainError(_(SOURCE_MISSING).format(kind=kind, what=needed[1]), field=needed[0])
    award = data.source_award
    if award is not None and (
        award.person_id != (data.person.pk if data.person else None)
        or award.unit_id != (data.collective.pk if data.collective else None)
    ):
        raise DomainError(_(AWARD_OF_OTHER), field="source_award")
    return owner


def _apply(model: AdvancedModel, data: ModelInput, owner: Unit) -> None:
    for name in (
        "year", "title", "reason", "source_kind", "person", "collective",
        "source_award", "source_movement", "source_cluster",
    ):  # fmt: skip
        setattr(model, name, getattr(data, name))
    model.public_summary = (data.public_summary or "").strip()
    model.owner_unit = owner
    model.province = province_of(owner)
    subject = data.person.full_name if data.person else data.collective.full_name
    model.search_text = fold(model.title, subject)


@transaction.atomic
def advanced_model_create(*, data: ModelInput, user) -> AdvancedModel:
    """Register a person or a collective as an advanced model of a year."""
    owner = _validate(data, user)
    model = AdvancedModel(created_by=user if user and user.pk else None)
    _apply(model, data, owner)
    model._change_reason = _("Ghi nhận điển hình")
    model.save()
    return model


@transaction.atomic
def advanced_model_update(
    *, model: AdvancedModel, data: ModelInput, expected_version: int | None, user, reason: str
) -> AdvancedModel:
    """Change a model's subject, year, reason or source; refuses a stale edit."""
    _require_manage(model, user)
    owner = _validate(data, user)
    _apply(model, data, owner)
    if model.published and not model.public_summary:
        raise DomainError(_(PUBLIC_SUMMARY_REQUIRED), field="public_summary")
    model._change_reason = reason.strip() or _("Sửa")
    save_with_version(model, expected_version=expected_version)
    return model


@transaction.atomic
def advanced_model_publish(
    *, model: AdvancedModel, published: bool, expected_version: int | None, user
) -> AdvancedModel:
    """Show the model on its public page, or withdraw it (the page then answers 404)."""
    _require_manage(model, user)
    if published and not model.public_summary.strip():
        raise DomainError(_(PUBLIC_SUMMARY_REQUIRED), field="public_summary")
    model.published = published
    model._change_reason = _("Công bố công khai") if published else _("Thôi công khai")
    save_with_version(model, expected_version=expected_version)
    return model


def may_manage(user, model: AdvancedModel) -> bool:
    """Whether ``user`` may edit ``model``, its stories and its spread (one query)."""
    return _manageable_unit(user, model.owner_unit)


def _require_manage(model: AdvancedModel, user) -> None:
    if not may_manage(user, model):
        raise Http404


@transaction.atomic
def story_add(
    *,
    model: AdvancedModel,
    user,
    title: str,
    published_on: dt.date,
    outlet: str,
    link: str = "",
    upload=None,
) -> Story:
    """Attach an article to a model, with a link or a checked file (PDF, Word, image)."""
    _require_manage(model, user)
    if not (link or "").strip() and upload is None:
        raise DomainError(_(STORY_LINK_OR_FILE), field="link")
    if published_on > timezone.localdate():
        raise DomainError(_(STORY_IN_FUTURE), field="published_on")
    story = Story(
        model=model,
        title=title.strip(),
        published_on=published_on,
        outlet=outlet.strip(),
        link=(link or "").strip(),
    )
    if upload is not None:
        story.content_type = checked_upload(
            upload, max_bytes=STORY_MAX_BYTES, allowed=STORY_TYPES, field="file"
        )
        story.file_name = (getattr(upload, "name", "") or "")[-200:]
        story.file.save(upload.name, upload, save=False)
    story._change_reason = _("Thêm bài viết")
    story.save()
    return story


@transaction.atomic
def story_remove(*, story: Story, user) -> None:
    _require_manage(story.model, user)
    story._change_reason = _("Xóa bài viết")
    if story.file:
        story.file.delete(save=False)
    story.delete()


@transaction.atomic
def adoption_add(
    *, model: AdvancedModel, user, unit_code: str, adopted_on: dt.date, note: str = ""
) -> Adoption:
    """Record that a unit (any unit of the sector, named by its code) learned from the model."""
    _require_manage(model, user)
    code = (unit_code or "").strip()
    unit = Unit.objects.filter(code__iexact=code).first()
    if unit is None:
        raise DomainError(_(ADOPTION_UNKNOWN_UNIT).format(code=code), field="unit_code")
    if adopted_on.year < model.year:
        raise DomainError(_(ADOPTION_BEFORE_YEAR).format(year=model.year), field="adopted_on")
    if adopted_on > timezone.localdate():
        raise DomainError(_(ADOPTION_IN_FUTURE), field="adopted_on")
    adoption = Adoption(model=model, unit=unit, adopted_on=adopted_on, note=note.strip())
    adoption._change_reason = _("Ghi nhận nhân rộng")
    try:
        with transaction.atomic():
            adoption.save()
    except IntegrityError as exc:
        raise DomainError(_(ADOPTION_TWICE), field="unit_code") from exc
    return adoption


@transaction.atomic
def adoption_remove(*, adoption: Adoption, user) -> None:
    _require_manage(adoption.model, user)
    adoption._change_reason = _("Xóa ghi nhận nhân rộng")
    adoption.delete()
