"""Dossier checklists (data: the documents each code requires in a legal period) and the
documents a unit uploads against them for a line."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Procedure(models.TextChoices):
    NORMAL = "NORMAL", _("Thủ tục thông thường")
    SIMPLIFIED = "SIMPLIFIED", _("Thủ tục đơn giản")


CONSULTATION_ITEM = "Kết quả lấy ý kiến Nhân dân"
"""The checklist item of the state-level codes (from 2024) where the application files the
report of the public consultation (migration 0005); not mandatory at the unit's submission."""


class ChecklistItemQuerySet(models.QuerySet):
    def for_line(self, *, code: str, on, procedure: str) -> "ChecklistItemQuerySet":
        """The items required for ``code`` by the texts in force on ``on``."""
        return self.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on),
            award_type__code=code,
            procedure=procedure,
            valid_from__lte=on,
        )


class ChecklistItem(models.Model):
    """One component of the dossier of an award code under a procedure, for the legal period
    ``valid_from``–``valid_to``; mandatory items must hold at least one document before a line
    is submitted. ``unsure`` marks an item whose legal source the digest rates unsure. Seeded
    from the legal digest and kept up to date by the sector officer
    (``services.checklists``)."""

    award_type = models.ForeignKey(
        "catalog.AwardType",
        verbose_name=_("danh hiệu, hình thức"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    procedure = models.CharField(
        _("thủ tục"), max_length=10, choices=Procedure.choices, default=Procedure.NORMAL
    )
    valid_from = models.DateField(_("áp dụng từ"))
    valid_to = models.DateField(_("áp dụng đến"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("thành phần hồ sơ"), max_length=300)
    mandatory = models.BooleanField(_("bắt buộc"), default=True)
    unsure = models.BooleanField(_("căn cứ chưa chắc chắn"), default=False)
    citation = models.CharField(_("căn cứ"), max_length=200, blank=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    objects = ChecklistItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")
        ordering = ["award_type", "procedure", "valid_from", "position"]

    def __str__(self) -> str:
        return self.name


def document_path(instance, filename: str) -> str:
    """Files live under MEDIA_ROOT with a random name; the original name is kept in the row."""
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    return f"proposals/{instance.line.year}/{uuid.uuid4().hex}{suffix}"


class DossierDocument(models.Model):
    """A file of a line's dossier, uploaded against one checklist item."""

    line = models.ForeignKey(
        "proposals.ProposalLine", on_delete=models.CASCADE, related_name="documents"
    )
    item = models.ForeignKey(
        ChecklistItem,
        verbose_name=_("thành phần hồ sơ"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    file = models.FileField(_("tệp"), upload_to=document_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(_("loại tệp"), max_length=100)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    generated = models.BooleanField(
        _("do hệ thống tạo"),
        default=False,
        help_text=_("Tài liệu hệ thống tự tạo và lưu (như báo cáo kết quả lấy ý kiến)."),
    )

    class Meta:
        verbose_name = _("tài liệu hồ sơ")
        verbose_name_plural = _("tài liệu hồ sơ")
        ordering = ["item__position", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name
