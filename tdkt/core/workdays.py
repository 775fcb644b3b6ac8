"""Working days of the sector: Monday to Friday, except the public holidays stored as data
(``PublicHoliday``). Deadlines of appraisal and consultation count in these days.

Each function reads the holidays of the span it needs in one query.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tdkt.core.dates import is_plausible
from tdkt.core.errors import DomainError
from tdkt.core.models import PublicHoliday

ONE_DAY = dt.timedelta(days=1)
DUPLICATE_HOLIDAY = "Ngày %(date)s đã có trong lịch nghỉ (%(name)s)."
NAME_REQUIRED = "Hãy nhập tên ngày nghỉ."
IMPLAUSIBLE_DATE = "Ngày %(date)s nằm ngoài khoảng 1900–2100."


def holidays_between(first: dt.date, last: dt.date) -> set[dt.date]:
    """The holiday dates from ``first`` to ``last`` (both included), in one query."""
    if last < first:
        first, last = last, first
    return set(
        PublicHoliday.objects.filter(date__range=(first, last)).values_list("date", flat=True)
    )


def is_working_day(day: dt.date, holidays: set[dt.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The ``n``-th working day after ``start`` (``start`` itself is not counted); ``start``
    when ``n`` is 0; before ``start`` when ``n`` is negative.

    Reads the calendar once for a span that holds ``n`` working days plus a generous margin
    for holidays; in the unlikely case the margin runs out, it reads the next span."""
    if n == 0:
        return start
    step = ONE_DAY if n > 0 else -ONE_DAY
    span = dt.timedelta(days=(abs(n) // 5 + 1) * 7 + 40)
    day, left = start, abs(n)
    while True:
        end = day + span if n > 0 else day - span
        holidays = holidays_between(day + step, end)
        while left and day != end:
            day += step
            if is_working_day(day, holidays):
                left -= 1
        if not left:
            return day


def working_days_between(a: dt.date, b: dt.date) -> int:
    """The working days after ``a`` up to and including ``b``; negative when ``b`` is before
    ``a`` (the working days from ``b``, excluded, to ``a``, included). ``0`` when equal."""
    return count_working_days(a, b, holidays_between(a, b))


def count_working_days(a: dt.date, b: dt.date, holidays: set[dt.date]) -> int:
    """``working_days_between`` with the holidays already read (for many deadlines at once:
    read ``holidays_between`` over the whole span once)."""
    if a == b:
        return 0
    if b < a:
        return -count_working_days(b, a, holidays)
    holidays = {h for h in holidays if a < h <= b}
    weeks, extra = divmod((b - a).days, 7)
    count = weeks * 5
    day = a + dt.timedelta(days=weeks * 7)
    for _i in range(extra):
        day += ONE_DAY
        if day.weekday() < 5:
            count += 1
    return count - sum(1 for h in holidays if h.weekday() < 5)


def holiday_add(*, date: dt.date, name: str) -> PublicHoliday:
    """Enter a day off; a date already in the calendar is refused, naming the entry."""
    name = (name or "").strip()
    if not name:
        raise DomainError(_(NAME_REQUIRED), field="name")
    if not is_plausible(date):
        raise DomainError(_(IMPLAUSIBLE_DATE) % {"date": f"{date:%d/%m/%Y}"}, field="date")
    existing = PublicHoliday.objects.filter(date=date).first()
    if existing is not None:
        values = {"date": f"{date:%d/%m/%Y}", "name": existing.name}
        raise DomainError(_(DUPLICATE_HOLIDAY) % values, field="date", code="duplicate")
    try:
        with transaction.atomic():
            return PublicHoliday.objects.create(date=date, name=name)
    except IntegrityError as exc:
        values = {"date": f"{date:%d/%m/%Y}", "name": name}
        raise DomainError(_(DUPLICATE_HOLIDAY) % values, field="date") from exc


def holiday_delete(*, holiday: PublicHoliday) -> None:
    """Remove a day off; deleting one already removed changes nothing."""
    PublicHoliday.objects.filter(pk=holiday.pk).delete()
