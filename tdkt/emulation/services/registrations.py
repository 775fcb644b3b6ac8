"""Writes to registrations (*đăng ký thi đua*): the sector's deadline for a year, each unit's
registered target titles for its collectives and staff, and reopening after the deadline.

A registration may change until the year's deadline, or until the day the sector officer
reopened it to; after that it is locked.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.catalog.models import AwardType
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.emulation.models import (
    RegisteredCollective,
    RegisteredPerson,
    RegistrationPeriod,
    UnitRegistration,
)
from tdkt.org.models import Unit, UnitType
from tdkt.people.models import Person

PERSON_TITLES = ("LDTT", "CSTDCS", "CSTD_NGANH", "CSTD_TQ")
"""Individual titles a person can register, lowest first: registering one covers those below."""
COLLECTIVE_TITLES = ("TTLDTT", "TTLDXS", "CO_NGANH", "CO_CP")
"""Collective titles a unit can register, lowest first: registering one covers those below."""

NOT_SECTOR = "Chỉ cán bộ Thi đua – Khen thưởng của ngành mới được đặt hạn đăng ký và mở lại."
DEADLINE_OUTSIDE = "Hạn đăng ký phải trong năm %(previous)s hoặc năm %(year)s."
NO_PERIOD = "Ngành chưa đặt hạn đăng ký thi đua năm %(year)s."
LOCKED = (
    "Đã hết hạn đăng ký thi đua năm %(year)s (%(deadline)s); bản đăng ký đã khóa. "
    "Hãy đề nghị cán bộ Thi đua – Khen thưởng ngành mở lại."
)
NOT_ALLOWED = "Bạn không có quyền đăng ký thi đua cho đơn vị %(unit)s."
UNIT_CANNOT_REGISTER = "Phòng, đơn vị trực thuộc đăng ký cùng đơn vị cấp trên."
ALREADY_REGISTERED = "Đơn vị %(unit)s đã có bản đăng ký năm %(year)s."
COLLECTIVE_OUTSIDE = "Tập thể %(unit)s không thuộc đơn vị đăng ký."
PERSON_OUTSIDE = "Cán bộ %(person)s không thuộc đơn vị đăng ký."
NOT_A_COLLECTIVE_TITLE = "“%(title)s” không phải danh hiệu thi đua tập thể."
NOT_A_PERSON_TITLE = "“%(title)s” không phải danh hiệu thi đua cá nhân."
REOPEN_IN_PAST = "Ngày mở lại đến phải từ hôm nay trở đi."


def _sector_root() -> Unit | None:
    return Unit.objects.filter(parent__isnull=True, unit_type=UnitType.SUPREME).first()


def is_sector_officer(user) -> bool:
    """Whether ``user`` manages emulation for the whole sector (at the Supreme Procuracy)."""
    if user is None:
        return True
    root = _sector_root()
    return (
        root is not None
        and Unit.objects.restrict(user, MANAGE_EMULATION).filter(pk=root.pk).exists()
    )


def may_register(user, unit: Unit) -> bool:
    if user is None:
        return True
    return Unit.objects.restrict(user, MANAGE_EMULATION).filter(pk=unit.pk).exists()


@transaction.atomic
def period_set(
    *, year: int, deadline: dt.date, note: str = "", user=None, expected_version=None
) -> RegistrationPeriod:
    """Set or move the sector-wide registration deadline of ``year``."""
    if not is_sector_officer(user):
        raise DomainError(_(NOT_SECTOR))
    if deadline.year not in (year - 1, year):
        raise DomainError(
            _(DEADLINE_OUTSIDE) % {"previous": year - 1, "year": year}, field="deadline"
        )
    period = RegistrationPeriod.objects.filter(year=year).first() or RegistrationPeriod(year=year)
    period.deadline = deadline
    period.note = note.strip()
    save_with_version(period, expected_version=expected_version if period.pk else None)
    return period


def deadline_of(year: int) -> dt.date | None:
    return RegistrationPeriod.objects.filter(year=year).values_list("deadline", flat=True).first()


def _require_open(registration: UnitRegistration, today: dt.date) -> None:
    deadline = deadline_of(registration.year)
    if deadline is None:
        raise DomainError(_(NO_PERIOD) % {"year": registration.year})
    if not registration.is_open_on(today, deadline):
        raise DomainError(
            _(LOCKED) % {"year": registration.year, "deadline": f"{deadline:%d/%m/%Y}"}
        )


@transaction.atomic
def registration_start(*, unit: Unit, year: int, user=None, today=None) -> UnitRegistration:
    """Open a unit's (empty) registration for ``year``, before the deadline."""
    today = today or timezone.localdate()
    if not may_register(user, unit):
        raise DomainError(_(NOT_ALLOWED) % {"unit": unit}, field="unit")
    if unit.unit_type == UnitType.DIVISION:
        raise DomainError(_(UNIT_CANNOT_REGISTER), field="unit")
    if UnitRegistration.objects.filter(unit=unit, year=year).exists():
        raise DomainError(_(ALREADY_REGISTERED) % {"unit": unit, "year": year}, field="unit")
    registration = UnitRegistration(unit=unit, year=year)
    _require_open(registration, today)
    registration.save()
    return registration


