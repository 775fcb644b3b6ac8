"""Scorecards (*phiếu tự chấm*), their evidence, the self-scoring deadline, and the cross-review
of a cluster (*thẩm định chéo*): reviews by other member units, their adjustments and history."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import TimeStampedModel, VersionedModel
from tdkt.core.scope import ScopedQuerySet
from tdkt.scoring.models.tables import POINTS


class ScoringCalendar(VersionedModel):
    """The self-scoring deadline of the clusters an organiser set up for a year. After the
    deadline (the whole day included) no scorecard of those clusters can be changed."""

    organiser = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm thi đua"))
    self_scoring_deadline = models.DateField(_("hạn tự chấm điểm"))

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "organiser"

    class Meta:
        verbose_name = _("hạn chấm điểm")
        verbose_name_plural = _("hạn chấm điểm")
        constraints = [
            models.UniqueConstraint(fields=["organiser", "year"], name="one_calendar_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.organiser} {self.year}: {self.self_scoring_deadline:%d/%m/%Y}"


class ReviewStatus(models.TextChoices):
    OPEN = "OPEN", _("Đang thẩm định")
    CLOSED = "CLOSED", _("Đã kết thúc thẩm định")


class ClusterReview(VersionedModel):
    """The cross-review of a cluster's scorecards: opened and closed by the head unit. Once
    closed nothing about the cluster's scorecards and reviews changes any more."""

    cluster = models.OneToOneField(
        "emulation.Cluster", on_delete=models.CASCADE, related_name="scoring_review"
    )
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    opened_at = models.DateTimeField(_("mở lúc"), auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đợt thẩm định chéo")
        verbose_name_plural = _("đợt thẩm định chéo")

    @property
    def is_closed(self) -> bool:
        return self.status == ReviewStatus.CLOSED


class ScorecardStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Đang tự chấm")
    SUBMITTED = "SUBMITTED", _("Đã nộp")


class ScorecardQuerySet(ScopedQuerySet):
    def restrict(self, user, action: str = "view") -> "ScorecardQuerySet":
        """Scorecards of units the user reaches, and every scorecard of the clusters the user
        reaches (a member reviews the others' scorecards, the organiser follows them all)."""
        from tdkt.emulation.models import Cluster

        if user is None or not user.is_authenticated:
            return self.none()
        own = super().restrict(user, action)
        clusters = Cluster.objects.restrict(user, action).values("pk")
        return self.filter(Q(pk__in=own.values("pk")) | Q(cluster__in=clusters))


class Scorecard(VersionedModel):
    """A unit's self-scoring for its cluster's year against the table published for its unit
    type and that year; the table is fixed when the scorecard is started. Totals are computed
    from the entries, never typed."""

    cluster = models.ForeignKey(
        "emulation.Cluster",
        verbose_name=_("cụm, khối"),
        on_delete=models.PROTECT,
        related_name="scorecards",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="scorecards"
    )
    table = models.ForeignKey(
        "scoring.ScoringTable",
        verbose_name=_("bảng tiêu chí"),
        on_delete=models.PROTECT,
        related_name="scorecards",
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=ScorecardStatus.choices,
        default=ScorecardStatus.DRAFT,
    )
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScorecardQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("phiếu tự chấm điểm")
        verbose_name_plural = _("phiếu tự chấm điểm")
        ordering = ["cluster", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "unit"], name="one_scorecard_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.unit.short_name} – {self.cluster}"

    @property
    def is_submitted(self) -> bool:
        return self.status == ScorecardStatus.SUBMITTED


class ScoreEntry(models.Model):
    """The points a unit gave itself on one criterion, with its explanation."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="entries")
    criterion = models.ForeignKey(
        "scoring.Criterion", on_delete=models.PROTECT, related_name="entries"
    )
    points = models.DecimalField(_("điểm tự chấm"), **POINTS)
    note = models.CharField(_("giải trình"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("điểm tự chấm")
        verbose_name_plural = _("điểm tự chấm")
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "criterion"], name="one_entry_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.points}"


def evidence_path(instance, filename: str) -> str:
    """Files live under MEDIA_ROOT with a random name; the original name is kept in the row."""
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"scoring/evidence/{instance.scorecard.cluster.year}/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """A file proving the points of one criterion (PDF, Word, Excel or an image)."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="evidence")
    criterion = models.ForeignKey(
        "scoring.Criterion", on_delete=models.PROTECT, related_name="evidence"
    )
    file = models.FileField(_("tệp"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(_("loại tệp"), max_length=100)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu chứng minh")
        verbose_name_plural = _("tài liệu chứng minh")
        ordering = ["criterion", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class Review(VersionedModel):
    """One member unit's review of another member's scorecard. A reviewer who recuses gives a
    reason and no longer counts. ``version`` protects against two users of the reviewing unit
    overwriting each other."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị thẩm định"),
        on_delete=models.PROTECT,
        related_name="scoring_reviews",
    )
    recused = models.BooleanField(_("từ chối thẩm định"), default=False)
    recusal_reason = models.CharField(_("lý do từ chối"), max_length=500, blank=True)
    recused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recused_at = models.DateTimeField(_("từ chối lúc"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ý kiến thẩm định")
        verbose_name_plural = _("ý kiến thẩm định")
        ordering = ["scorecard", "reviewer__path"]
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "reviewer"], name="one_review_per_unit")
        ]


class ReviewScore(models.Model):
    """The points a reviewer proposes for one criterion, with the reason (current value)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("scoring.Criterion", on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(_("điểm thẩm định"), **POINTS)
    reason = models.CharField(_("lý do điều chỉnh"), max_length=500)

    class Meta:
        verbose_name = _("điểm thẩm định")
        verbose_name_plural = _("điểm thẩm định")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_review")
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.points}"


class Adjustment(TimeStampedModel):
    """Append-only history of a reviewer's changes: who, when, from which value to which, why."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="adjustments")
    criterion = models.ForeignKey("scoring.Criterion", on_delete=models.PROTECT, related_name="+")
    from_points = models.DecimalField(_("từ điểm"), **POINTS)
    to_points = models.DecimalField(_("thành điểm"), **POINTS)
    reason = models.CharField(_("lý do"), max_length=500)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("lần điều chỉnh điểm")
        verbose_name_plural = _("lần điều chỉnh điểm")
        ordering = ["created_at", "pk"]
