"""Writes to persons and their facts. Each validates, saves and records who changed what and why."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.concurrency import save_with_version
from tdkt.core.dates import adult_on, is_plausible
from tdkt.core.errors import DomainError
from tdkt.org.models import Unit
from tdkt.people.models import (
    Absence,
    Assignment,
    Discipline,
    Freeze,
    Person,
    TaskRating,
    YearlyRating,
)

REASON_REQUIRED = "Hãy ghi lý do thay đổi."
NAME_REQUIRED = "Họ và tên không được để trống."
BORN_TOO_LATE = "Ngày sinh phải trước ngày tuyển dụng ít nhất 18 năm."
LEFT_BEFORE_RECRUITED = "Ngày thôi công tác phải sau ngày tuyển dụng."
DATE_IMPLAUSIBLE = "Ngày phải nằm trong khoảng 01/01/1900 – 31/12/2100."
PERIOD_REVERSED = "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu."
YEAR_OUT_OF_RANGE = "Năm phải từ năm tuyển dụng đến năm hiện tại."
UNIT_NOT_VALID = "Đơn vị không còn hiệu lực vào ngày bắt đầu."
UNIT_OUT_OF_SCOPE = "Bạn không có quyền chuyển cán bộ đến đơn vị này."
MOVE_BEFORE_CURRENT = "Ngày chuyển phải sau ngày bắt đầu công tác tại đơn vị hiện tại."
FREEZE_ALREADY_CLOSED = "Việc tạm dừng này đã kết thúc."

PERSON_FIELDS = {
    "full_name",
    "gender",
    "date_of_birth",
    "rank",
    "position",
    "recruitment_date",
    "leaving_date",
}


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_(REASON_REQUIRED), field="reason")
    return reason


def _validate_person(person: Person) -> None:
    if not person.full_name.strip():
        raise DomainError(_(NAME_REQUIRED), field="full_name")
    for name in ("date_of_birth", "recruitment_date", "leaving_date"):
        if not is_plausible(getattr(person, name)):
            raise DomainError(_(DATE_IMPLAUSIBLE), field=name)
    if person.recruitment_date < adult_on(person.date_of_birth):
        raise DomainError(_(BORN_TOO_LATE), field="date_of_birth")
    if person.leaving_date and person.leaving_date < person.recruitment_date:
        raise DomainError(_(LEFT_BEFORE_RECRUITED), field="leaving_date")


@transaction.atomic
def person_update(
    *, person: Person, expected_version: int | None, reason: str, **fields: object
) -> Person:
    """Change a person's own fields; refuses a stale edit and records the reason."""
    unknown = set(fields) - PERSON_FIELDS
    if unknown:
        raise ValueError(f"person_update cannot change {sorted(unknown)}")
    reason = _require_reason(reason)
    for name, value in fields.items():
        setattr(person, name, value.strip() if isinstance(value, str) else value)
    _validate_person(person)
    person.refresh_derived()
    person._change_reason = reason
    save_with_version(person, expected_version=expected_version)
    if person.leaving_date:
        _close_open_assignment(person, person.leaving_date, reason)
    return person


def _close_open_assignment(person: Person, last_day: dt.date, reason: str) -> None:
    """End the person's open assignment on ``last_day`` (when it started by then)."""
    current = Assignment.objects.filter(person=person, end__isnull=True).first()
    if current is not None and current.start <= last_day:
        current.end = last_day
        current._change_reason = reason
        current.save()


@transaction.atomic
def person_move(
    *, person: Person, unit: Unit, position: str, start: dt.date, reason: str, user=None
) -> Assignment:
    """Transfer a person: close the open assignment the day before ``start``, open a new one.

    With ``user``, the destination must be within the user's reach for changing people.
    """
    reason = _require_reason(reason)
    if not unit.is_valid_on(start):
        raise DomainError(_(UNIT_NOT_VALID), field="unit")
    if (
        user is not None
        and not Unit.objects.restrict(user, "change_people").filter(pk=unit.pk).exists()
    ):
        raise DomainError(_(UNIT_OUT_OF_SCOPE), field="unit")
    current = Assignment.objects.filter(person=person, end__isnull=True).first()
    if current is not None:
        if start <= current.start:
            raise DomainError(_(MOVE_BEFORE_CURRENT), field="start")
        current.end = start - dt.timedelta(days=1)
        current._change_reason = reason
        current.save()
    assignment = Assignment(person=person, unit=unit, position=position, start=start)
    assignment._change_reason = reason
    assignment.save()
    person.unit = unit
    person.position = position
    person._change_reason = reason
    save_with_version(person, expected_version=None)
    return assignment


