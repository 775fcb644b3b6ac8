"""Emulation movements (*phong trào thi đua*) and their mid-term and final reviews."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import TimeStampedModel, VersionedModel
from tdkt.core.scope import ScopedQuerySet
from tdkt.org.models import ancestor_paths


class MovementKind(models.TextChoices):
    REGULAR = "THUONG_XUYEN", _("Thường xuyên")
    THEMATIC = "CHUYEN_DE", _("Theo đợt, chuyên đề")


class ReviewStage(models.TextChoices):
    MID_TERM = "SO_KET", _("Sơ kết")
    FINAL = "TONG_KET", _("Tổng kết")


class MovementQuerySet(ScopedQuerySet):
    def restrict(self, user, action: str = "view") -> "MovementQuerySet":
        """Movements launched by a unit the user reaches for ``action``; for viewing, also those
        in which a unit the user reaches takes part (a participating unit takes part with its
        subtree, so a movement of the whole sector is seen by every unit's officer)."""
        from tdkt.accounts.scope import reach_of

        if user is None or not user.is_authenticated:
            return self.none()
        reach = reach_of(user)
        if reach.everything:
            return self.all()
        q = reach.unit_q(action, "launched_by")
        if action == "view":
            paths = reach.paths.get(action, ())
            ancestors = sorted({a for path in paths for a in ancestor_paths(path)})
            taking_part = Movement.participants.through.objects.filter(
                reach.unit_q(action, "unit") | Q(unit__path__in=ancestors)
            ).values("movement_id")
            q |= Q(pk__in=taking_part)
        return self.filter(q)


class Movement(VersionedModel):
    """A movement launched by a unit by a document, over one or several years, with its content,
    targets, participating units (each with its subtree) and the commendations it led to."""

    name = models.CharField(_("tên phong trào"), max_length=200)
    kind = models.CharField(_("loại phong trào"), max_length=12, choices=MovementKind.choices)
    launched_by = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị phát động"),
        on_delete=models.PROTECT,
        related_name="launched_movements",
    )
    document_number = models.CharField(_("số văn bản phát động"), max_length=60, blank=True)
    document_date = models.DateField(_("ngày văn bản phát động"), null=True, blank=True)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    content = models.TextField(_("nội dung"), blank=True)
    targets = models.TextField(_("mục tiêu, chỉ tiêu"), blank=True)
    participants = models.ManyToManyField(
        "org.Unit",
        verbose_name=_("đơn vị tham gia"),
        related_name="movements",
        blank=True,
    )
    awards = models.ManyToManyField(
        "awards.Award",
        verbose_name=_("khen thưởng theo phong trào"),
        related_name="movements",
        blank=True,
    )

    objects = MovementQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "launched_by"

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-start_year", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")),
                name="movement_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def period(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"


class MovementReview(TimeStampedModel):
    """A mid-term (*sơ kết*) or final (*tổng kết*) review of a movement, with its report."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="reviews"
    )
    stage = models.CharField(_("loại"), max_length=8, choices=ReviewStage.choices)
    held_on = models.DateField(_("ngày tổ chức"))
    summary = models.TextField(_("kết quả chính"), blank=True)
    report = models.FileField(_("báo cáo"), upload_to="emulation/movement-reports/%Y/")
    report_name = models.CharField(_("tên tệp báo cáo"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sơ kết, tổng kết phong trào")
        verbose_name_plural = _("sơ kết, tổng kết phong trào")
        ordering = ["movement", "held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} {self.movement} ({self.held_on:%d/%m/%Y})"
