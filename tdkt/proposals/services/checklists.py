"""Writes to the dossier checklists (*thành phần hồ sơ*), kept up to date by the sector officer.

The checklists are data: when a new text changes what a dossier must hold, the officer ends the
old items on the day before it takes effect and adds the new ones from that day, so lines of
earlier rounds keep the checklist they were filed under. An item that documents were filed
against is never deleted, only ended. Every write checks the version the form was opened with
and records a reason in the history.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tdkt.core.concurrency import save_with_version
from tdkt.core.dates import is_plausible
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.proposals.models import ChecklistItem, DossierDocument

NAME_REQUIRED = "Hãy ghi tên thành phần hồ sơ."
REASON_REQUIRED = "Hãy ghi lý do thay đổi."
IMPLAUSIBLE = "Ngày phải nằm trong khoảng 01/01/1900 – 31/12/2100."
ENDS_BEFORE_START = "Ngày hết áp dụng không thể trước ngày bắt đầu áp dụng ({day})."
SAME_NAME = "Thành phần “{name}” đã có trong danh mục của {code} cho cùng thủ tục và thời kỳ."
HAS_DOCUMENTS = (
    "Đã có {count} tài liệu nộp theo thành phần này nên không xóa được; hãy ghi ngày hết áp "
    "dụng thay vì xóa."
)
CHANGED = (
    "Thành phần hồ sơ đã được người khác sửa hoặc xóa sau khi bạn mở trang. Thay đổi của bạn "
    "chưa được lưu; hãy tải lại trang."
)


@dataclass(frozen=True)
class ItemInput:
    name: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    mandatory: bool = True
    unsure: bool = False
    citation: str = ""


def _clean(data: ItemInput) -> ItemInput:
    name = " ".join((data.name or "").split())
    if not name:
        raise DomainError(_(NAME_REQUIRED), field="name")
    for field in ("valid_from", "valid_to"):
        day = getattr(data, field)
        if day is not None and not is_plausible(day):
            raise DomainError(_(IMPLAUSIBLE), field=field)
    if data.valid_to is not None and data.valid_to < data.valid_from:
        day = data.valid_from.strftime("%d/%m/%Y")
        raise DomainError(_(ENDS_BEFORE_START).format(day=day), field="valid_to")
    return ItemInput(
        name=name[:300],
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        mandatory=bool(data.mandatory),
        unsure=bool(data.unsure),
        citation=" ".join((data.citation or "").split())[:200],
    )


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_(REASON_REQUIRED), field="reason")
    return reason


def _refuse_same_name(item: ChecklistItem) -> None:
    same = ChecklistItem.objects.filter(
        award_type=item.award_type,
        procedure=item.procedure,
        valid_from=item.valid_from,
        name__iexact=item.name,
    ).exclude(pk=item.pk)
    if same.exists():
        message = _(SAME_NAME).format(name=item.name, code=item.award_type.code)
        raise DomainError(message, field="name")


@transaction.atomic
def checklist_item_add(
    *, award_type, procedure: str, data: ItemInput, reason: str, user=None
) -> ChecklistItem:
    """Add a component to the dossier of ``award_type`` under ``procedure``, in force from
    ``data.valid_from``; it goes last among the items that start that day."""
    reason = _reason(reason)
    data = _clean(data)
    last = ChecklistItem.objects.filter(
        award_type=award_type, procedure=procedure, valid_from=data.valid_from
    ).aggregate(last=Max("position"))["last"]
    item = ChecklistItem(
        award_type=award_type,
        procedure=procedure,
        position=(last or 0) + 1,
        **data.__dict__,
    )
    _refuse_same_name(item)
    item._history_user = user
    item._change_reason = reason
    item.save()
    return item


@transaction.atomic
def checklist_item_update(
    *,
    item: ChecklistItem,
    data: ItemInput,
    position: int,
    expected_version: int | None,
    reason: str,
    user=None,
) -> ChecklistItem:
    """Correct an item's name, period, order, mandatory and unsure marks or citation; refuses
    a stale edit."""
    reason = _reason(reason)
    data = _clean(data)
    for name, value in data.__dict__.items():
        setattr(item, name, value)
    item.position = max(1, min(int(position), 999))
    _refuse_same_name(item)
    item._history_user = user
    item._change_reason = reason
    try:
        save_with_version(item, expected_version=expected_version)
    except StaleEditError as error:
        raise StaleEditError(_(CHANGED), code="stale") from error
    return item


@transaction.atomic
def checklist_item_delete(*, item: ChecklistItem, expected_version: int | None, user=None) -> None:
    """Delete an item entered by mistake. Refused once a document was filed against it (end
    its period instead) or when the item changed since the page was opened."""
    stored = ChecklistItem.objects.select_for_update().filter(pk=item.pk).first()
    if stored is None or (expected_version is not None and stored.version != expected_version):
        raise StaleEditError(_(CHANGED), code="stale")
    count = DossierDocument.objects.filter(item=stored).count()
    if count:
        raise DomainError(_(HAS_DOCUMENTS).format(count=count), code="has_documents")
    stored._history_user = user
    stored._change_reason = _("Xóa thành phần hồ sơ")
    stored.delete()