@transaction.atomic
def rating_set(*, person: Person, year: int, rating: str, reason: str) -> YearlyRating:
    """Set the person's task rating for ``year`` (one per year; a new value replaces the old)."""
    reason = _require_reason(reason)
    if rating not in TaskRating.values:
        raise DomainError(_("Xếp loại không hợp lệ."), field="rating")
    this_year = timezone.localdate().year
    if not person.recruitment_date.year <= year <= this_year:
        raise DomainError(_(YEAR_OUT_OF_RANGE), field="year")
    Person.objects.select_for_update().filter(pk=person.pk).exists()
    obj = YearlyRating.objects.filter(person=person, year=year).first()
    if obj is None:
        obj = YearlyRating(person=person, year=year)
    elif obj.rating == rating:
        return obj
    obj.rating = rating
    obj._change_reason = reason
    obj.save()
    return obj


def _check_period(start: dt.date, end: dt.date | None) -> None:
    if not is_plausible(start):
        raise DomainError(_(DATE_IMPLAUSIBLE), field="start")
    if not is_plausible(end):
        raise DomainError(_(DATE_IMPLAUSIBLE), field="end")
    if end is not None and end < start:
        raise DomainError(_(PERIOD_REVERSED), field="end")


@transaction.atomic
def absence_add(
    *, person: Person, reason_code: str, start: dt.date, end: dt.date, note: str, reason: str
) -> Absence:
    """Record a period of absence from work."""
    reason = _require_reason(reason)
    _check_period(start, end)
    fields = {"person": person, "reason": reason_code, "start": start, "end": end}
    if existing := Absence.objects.filter(**fields).first():
        return existing
    absence = Absence(**fields, note=note)
    absence._change_reason = reason
    absence.save()
    return absence


@transaction.atomic
def discipline_add(
    *,
    person: Person,
    level: str,
    decision_number: str,
    decided_on: dt.date,
    start: dt.date,
    end: dt.date,
    grounds: str,
    reason: str,
) -> Discipline:
    """Record a disciplinary measure and the period it runs."""
    reason = _require_reason(reason)
    _check_period(start, end)
    if start < decided_on:
        raise DomainError(_("Thời hạn kỷ luật bắt đầu từ ngày quyết định."), field="start")
    fields = {"person": person, "level": level, "decided_on": decided_on, "start": start}
    if existing := Discipline.objects.filter(**fields, end=end).first():
        return existing
    discipline = Discipline(**fields, end=end, decision_number=decision_number, reason=grounds)
    discipline._change_reason = reason
    discipline.save()
    return discipline


@transaction.atomic
def freeze_add(
    *, person: Person, reason_code: str, start: dt.date, end: dt.date | None, note: str, reason: str
) -> Freeze:
    """Open (or record) a period during which the person may not be commended."""
    reason = _require_reason(reason)
    _check_period(start, end)
    fields = {"person": person, "reason": reason_code, "start": start, "end": end}
    if existing := Freeze.objects.filter(**fields).first():
        return existing
    freeze = Freeze(**fields, note=note)
    freeze._change_reason = reason
    freeze.save()
    return freeze


@transaction.atomic
def freeze_close(*, freeze: Freeze, end: dt.date, reason: str) -> Freeze:
    """End an open freeze on ``end``."""
    reason = _require_reason(reason)
    if freeze.end is not None:
        raise DomainError(_(FREEZE_ALREADY_CLOSED), field="end")
    _check_period(freeze.start, end)
    freeze.end = end
    freeze._change_reason = reason
    freeze.save()
    return freeze
