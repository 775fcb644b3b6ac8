"""Import jobs: one uploaded workbook of staff and yearly facts, processed in the background."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel


class ImportStatus(models.TextChoices):
    PENDING = "PENDING", _("Đang chờ xử lý")
    RUNNING = "RUNNING", _("Đang xử lý")
    SUCCEEDED = "SUCCEEDED", _("Đã nhập xong")
    FAILED = "FAILED", _("Không nhập được")


class ImportJobQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view") -> "ImportJobQuerySet":
        """A user sees only the jobs they started; superusers see every job."""
        if user is None or not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(created_by=user)


class ImportJob(TimeStampedModel):
    """An Excel workbook uploaded by an officer and its import into the register.

    The import is all-or-nothing: a job ends ``SUCCEEDED`` with the counts of rows created,
    updated and unchanged per sheet, or ``FAILED`` with every error found and nothing written.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="import_jobs",
    )
    file = models.FileField(_("tệp"), upload_to="imports/%Y/%m/")
    original_filename = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    total_rows = models.PositiveIntegerField(_("số dòng"), default=0)
    processed_rows = models.PositiveIntegerField(_("số dòng đã xử lý"), default=0)
    counts = models.JSONField(_("kết quả theo trang"), default=dict, blank=True)
    """``{sheet name: {"created": n, "updated": n, "unchanged": n}}``."""
    errors = models.JSONField(_("lỗi"), default=list, blank=True)
    """``[{"sheet", "row", "column", "message"}]``, at most ``MAX_STORED_ERRORS`` of them."""
    error_count = models.PositiveIntegerField(_("số lỗi"), default=0)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("lần nhập dữ liệu")
        verbose_name_plural = _("lần nhập dữ liệu")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.original_filename

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.SUCCEEDED, ImportStatus.FAILED)

    @property
    def sheet_counts(self) -> list[dict]:
        """The counts per sheet in workbook order, each with the sheet's name and title."""
        from tdkt.imports.workbook import SHEETS

        return [
            {"name": sheet.name, "title": sheet.title, **self.counts[sheet.name]}
            for sheet in SHEETS
            if sheet.name in self.counts
        ]

    @property
    def percent(self) -> int:
        """Progress of the reading and checking of rows, 0–100."""
        if self.is_finished:
            return 100
        if not self.total_rows:
            return 0
        return min(100, self.processed_rows * 100 // self.total_rows)
