"""Initiatives (*sáng kiến*) and research works: submission, review and recognition."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import TimeStampedModel, VersionedModel
from tdkt.core.scope import ScopedQuerySet


class EffectScope(models.TextChoices):
    """How far a recognised initiative's effect reaches (*phạm vi ảnh hưởng*)."""

    CO_SO = "CO_SO", _("Cấp cơ sở")
    NGANH = "NGANH", _("Toàn ngành")
    TOAN_QUOC = "TOAN_QUOC", _("Toàn quốc")


class Status(models.TextChoices):
    """Where an initiative stands in its flow (*trạng thái*)."""

    DRAFT = "DRAFT", _("Nháp")
    SUBMITTED = "SUBMITTED", _("Đã nộp, chờ xét")
    RECOGNISED = "RECOGNISED", _("Đã công nhận")
    REFUSED = "REFUSED", _("Không công nhận")


class Initiative(VersionedModel):
    """An initiative by one or more persons of a unit, recognised (or not yet) by a body.

    Only ``RECOGNISED`` initiatives are facts for the rule engine.
    """

    title = models.CharField(_("tên sáng kiến"), max_length=300)
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="initiatives"
    )
    authors = models.ManyToManyField(
        "people.Person", verbose_name=_("tác giả"), related_name="initiatives"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    description = models.TextField(_("mô tả sáng kiến"), blank=True)
    applied_where = models.TextField(_("nơi áp dụng"), blank=True)
    applied_result = models.TextField(_("kết quả áp dụng"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nộp"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_on = models.DateField(_("ngày nộp"), null=True, blank=True)
    recognised_on = models.DateField(_("ngày công nhận"), null=True, blank=True)
    recognising_body = models.CharField(_("cơ quan công nhận"), max_length=200, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=50, blank=True)
    effect_scope = models.CharField(
        _("phạm vi ảnh hưởng"), max_length=10, choices=EffectScope.choices, blank=True
    )
    refusal_reason = models.TextField(_("lý do không công nhận"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    used_for = models.ForeignKey(
        "awards.Award",
        verbose_name=_("đã dùng cho khen thưởng"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="backing_initiatives",
        help_text=_(
            "Khen thưởng mà sáng kiến này làm căn cứ. Mỗi sáng kiến chỉ làm căn cứ cho một khen "
            "thưởng; một khen thưởng có thể cần nhiều sáng kiến (Bằng khen cần 2, 5 sáng kiến)."
        ),
    )

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[authors])

    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")
        ordering = ["-year", "title"]
        indexes = [models.Index(fields=["status", "year"])]

    def __str__(self) -> str:
        return self.title


class AuthorShare(models.Model):
    """One author's share (*tỷ lệ đóng góp*, percent) of an initiative; shares sum to 100."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="shares")
    person = models.ForeignKey(
        "people.Person", verbose_name=_("tác giả"), on_delete=models.PROTECT, related_name="+"
    )
    percent = models.PositiveSmallIntegerField(_("tỷ lệ đóng góp (%)"))
    position = models.PositiveSmallIntegerField(default=0)

    scope_unit_field = "initiative__unit"

    class Meta:
        verbose_name = _("tỷ lệ đóng góp")
        verbose_name_plural = _("tỷ lệ đóng góp")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "person"], name="one_share_per_author")
        ]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.percent}%"


def attachment_path(instance: "Attachment", filename: str) -> str:
    """A random stored name; the user's file name is kept only in ``original_name``."""
    return f"initiatives/{instance.initiative_id}/{uuid.uuid4().hex}{instance.extension}"


class Attachment(TimeStampedModel):
    """A PDF or Word file backing an initiative, its type checked by content."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=8)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class Opinion(models.TextChoices):
    """A council member's conclusion on an initiative (*ý kiến*)."""

    AGREE = "AGREE", _("Đề nghị công nhận")
    DISAGREE = "DISAGREE", _("Không đề nghị công nhận")


class InitiativeReview(VersionedModel):
    """One council member's scored review (*phiếu chấm*) of a submitted initiative.

    Reviews are not secret; a reviewer sees the others' only after submitting their own.
    """

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("thành viên chấm"),
        on_delete=models.PROTECT,
        related_name="initiative_reviews",
    )
    score = models.PositiveSmallIntegerField(_("điểm (0–100)"))
    opinion = models.CharField(_("ý kiến"), max_length=10, choices=Opinion.choices)
    comment = models.TextField(_("nhận xét"), blank=True)

    history = HistoricalRecords()

    scope_unit_field = "initiative__unit"

    class Meta:
        verbose_name = _("phiếu chấm sáng kiến")
        verbose_name_plural = _("phiếu chấm sáng kiến")
        ordering = ["initiative", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "reviewer"], name="one_review_per_reviewer"
            ),
            models.CheckConstraint(condition=models.Q(score__lte=100), name="review_score_max_100"),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer_id}: {self.score}"
