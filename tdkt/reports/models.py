"""Advanced models (*điển hình tiên tiến*): outstanding persons and collectives the sector holds
up as examples, the stories published about them and the units that learned from them."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import TimeStampedModel, VersionedModel
from tdkt.core.scope import ScopedQuerySet


class SourceKind(models.TextChoices):
    """What the model was identified from."""

    AWARD = "AWARD", _("Khen thưởng")
    MOVEMENT = "MOVEMENT", _("Phong trào thi đua")
    CLUSTER = "CLUSTER", _("Kết quả cụm, khối thi đua")
    OTHER = "OTHER", _("Phát hiện khác")


class AdvancedModelQuerySet(ScopedQuerySet):
    def search(self, query: str) -> "AdvancedModelQuerySet":
        from tdkt.core.search import search_terms

        qs = self
        for term in search_terms(query):
            qs = qs.filter(search_text__contains=term)
        return qs


class AdvancedModel(VersionedModel):
    """A person or a collective registered as an advanced model for a year, with the reason
    and what it was identified from (an award, a movement or a cluster result, each optional).

    Exactly one of ``person`` and ``collective`` is set. ``owner_unit`` (the collective itself,
    or the person's unit when registered) decides who may see and edit it; ``province`` is the
    provincial procuracy above it (empty for the Supreme Procuracy and the military). A model
    the unit chooses to publish is shown without login at its public address.
    """

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("cá nhân"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="advanced_models",
    )
    collective = models.ForeignKey(
        "org.Unit",
        verbose_name=_("tập thể"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="advanced_models",
    )
    owner_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị quản lý"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    province = models.ForeignKey(
        "org.Unit",
        verbose_name=_("tỉnh, thành phố"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên điển hình"), max_length=200)
    reason = models.TextField(_("thành tích, lý do lựa chọn"))
    source_kind = models.CharField(
        _("nguồn phát hiện"), max_length=10, choices=SourceKind.choices, default=SourceKind.OTHER
    )
    source_award = models.ForeignKey(
        "awards.Award",
        verbose_name=_("khen thưởng"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    source_movement = models.ForeignKey(
        "emulation.Movement",
        verbose_name=_("phong trào thi đua"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    source_cluster = models.ForeignKey(
        "emulation.Cluster",
        verbose_name=_("cụm, khối thi đua"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published = models.BooleanField(_("công khai"), default=False)
    public_summary = models.TextField(_("nội dung công khai"), blank=True)
    public_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    """The public address; unguessable, so an unpublished model cannot be found by counting."""
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    search_text = models.CharField(max_length=400, editable=False, default="", db_index=True)

    objects = AdvancedModelQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    scope_unit_field = "owner_unit"

    class Meta:
        verbose_name = _("điển hình tiên tiến")
        verbose_name_plural = _("điển hình tiên tiến")
        ordering = ["-year", "search_text", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(collective__isnull=True))
                | (Q(person__isnull=True) & Q(collective__isnull=False)),
                name="advanced_model_has_one_subject",
            )
        ]
        indexes = [models.Index(fields=["province", "year"])]

    def __str__(self) -> str:
        return self.title

    @property
    def subject_name(self) -> str:
        return self.person.full_name if self.person_id else self.collective.full_name


class Story(TimeStampedModel):
    """An article or story about a model: where and when it was published, with a link or a
    file (PDF, Word or image)."""

    model = models.ForeignKey(
        AdvancedModel, verbose_name=_("điển hình"), on_delete=models.CASCADE, related_name="stories"
    )
    title = models.CharField(_("tiêu đề"), max_length=300)
    published_on = models.DateField(_("ngày đăng"))
    outlet = models.CharField(_("nơi đăng"), max_length=200)
    link = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    file = models.FileField(_("tệp"), upload_to="reports/stories/%Y/", blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bài viết về điển hình")
        verbose_name_plural = _("bài viết về điển hình")
        ordering = ["-published_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Adoption(TimeStampedModel):
    """A unit that adopted or learned from a model (its spread), from a date."""

    model = models.ForeignKey(
        AdvancedModel,
        verbose_name=_("điển hình"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị học tập, nhân rộng"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    adopted_on = models.DateField(_("từ ngày"))
    note = models.CharField(_("cách thức, kết quả"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đơn vị nhân rộng điển hình")
        verbose_name_plural = _("đơn vị nhân rộng điển hình")
        ordering = ["adopted_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["model", "unit"], name="adoption_once_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} ({self.adopted_on:%d/%m/%Y})"
