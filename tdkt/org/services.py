"""Writes to the organisation: every change is validated and recorded with who and why."""

import datetime as dt
from collections.abc import Iterable

from django.db import models, transaction
from django.utils.translation import gettext as _
from simple_history.utils import update_change_reason

from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.org.models import EventKind, RestructuringEvent, Unit

PARENT_NOT_VALID = "Đơn vị cấp trên không còn hiệu lực trong thời gian hiệu lực của đơn vị này."
PERIOD_REVERSED = "Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực."
CODE_TAKEN = "Mã đơn vị đã được dùng cho đơn vị khác."
EVENT_NEEDS_PREDECESSOR = "Sự kiện tổ chức lại phải có ít nhất một đơn vị trước."
EVENT_SUCCESSOR_COUNT = "Số đơn vị sau không phù hợp với loại sự kiện."
PREDECESSOR_STILL_VALID = "Đơn vị trước phải hết hiệu lực vào ngày trước ngày của sự kiện."
SUCCESSOR_NOT_STARTED = "Đơn vị sau phải còn hiệu lực vào ngày của sự kiện."
CHILDREN_STILL_VALID = (
    "Đơn vị “%(unit)s” còn đơn vị trực thuộc có hiệu lực sau ngày sự kiện; "
    "hãy sắp xếp các đơn vị trực thuộc trước."
)
CHILD_OUTSIDE_PERIOD = (
    "Có đơn vị trực thuộc còn hiệu lực ngoài thời gian hiệu lực mới; hãy sắp xếp chúng trước."
)
PERIOD_CONTRADICTS_EVENT = (
    "Thời gian hiệu lực mới mâu thuẫn với ngày của sự kiện sắp xếp, tổ chức lại đã ghi nhận."
)
SAME_UNIT_BOTH_SIDES = "Một đơn vị không thể vừa là đơn vị trước vừa là đơn vị sau."
STARTS_BEFORE_EVENT = "Đơn vị trước phải bắt đầu hiệu lực trước ngày của sự kiện."


def assign_paths(units: Iterable[Unit]) -> None:
    """Set ``path`` and ``depth`` in memory for saved units whose parents already have paths.

    Callers pass units parents first (as bulk loaders naturally do) and save them afterwards.
    """
    for unit in units:
        parent_path = unit.parent.path if unit.parent_id else "/"
        unit.path = f"{parent_path}{unit.pk}/"
        unit.depth = parent_path.count("/") - 1


def _validate_unit(unit: Unit) -> None:
    if unit.valid_to and unit.valid_to < unit.valid_from:
        raise DomainError(_(PERIOD_REVERSED), field="valid_to")
    parent = unit.parent
    if parent is not None:
        ends_after = unit.valid_to is None or (parent.valid_to and unit.valid_to > parent.valid_to)
        if unit.valid_from < parent.valid_from or (parent.valid_to and ends_after):
            raise DomainError(_(PARENT_NOT_VALID), field="parent")
    if Unit.objects.filter(code=unit.code).exclude(pk=unit.pk).exists():
        raise DomainError(_(CODE_TAKEN), field="code")
    if unit.pk is not None:
        _validate_against_children_and_events(unit)


def _validate_against_children_and_events(unit: Unit) -> None:
    """A saved unit's period must cover its children's and agree with its events' dates."""
    outside = unit.children.filter(valid_from__lt=unit.valid_from)
    if unit.valid_to is not None:
        outside = outside | unit.children.filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=unit.valid_to)
        )
    if outside.exists():
        raise DomainError(_(CHILD_OUTSIDE_PERIOD), field="valid_to")
    for day in RestructuringEvent.objects.filter(predecessors=unit).values_list("date", flat=True):
        if unit.valid_to != day - dt.timedelta(days=1):
            raise DomainError(_(PERIOD_CONTRADICTS_EVENT), field="valid_to")
    for day in RestructuringEvent.objects.filter(successors=unit).values_list("date", flat=True):
        if not unit.is_valid_on(day):
            raise DomainError(_(PERIOD_CONTRADICTS_EVENT), field="valid_from")


