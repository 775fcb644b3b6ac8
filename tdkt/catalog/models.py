"""The catalog of emulation titles and commendation forms (domain.md §5).

Codes are ASCII and never change; they are created by a data migration. Names and authorities
are shown in Vietnamese and may be edited by the sector officer.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import VersionedModel


class SubjectKind(models.TextChoices):
    PERSON = "P", _("Cá nhân")
    COLLECTIVE = "C", _("Tập thể")
    BOTH = "PC", _("Cá nhân, tập thể")


class AwardCategory(models.TextChoices):
    TITLE = "TITLE", _("Danh hiệu thi đua")
    FORM = "FORM", _("Hình thức khen thưởng")


class CommendationKind(models.TextChoices):
    """Kind of commendation (*loại hình khen thưởng*, Law 06/2022/QH15 Art 8)."""

    CONG_TRANG = "CONG_TRANG", _("Theo công trạng và thành tích")
    DOT_XUAT = "DOT_XUAT", _("Đột xuất")
    CHUYEN_DE = "CHUYEN_DE", _("Theo đợt, chuyên đề")
    CONG_HIEN = "CONG_HIEN", _("Quá trình cống hiến")
    NIEN_HAN = "NIEN_HAN", _("Theo niên hạn")
    DOI_NGOAI = "DOI_NGOAI", _("Đối ngoại")


STATE_LEVEL = 2
"""Lowest ``AwardType.level`` of the state-level codes, decided above the sector: 2 for the
Prime Minister's (CSTĐ toàn quốc, Cờ thi đua của Chính phủ, Bằng khen), 3 for the President's
(orders, Anh hùng Lao động)."""


class AwardType(VersionedModel):
    """A title or form of commendation that can be granted, identified by a stable code."""

    code = models.CharField(_("mã"), max_length=20, unique=True, editable=False)
    name = models.CharField(_("tên"), max_length=200)
    subject = models.CharField(_("đối tượng"), max_length=2, choices=SubjectKind.choices)
    category = models.CharField(_("loại"), max_length=5, choices=AwardCategory.choices)
    authority = models.CharField(_("thẩm quyền quyết định"), max_length=200)
    level = models.PositiveSmallIntegerField(
        _("cấp"), default=0, help_text=_("0 cơ sở, 1 ngành, 2 nhà nước; dùng để sắp xếp.")
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu, hình thức khen thưởng")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_state_level(self) -> bool:
        return self.level >= STATE_LEVEL


class DocumentKind(models.TextChoices):
    LAW = "LAW", _("Luật")
    RESOLUTION = "RESOLUTION", _("Nghị quyết")
    DECREE = "DECREE", _("Nghị định")
    CIRCULAR = "CIRCULAR", _("Thông tư")
    DECISION = "DECISION", _("Quyết định")
    GUIDANCE = "GUIDANCE", _("Hướng dẫn")


class LegalDocument(VersionedModel):
    """A legal text the rules rest on, with the period it is in force.

    ``effective_to`` is the last day in force (empty: still in force); ``replaced_by`` links a
    text to the one that replaced it.
    """

    number = models.CharField(_("số, ký hiệu"), max_length=60, unique=True)
    kind = models.CharField(_("loại văn bản"), max_length=12, choices=DocumentKind.choices)
    title = models.CharField(_("trích yếu"), max_length=300)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    effective_from = models.DateField(_("hiệu lực từ"))
    effective_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("được thay thế bởi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
    )
    note = models.TextField(_("ghi chú"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("văn bản pháp lý")
        verbose_name_plural = _("văn bản pháp lý")
        ordering = ["effective_from", "number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effective_to__isnull=True)
                | models.Q(effective_to__gte=models.F("effective_from")),
                name="legal_document_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def in_force_on(self, day) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or self.effective_to >= day
        )
