"""Initiatives (*sáng kiến*) and research works, with their recognition."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import VersionedModel
from tdkt.core.scope import ScopedQuerySet


class EffectScope(models.TextChoices):
    """How far a recognised initiative's effect reaches (*phạm vi ảnh hưởng*)."""

    CO_SO = "CO_SO", _("Cấp cơ sở")
    NGANH = "NGANH", _("Toàn ngành")
    TOAN_QUOC = "TOAN_QUOC", _("Toàn quốc")


class Initiative(VersionedModel):
    """An initiative by one or more persons of a unit, recognised (or not yet) by a body."""

    title = models.CharField(_("tên sáng kiến"), max_length=300)
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="initiatives"
    )
    authors = models.ManyToManyField(
        "people.Person", verbose_name=_("tác giả"), related_name="initiatives"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    recognised_on = models.DateField(_("ngày công nhận"), null=True, blank=True)
    recognising_body = models.CharField(_("cơ quan công nhận"), max_length=200, blank=True)
    effect_scope = models.CharField(
        _("phạm vi ảnh hưởng"), max_length=10, choices=EffectScope.choices, blank=True
    )
    used_for = models.OneToOneField(
        "awards.Award",
        verbose_name=_("đã dùng cho khen thưởng"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiative",
    )

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[authors])

    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title
