"""Abstract bases shared by every app. No domain knowledge lives here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """A record that knows when it was created and last changed."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """A record edited through forms: ``version`` grows by one at every save by a service.

    Services compare the version a form was opened with against the stored one so that two
    concurrent edits never silently overwrite each other (see ``core.concurrency``).
    """

    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        abstract = True


class PublicHoliday(TimeStampedModel):
    """A day off for the whole sector (a public holiday or a day given in its place).

    The calendar is data: the sector officer enters each year's Tết, Giỗ Tổ Hùng Vương and
    compensating days as the Government announces them (see ``core.workdays``).
    """

    date = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên ngày nghỉ"), max_length=200)

    class Meta:
        verbose_name = _("ngày nghỉ lễ, Tết")
        verbose_name_plural = _("ngày nghỉ lễ, Tết")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.name}"
