"""Public consultation (*lấy ý kiến nhân dân*) on state-level candidates.

The sector office publishes the candidates the council passed for a state-level code for a
set number of working days; anyone may comment without logging in; the officer resolves each
comment and records the outcome per candidate, which is attached to the candidate's dossier as
a PDF report and can block the transmission upward.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.catalog import models as catalog
from tdkt.core.models import VersionedModel
from tdkt.core.scope import ScopedQuerySet

STATE_LEVEL = catalog.STATE_LEVEL
"""Only lines of state-level codes are published for public comment."""


class ConsultationStatus(models.TextChoices):
    """Where a consultation stands; transitions in ``consultation.workflow``."""

    DRAFT = "DRAFT", _("Đang soạn")
    PUBLISHED = "PUBLISHED", _("Đã công bố")
    CLOSED = "CLOSED", _("Đã kết thúc lấy ý kiến")
    OUTCOME_RECORDED = "OUTCOME", _("Đã ghi kết quả")


class Outcome(models.TextChoices):
    """The result of the consultation for one candidate."""

    NO_OBJECTION = "NO_OBJECTION", _("Không có ý kiến phản ánh")
    RESOLVED = "RESOLVED", _("Có ý kiến, đã xem xét, giải quyết")
    UPHELD = "UPHELD", _("Ý kiến phản ánh có cơ sở")


class Resolution(models.TextChoices):
    """The officer's finding on one comment."""

    VERIFIED = "VERIFIED", _("Đã xác minh, có cơ sở")
    NOT_GROUNDED = "NOT_GROUNDED", _("Không có cơ sở")
    NOT_RELEVANT = "NOT_RELEVANT", _("Không liên quan")


def report_path(instance, filename: str) -> str:
    return f"consultation/{instance.pk}/{uuid.uuid4().hex}.pdf"


class Consultation(VersionedModel):
    """One publication of state-level candidates for public comment, run by the sector office
    (``issuer_unit`` decides who manages it). Comments are accepted from ``opens_on`` to
    ``closes_on`` (both included) while it is published; ``closes_on`` is ``working_days``
    working days counted from the opening day, the number taken from the dated parameter
    ``consultation.working_days`` in force on the opening day."""

    title = models.CharField(_("tiêu đề"), max_length=300)
    round = models.ForeignKey(
        "proposals.ProposalRound",
        verbose_name=_("đợt đề nghị"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    issuer_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị tổ chức lấy ý kiến"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    intro = models.TextField(_("nội dung thông báo"), blank=True)
    opens_on = models.DateField(_("ngày bắt đầu"))
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))
    closes_on = models.DateField(_("ngày kết thúc"))
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.DRAFT,
    )
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    outcome_at = models.DateTimeField(_("ghi kết quả lúc"), null=True, blank=True)
    report = models.FileField(_("báo cáo kết quả"), upload_to=report_path, blank=True)
    last_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["last_notified_at"])

    scope_unit_field = "issuer_unit"

    class Meta:
        verbose_name = _("đợt lấy ý kiến nhân dân")
        verbose_name_plural = _("đợt lấy ý kiến nhân dân")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="consultation_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def accepts_comments_on(self, day) -> bool:
        """Whether the public may comment on ``day`` (published, within the window)."""
        return (
            self.status == ConsultationStatus.PUBLISHED and self.opens_on <= day <= self.closes_on
        )

    def period_over_on(self, day) -> bool:
        return day > self.closes_on


class Candidate(VersionedModel):
    """A proposal line published in a consultation, with the summary of achievements shown to
    the public (copied from the line, editable while the consultation is a draft so nothing
    private is published) and, at the end, the outcome. A line is published at most once."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="candidates"
    )
    line = models.OneToOneField(
        "proposals.ProposalLine",
        verbose_name=_("dòng đề nghị"),
        on_delete=models.PROTECT,
        related_name="consultation_candidate",
    )
    summary = models.TextField(_("tóm tắt thành tích công khai"), blank=True)
    position = models.PositiveSmallIntegerField(_("số thứ tự"), default=0)
    outcome = models.CharField(_("kết quả"), max_length=14, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("ghi chú kết quả"), blank=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "consultation__issuer_unit"

    class Meta:
        verbose_name = _("người, tập thể được công khai")
        verbose_name_plural = _("người, tập thể được công khai")
        ordering = ["consultation", "position", "pk"]

    def __str__(self) -> str:
        return str(self.line)


class Comment(VersionedModel):
    """A comment sent by anyone on a published consultation, optionally about one candidate.
    The sender's name, contact and address are private: only the officer sees them. The
    officer resolves it with a finding and a note; the history keeps every change."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    candidate = models.ForeignKey(
        Candidate,
        verbose_name=_("về người, tập thể"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
    )
    content = models.TextField(_("nội dung ý kiến"))
    author_name = models.CharField(_("họ tên người gửi"), max_length=120, blank=True)
    contact = models.CharField(_("điện thoại hoặc thư điện tử"), max_length=254, blank=True)
    client_ip = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    received_at = models.DateTimeField(_("nhận lúc"), auto_now_add=True)
    resolution = models.CharField(
        _("kết quả xem xét"), max_length=14, choices=Resolution.choices, blank=True
    )
    resolution_note = models.TextField(_("ghi chú của cán bộ"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xem xét"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "consultation__issuer_unit"

    class Meta:
        verbose_name = _("ý kiến nhân dân")
        verbose_name_plural = _("ý kiến nhân dân")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["consultation", "resolution"])]

    def __str__(self) -> str:
        return f"#{self.pk} – {self.content[:40]}"

    @property
    def is_resolved(self) -> bool:
        return bool(self.resolution)


class SubmissionAttempt(models.Model):
    """One attempt to send a comment (accepted, or caught by the honeypot), by client address:
    the database-backed record the rate limits count, shared by every server process.
    Attempts older than a day are deleted as new ones arrive."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="+")
    client_ip = models.GenericIPAddressField(null=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    accepted = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("lượt gửi ý kiến")
        verbose_name_plural = _("lượt gửi ý kiến")
        indexes = [
            models.Index(fields=["client_ip", "at"]),
            models.Index(fields=["consultation", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.client_ip} {self.at:%d/%m/%Y %H:%M}"
