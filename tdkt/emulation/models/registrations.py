"""Registrations of emulation targets (*đăng ký thi đua*): per year, each unit registers the
titles its collectives aim at and each staff member's target title (domain.md §7.1)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import VersionedModel
from tdkt.core.scope import ScopedQuerySet


class RegistrationPeriod(VersionedModel):
    """The sector-wide deadline for registering a year's targets, set by the sector officer."""

    year = models.PositiveSmallIntegerField(_("năm thi đua"), unique=True)
    deadline = models.DateField(_("hạn đăng ký"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đợt đăng ký thi đua")
        verbose_name_plural = _("đợt đăng ký thi đua")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Đăng ký thi đua năm {self.year}"


class UnitRegistration(VersionedModel):
    """One unit's registration for a year. Editable until the year's deadline, or until the day
    the sector officer reopened it to."""

    year = models.PositiveSmallIntegerField(_("năm thi đua"))
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị đăng ký"),
        on_delete=models.PROTECT,
        related_name="emulation_registrations",
    )
    note = models.TextField(_("ghi chú"), blank=True)
    reopened_until = models.DateField(_("mở lại đến ngày"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người mở lại"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("đăng ký thi đua của đơn vị")
        verbose_name_plural = _("đăng ký thi đua của đơn vị")
        ordering = ["-year", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["year", "unit"], name="one_registration_per_unit_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.year}"

    def is_open_on(self, day: dt.date, deadline: dt.date | None) -> bool:
        """Whether the registration may still be changed on ``day``."""
        if self.reopened_until is not None and day <= self.reopened_until:
            return True
        return deadline is not None and day <= deadline


class RegisteredCollective(models.Model):
    """A collective target: the registering unit, or one of its sub-units, aims at a title."""

    registration = models.ForeignKey(
        UnitRegistration,
        verbose_name=_("bản đăng ký"),
        on_delete=models.CASCADE,
        related_name="collectives",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("tập thể"), on_delete=models.PROTECT, related_name="+"
    )
    award_type = models.ForeignKey(
        "catalog.AwardType",
        verbose_name=_("danh hiệu đăng ký"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("tập thể đăng ký")
        verbose_name_plural = _("tập thể đăng ký")
        ordering = ["registration", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "unit"], name="one_target_per_collective"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.award_type}"


class RegisteredPerson(models.Model):
    """A staff member's target title in their unit's registration."""

    registration = models.ForeignKey(
        UnitRegistration,
        verbose_name=_("bản đăng ký"),
        on_delete=models.CASCADE,
        related_name="persons",
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+"
    )
    award_type = models.ForeignKey(
        "catalog.AwardType",
        verbose_name=_("danh hiệu đăng ký"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("cá nhân đăng ký")
        verbose_name_plural = _("cá nhân đăng ký")
        ordering = ["registration", "person__search_text"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "person"], name="one_target_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.award_type}"