def collective_units(unit: Unit, year: int) -> list[Unit]:
    """The collectives a unit registers for: itself and its divisions existing in the year."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    divisions = (
        Unit.objects.filter(parent=unit, unit_type=UnitType.DIVISION, valid_from__lte=last)
        .exclude(valid_to__lt=first)
        .order_by("sort_order", "code")
    )
    return [unit, *divisions]


def registrable_persons(unit: Unit, year: int):
    """Staff a unit registers: persons currently in the unit or one of its divisions who were
    employed during the year."""
    ids = [u.pk for u in collective_units(unit, year)]
    return (
        Person.objects.filter(unit__in=ids, recruitment_date__lte=dt.date(year, 12, 31))
        .exclude(leaving_date__lt=dt.date(year, 1, 1))
        .select_related("unit")
        .order_by("unit__path", "search_text", "pk")
    )


@transaction.atomic
def registration_save(
    *,
    registration: UnitRegistration,
    collectives: dict[int, str],
    persons: dict[int, str],
    note: str = "",
    expected_version: int | None = None,
    user=None,
    today=None,
) -> UnitRegistration:
    """Replace a registration's targets: ``collectives`` maps unit id → title code and
    ``persons`` maps person id → title code (empty code: not registered). Refused after the
    deadline unless reopened, and for a stale edit."""
    today = today or timezone.localdate()
    if not may_register(user, registration.unit):
        raise DomainError(_(NOT_ALLOWED) % {"unit": registration.unit})
    _require_open(registration, today)
    types = {
        t.code: t for t in AwardType.objects.filter(code__in=PERSON_TITLES + COLLECTIVE_TITLES)
    }
    allowed_units = {u.pk: u for u in collective_units(registration.unit, registration.year)}
    allowed_persons = set(
        registrable_persons(registration.unit, registration.year).values_list("pk", flat=True)
    )
    rows_c, rows_p = [], []
    for unit_id, code in collectives.items():
        if not code:
            continue
        if unit_id not in allowed_units:
            unit = Unit.objects.filter(pk=unit_id).first()
            raise DomainError(_(COLLECTIVE_OUTSIDE) % {"unit": unit or unit_id})
        if code not in COLLECTIVE_TITLES:
            raise DomainError(_(NOT_A_COLLECTIVE_TITLE) % {"title": code})
        rows_c.append(RegisteredCollective(unit_id=unit_id, award_type=types[code]))
    for person_id, code in persons.items():
        if not code:
            continue
        if person_id not in allowed_persons:
            person = Person.objects.filter(pk=person_id).first()
            raise DomainError(_(PERSON_OUTSIDE) % {"person": person or person_id})
        if code not in PERSON_TITLES:
            raise DomainError(_(NOT_A_PERSON_TITLE) % {"title": code})
        rows_p.append(RegisteredPerson(person_id=person_id, award_type=types[code]))
    registration.note = note.strip()
    registration._change_reason = _("Đăng ký thi đua")
    save_with_version(registration, expected_version=expected_version)
    registration.collectives.all().delete()
    registration.persons.all().delete()
    for row in rows_c + rows_p:
        row.registration = registration
    RegisteredCollective.objects.bulk_create(rows_c)
    RegisteredPerson.objects.bulk_create(rows_p)
    return registration


@transaction.atomic
def registration_reopen(
    *, registration: UnitRegistration, until: dt.date, user=None, today=None
) -> UnitRegistration:
    """Let one unit change its registration until ``until`` (sector officer only)."""
    today = today or timezone.localdate()
    if not is_sector_officer(user):
        raise DomainError(_(NOT_SECTOR))
    if until < today:
        raise DomainError(_(REOPEN_IN_PAST), field="until")
    registration.reopened_until = until
    registration.reopened_by = user
    registration._change_reason = _("Mở lại đăng ký đến %(day)s") % {"day": f"{until:%d/%m/%Y}"}
    save_with_version(registration, expected_version=None)
    return registration
