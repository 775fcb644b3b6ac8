"""Certificate forms (pre-printed blanks), issued certificates with their serial and
verification token, and background jobs that print a decision's certificates."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import TimeStampedModel, VersionedModel
from tdkt.core.scope import ScopedQuerySet
from tdkt.documents.certificates.layout import PAPER_CHOICES, PAPERS, Paper


class CertificateForm(VersionedModel):
    """A kind of pre-printed blank (*mẫu phôi bằng khen, giấy khen*): its paper size, the award
    codes it is printed for, and where each field goes on it. Sector-wide; edited by the
    sector officer. An award code is served by at most one active form."""

    name = models.CharField(_("tên mẫu phôi"), max_length=200, unique=True)
    codes = models.JSONField(_("danh hiệu, hình thức in trên mẫu này"), default=list)
    """Award type codes, e.g. ``["BK_NGANH"]``."""
    paper = models.CharField(_("khổ giấy"), max_length=14, choices=PAPER_CHOICES)
    serial_prefix = models.CharField(_("ký hiệu số vào sổ"), max_length=6)
    """Start of the serials printed on this form, e.g. ``BK`` → ``BK-2026-000123``."""
    place = models.CharField(_("địa danh"), max_length=60, default="Hà Nội")
    achievement_text = models.CharField(
        _("dòng thành tích"),
        max_length=300,
        default="Đã có thành tích xuất sắc trong công tác năm {nam}",
    )
    """Printed on the achievement line; ``{nam}`` becomes the award's year."""
    positions = models.JSONField(_("vị trí các trường"), default=dict)
    """``{field: {enabled, x, y, width, size, align, bold}}``, see ``layout.FIELDS``."""
    active = models.BooleanField(_("đang dùng"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mẫu phôi bằng khen, giấy khen")
        verbose_name_plural = _("mẫu phôi bằng khen, giấy khen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def sheet(self) -> Paper:
        return PAPERS[self.paper]


class SerialCounter(models.Model):
    """The last serial number given for a prefix in a year (numbering restarts each year)."""

    prefix = models.CharField(max_length=6)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="serial_counter_once")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


class Certificate(TimeStampedModel):
    """The certificate of one award: its serial (*số vào sổ*), given once when it is first
    printed, and the unguessable token its QR code carries to the public verification page.
    Printing it again gives the same serial; a reissue (lost or damaged copy) counts up."""

    award = models.OneToOneField(
        "awards.Award", on_delete=models.PROTECT, related_name="certificate"
    )
    serial = models.CharField(_("số vào sổ"), max_length=24, unique=True)
    token = models.CharField(max_length=32, unique=True, editable=False)
    issued_at = models.DateTimeField(_("cấp lúc"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reissue_count = models.PositiveSmallIntegerField(_("số lần cấp lại"), default=0)
    reissued_at = models.DateTimeField(_("cấp lại lúc"), null=True, blank=True)
    reissue_reason = models.CharField(_("lý do cấp lại"), max_length=255, blank=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "award__holder_unit"

    class Meta:
        verbose_name = _("bằng khen, giấy khen đã cấp")
        verbose_name_plural = _("bằng khen, giấy khen đã cấp")
        ordering = ["serial"]

    def __str__(self) -> str:
        return self.serial

    @property
    def printed_serial(self) -> str:
        """The serial as printed: a reissued copy says which reissue it is."""
        if self.reissue_count:
            return f"{self.serial} (cấp lại lần {self.reissue_count})"
        return self.serial


class JobStatus(models.TextChoices):
    PENDING = "PENDING", _("Đang chờ xử lý")
    RUNNING = "RUNNING", _("Đang in")
    SUCCEEDED = "SUCCEEDED", _("Đã in xong")
    FAILED = "FAILED", _("Không in được")


STALL_AFTER = dt.timedelta(minutes=10)
"""A job not finished and not updated for this long is taken as abandoned."""


class CertificateJob(TimeStampedModel):
    """One request to print every certificate of a decision as a single PDF, one page per
    recipient, made in the background. The file stays until the next job of the decision."""

    decision = models.ForeignKey(
        "awards.Decision", on_delete=models.CASCADE, related_name="certificate_jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    with_frame = models.BooleanField(_("in kèm khung mẫu"), default=False)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=JobStatus.choices, default=JobStatus.PENDING
    )
    progress = models.PositiveIntegerField(_("số trang đã dựng"), default=0)
    total = models.PositiveIntegerField(_("số người, tập thể"), default=0)
    error = models.CharField(_("lỗi"), max_length=500, blank=True)
    file = models.FileField(_("tệp PDF"), upload_to="certificates/%Y/", blank=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    scope_unit_field = "decision__issuer_unit"

    class Meta:
        verbose_name = _("lần in bằng khen theo quyết định")
        verbose_name_plural = _("lần in bằng khen theo quyết định")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.decision} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)

    @property
    def is_stalled(self) -> bool:
        """Waiting or running but not updated for ``STALL_AFTER``: the worker is not running.
        A running job writes its progress after every few dozen pages (a few seconds)."""
        return not self.is_finished and self.updated_at < timezone.now() - STALL_AFTER

    @property
    def percent(self) -> int:
        if self.status == JobStatus.SUCCEEDED:
            return 100
        if not self.total:
            return 0
        return min(99, self.progress * 100 // self.total)
