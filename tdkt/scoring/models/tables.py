"""Scoring tables (bảng tiêu chí chấm điểm): per unit type and range of years, versioned.

A table is a tree of groups holding criteria. While a draft it can be edited; once published it
is frozen, and a change means a new version (a draft copy with the next edition number). A
scorecard keeps the table it was scored against, so a 2024 scorecard keeps its 2024 table even
after a 2026 version is published.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import VersionedModel
from tdkt.org.models import UnitType

POINTS = {"max_digits": 7, "decimal_places": 2}


class TableStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Dự thảo")
    PUBLISHED = "PUBLISHED", _("Đã ban hành")


class CriterionKind(models.TextChoices):
    """A standard criterion scores 0..max, a deduction −max..0, a bonus 0..max."""

    STANDARD = "STANDARD", _("Tiêu chí chấm điểm")
    DEDUCTION = "DEDUCTION", _("Điểm trừ")
    BONUS = "BONUS", _("Điểm thưởng")


class ScoringTable(VersionedModel):
    """One version of the criteria a unit type is scored against, for years ``year_from``
    to ``year_to`` (open-ended when empty). Tables are sector data, visible to every user with a
    role; only the sector officer and administrators change them."""

    unit_type = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitType.choices)
    name = models.CharField(_("tên bảng"), max_length=200)
    year_from = models.PositiveSmallIntegerField(_("áp dụng từ năm"))
    year_to = models.PositiveSmallIntegerField(_("áp dụng đến năm"), null=True, blank=True)
    edition = models.PositiveSmallIntegerField(_("lần ban hành"), default=1)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=TableStatus.choices, default=TableStatus.DRAFT
    )
    basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    bonus_cap = models.DecimalField(_("điểm thưởng tối đa"), default=Decimal("5"), **POINTS)
    deduction_cap = models.DecimalField(_("điểm trừ tối đa"), default=Decimal("20"), **POINTS)
    disagreement_share = models.DecimalField(
        _("ngưỡng chênh lệch giữa người thẩm định (tỷ lệ điểm tối đa)"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("0.25"),
    )
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("sao chép từ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
    )
    published_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bảng tiêu chí chấm điểm")
        verbose_name_plural = _("bảng tiêu chí chấm điểm")
        ordering = ["unit_type", "-year_from", "-edition"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year_to__isnull=True) | Q(year_to__gte=models.F("year_from")),
                name="scoring_table_years_ordered",
            ),
            models.UniqueConstraint(
                fields=["unit_type", "year_from", "edition"], name="scoring_table_edition_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.years_label}, lần {self.edition})"

    @property
    def years_label(self) -> str:
        if self.year_to is None:
            return f"từ {self.year_from}"
        if self.year_to == self.year_from:
            return str(self.year_from)
        return f"{self.year_from}–{self.year_to}"

    @property
    def is_published(self) -> bool:
        return self.status == TableStatus.PUBLISHED

    def covers(self, year: int) -> bool:
        return self.year_from <= year and (self.year_to is None or year <= self.year_to)


class ScoringGroup(models.Model):
    """A group of criteria (*nhóm tiêu chí*); groups may nest under another group."""

    table = models.ForeignKey(ScoringTable, on_delete=models.CASCADE, related_name="groups")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc nhóm"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subgroups",
    )
    code = models.CharField(_("số thứ tự"), max_length=12)
    title = models.CharField(_("tên nhóm"), max_length=255)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("nhóm tiêu chí")
        verbose_name_plural = _("nhóm tiêu chí")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class Criterion(models.Model):
    """One item of the table with its maximum points. For a deduction the maximum is the most
    that can be taken away; ``indicator_code`` names the imported professional indicator the
    value is computed from, when there is one."""

    table = models.ForeignKey(ScoringTable, on_delete=models.CASCADE, related_name="criteria")
    group = models.ForeignKey(
        ScoringGroup, verbose_name=_("nhóm"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.CharField(_("số thứ tự"), max_length=12)
    title = models.CharField(_("nội dung tiêu chí"), max_length=500)
    guidance = models.TextField(_("hướng dẫn chấm"), blank=True)
    kind = models.CharField(
        _("loại"), max_length=10, choices=CriterionKind.choices, default=CriterionKind.STANDARD
    )
    max_points = models.DecimalField(_("điểm tối đa"), **POINTS)
    evidence_required = models.BooleanField(_("bắt buộc có tài liệu chứng minh"), default=False)
    indicator_code = models.CharField(_("mã chỉ tiêu nghiệp vụ"), max_length=40, blank=True)
    indicator_target = models.DecimalField(
        _("giá trị chỉ tiêu đạt điểm tối đa"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    position = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(max_points__gt=0), name="criterion_max_positive")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"

    @property
    def is_computed(self) -> bool:
        return bool(self.indicator_code)

    def points_from(self, value: Decimal) -> Decimal:
        """Points earned by an indicator value: in proportion to ``indicator_target`` (100 when
        not set, for a rate in %), never above the maximum nor below 0, rounded half up to 0.01.
        A deduction takes the same proportion of its maximum, as a negative number."""
        from decimal import ROUND_HALF_UP

        target = self.indicator_target or Decimal(100)
        share = min(Decimal(1), max(Decimal(0), value / target))
        points = (self.max_points * share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return -points if self.kind == CriterionKind.DEDUCTION else points

    @property
    def lowest(self) -> Decimal:
        return -self.max_points if self.kind == CriterionKind.DEDUCTION else Decimal(0)

    @property
    def highest(self) -> Decimal:
        return Decimal(0) if self.kind == CriterionKind.DEDUCTION else self.max_points


class ScoreBand(models.Model):
    """A classification band (*xếp loại*) of a table: a final total of at least ``min_points``
    earns this band; bands are data, editable with the table while it is a draft."""

    table = models.ForeignKey(ScoringTable, on_delete=models.CASCADE, related_name="bands")
    name = models.CharField(_("xếp loại"), max_length=60)
    min_points = models.DecimalField(_("từ điểm"), **POINTS)

    class Meta:
        verbose_name = _("mức xếp loại")
        verbose_name_plural = _("mức xếp loại")
        ordering = ["-min_points"]
        constraints = [
            models.UniqueConstraint(fields=["table", "name"], name="band_name_unique_in_table")
        ]

    def __str__(self) -> str:
        return f"{self.name} (≥ {self.min_points})"
