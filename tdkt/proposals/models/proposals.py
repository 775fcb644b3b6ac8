"""Proposals of units in a round, their lines (candidate × code) and their event log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import VersionedModel
from tdkt.core.scope import ScopedQuerySet


class ProposalStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Đang lập")
    SUBMITTED = "SUBMITTED", _("Đã nộp")


class LineStatus(models.TextChoices):
    """States of a line: drafted by the unit, submitted, then appraised by the sector office:
    accepted, returned to the unit (which corrects and resubmits it) or rejected; an accepted
    line goes before the council, whose ballot passes it or not; a passed line is decided by
    the sector (awarded) or, for state-level codes, transmitted upward and later awarded or
    not. The allowed transitions are ``proposals.workflow.LINE_WORKFLOW``; see
    ``docs/proposals.md``."""

    DRAFT = "DRAFT", _("Đang lập")
    SUBMITTED = "SUBMITTED", _("Đã nộp, chờ thẩm định")
    ACCEPTED = "ACCEPTED", _("Thẩm định đạt")
    RETURNED = "RETURNED", _("Trả lại để bổ sung")
    REJECTED = "REJECTED", _("Không chấp nhận")
    PASSED = "PASSED", _("Hội đồng thống nhất đề nghị")
    NOT_PASSED = "NOT_PASSED", _("Hội đồng không đủ số phiếu")
    TRANSMITTED = "TRANSMITTED", _("Đã trình cấp trên")
    AWARDED = "AWARDED", _("Đã có quyết định khen thưởng")
    NOT_AWARDED = "NOT_AWARDED", _("Cấp trên không khen thưởng")
    REVOKED = "REVOKED", _("Quyết định đã bị hủy bỏ")


CLOSED_NEGATIVE = (
    LineStatus.REJECTED,
    LineStatus.NOT_PASSED,
    LineStatus.NOT_AWARDED,
    LineStatus.REVOKED,
)
"""States in which a line no longer proposes its candidate: the same candidate may be
proposed again for the same code and year in another line."""


class AppraisalAction(models.TextChoices):
    """What happened to a line in one step of its appraisal."""

    ACCEPTED = "ACCEPTED", _("Thẩm định đạt")
    RETURNED = "RETURNED", _("Trả lại để bổ sung")
    REJECTED = "REJECTED", _("Không chấp nhận")
    RESUBMITTED = "RESUBMITTED", _("Đơn vị nộp lại")
    PASSED = "PASSED", _("Hội đồng thống nhất đề nghị")
    NOT_PASSED = "NOT_PASSED", _("Hội đồng không đủ số phiếu")
    TRANSMITTED = "TRANSMITTED", _("Trình cấp trên")
    AWARDED = "AWARDED", _("Quyết định khen thưởng")
    NOT_AWARDED = "NOT_AWARDED", _("Cấp trên không khen thưởng")
    REVOKED = "REVOKED", _("Hủy bỏ quyết định")


class Proposal(VersionedModel):
    """What one unit proposes in one round: its lines and their dossiers. The unit's TĐKT
    officer edits it until it is submitted; after that the unit cannot change it."""

    round = models.ForeignKey(
        "proposals.ProposalRound",
        verbose_name=_("đợt đề nghị"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["-round__year", "round", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["round", "unit"], name="one_proposal_per_unit_round")
        ]

    def __str__(self) -> str:
        return f"{self.unit.short_name} – {self.round}"

    @property
    def is_submitted(self) -> bool:
        return self.status == ProposalStatus.SUBMITTED


class ProposalLine(VersionedModel):
    """One candidate (a person or a unit) proposed for one award code. ``year`` repeats the
    round's year so that the database itself refuses the same candidate twice for the same
    code and year anywhere in the sector. The rule engine's verdict is stored as it was at the
    time of the check (``checked_at``), with its reasons."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="lines")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("cá nhân"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    candidate_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("tập thể"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    award_type = models.ForeignKey(
        "catalog.AwardType",
        verbose_name=_("danh hiệu, hình thức"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("năm xét"))
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=LineStatus.choices, default=LineStatus.DRAFT
    )
    achievement = models.TextField(_("tóm tắt thành tích"), blank=True)
    outcome = models.CharField(_("kết quả kiểm tra"), max_length=14, blank=True)
    reasons = models.JSONField(_("lý do"), default=dict, blank=True)
    checked_at = models.DateTimeField(_("kiểm tra lúc"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "proposal__unit"

    class Meta:
        verbose_name = _("dòng đề nghị")
        verbose_name_plural = _("dòng đề nghị")
        ordering = ["proposal", "award_type__sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(candidate_unit__isnull=True))
                | (Q(person__isnull=True) & Q(candidate_unit__isnull=False)),
                name="line_one_candidate",
            ),
            models.UniqueConstraint(
                fields=["person", "award_type", "year"],
                condition=Q(person__isnull=False) & ~Q(status__in=CLOSED_NEGATIVE),
                name="person_proposed_once_per_code_year",
            ),
            models.UniqueConstraint(
                fields=["candidate_unit", "award_type", "year"],
                condition=Q(candidate_unit__isnull=False) & ~Q(status__in=CLOSED_NEGATIVE),
                name="unit_proposed_once_per_code_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_name} – {self.award_type.code}"

    @property
    def candidate_name(self) -> str:
        if self.person_id:
            return self.person.full_name
        return self.candidate_unit.short_name

    @property
    def is_editable_state(self) -> bool:
        return self.status == LineStatus.DRAFT

    @property
    def is_returned(self) -> bool:
        return self.status == LineStatus.RETURNED

    @property
    def awaits_appraisal(self) -> bool:
        return self.status == LineStatus.SUBMITTED


class LineAppraisal(models.Model):
    """One step of a line's appraisal, kept forever: the office's decision with its comment or
    reason, or the unit's resubmission with its note. A line returned twice has two
    ``RETURNED`` and two ``RESUBMITTED`` steps."""

    line = models.ForeignKey(ProposalLine, on_delete=models.CASCADE, related_name="appraisals")
    action = models.CharField(_("thao tác"), max_length=12, choices=AppraisalAction.choices)
    comment = models.TextField(_("nội dung"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("bước thẩm định")
        verbose_name_plural = _("bước thẩm định")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} – {self.line_id}"


class ProposalEvent(models.Model):
    """Append-only log of a proposal's transitions: who, when, what, why."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    line = models.ForeignKey(
        ProposalLine, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    action = models.CharField(_("thao tác"), max_length=200)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("sự kiện đề nghị")
        verbose_name_plural = _("sự kiện đề nghị")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return self.action
