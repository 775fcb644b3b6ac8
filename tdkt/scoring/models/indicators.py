"""Professional indicators (*chỉ tiêu nghiệp vụ*) imported per unit and year from the sector's
statistics (Excel or CSV). A criterion that names an indicator takes its self points from it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel
from tdkt.core.scope import ScopedQuerySet


class IndicatorValue(TimeStampedModel):
    """The value of one indicator for one unit and year; a later import replaces it."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    code = models.CharField(_("mã chỉ tiêu"), max_length=40)
    value = models.DecimalField(_("giá trị"), max_digits=12, decimal_places=2)
    source = models.CharField(_("tệp nguồn"), max_length=255, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()

    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("chỉ tiêu nghiệp vụ")
        verbose_name_plural = _("chỉ tiêu nghiệp vụ")
        ordering = ["year", "unit__path", "code"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "code"], name="one_indicator_value")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.year}: {self.value}"