@transaction.atomic
def unit_create(
    *,
    code: str,
    short_name: str,
    full_name: str,
    unit_type: str,
    parent: Unit | None,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    sort_order: int = 0,
    reason: str = "",
) -> Unit:
    """Create a unit under ``parent``, valid within the parent's period."""
    unit = Unit(
        code=code.strip(),
        short_name=short_name.strip(),
        full_name=full_name.strip(),
        unit_type=unit_type,
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
        sort_order=sort_order,
    )
    _validate_unit(unit)
    unit.refresh_derived()
    unit._change_reason = reason or _("Tạo đơn vị")
    unit.save()
    assign_paths([unit])
    Unit.objects.filter(pk=unit.pk).update(path=unit.path, depth=unit.depth)
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, expected_version: int | None, reason: str, **fields: object) -> Unit:
    """Change a unit's names, code, order or validity period; the parent cannot change."""
    allowed = {"code", "short_name", "full_name", "valid_from", "valid_to", "sort_order"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unit_update cannot change {sorted(unknown)}")
    for name, value in fields.items():
        setattr(unit, name, value.strip() if isinstance(value, str) else value)
    _validate_unit(unit)
    unit.refresh_derived()
    unit._change_reason = reason
    save_with_version(unit, expected_version=expected_version)
    return unit


def _close(unit: Unit, last_day: dt.date, reason: str) -> None:
    """End ``unit`` on ``last_day`` unless it already ended then."""
    if unit.valid_to == last_day:
        return
    if unit.valid_from > last_day:
        raise DomainError(_(STARTS_BEFORE_EVENT), field="predecessors")
    open_children = unit.children.filter(
        models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=last_day)
    )
    if open_children.exists():
        raise DomainError(_(CHILDREN_STILL_VALID) % {"unit": unit.short_name}, field="predecessors")
    unit.valid_to = last_day
    unit._change_reason = reason
    save_with_version(unit, expected_version=None)


_SUCCESSOR_COUNTS = {
    EventKind.MERGE: (1, 1),
    EventKind.SPLIT: (2, None),
    EventKind.RENAME: (1, 1),
    EventKind.DISSOLVE: (0, 1),
    EventKind.REORGANISE: (1, None),
}


@transaction.atomic
def restructuring_record(
    *,
    kind: str,
    date: dt.date,
    predecessors: list[Unit],
    successors: list[Unit],
    decision: str = "",
    note: str = "",
    reason: str = "",
    close_predecessors: bool = False,
) -> RestructuringEvent:
    """Record that ``predecessors`` ended the day before ``date`` and ``successors`` took over.

    A dissolution may name the unit that takes over its work as its single successor. With
    ``close_predecessors``, predecessors still valid are ended on the day before ``date``
    (refused while one of them has a child valid after that day).
    """
    if not predecessors:
        raise DomainError(_(EVENT_NEEDS_PREDECESSOR), field="predecessors")
    low, high = _SUCCESSOR_COUNTS[EventKind(kind)]
    if len(successors) < low or (high is not None and len(successors) > high):
        raise DomainError(_(EVENT_SUCCESSOR_COUNT), field="successors")
    if {u.pk for u in predecessors} & {u.pk for u in successors}:
        raise DomainError(_(SAME_UNIT_BOTH_SIDES), field="successors")
    last_day = date - dt.timedelta(days=1)
    if close_predecessors:
        for unit in predecessors:
            _close(unit, last_day, reason or _("Kết thúc do sắp xếp tổ chức"))
    for unit in predecessors:
        if unit.valid_to != last_day:
            raise DomainError(_(PREDECESSOR_STILL_VALID), field="predecessors")
    for unit in successors:
        if not unit.is_valid_on(date):
            raise DomainError(_(SUCCESSOR_NOT_STARTED), field="successors")
    event = RestructuringEvent.objects.create(kind=kind, date=date, decision=decision, note=note)
    event.predecessors.set(predecessors)
    event.successors.set(successors)
    update_change_reason(event, reason or _("Ghi nhận sự kiện tổ chức lại"))
    return event
