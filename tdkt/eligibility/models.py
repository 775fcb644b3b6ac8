"""Sweeps: for a year and the reach of the officer who asks, every subject against every code."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel
from tdkt.rules.verdicts import OUTCOME_LABELS, Outcome


class SweepStatus(models.TextChoices):
    PENDING = "PENDING", _("Đang chờ xử lý")
    RUNNING = "RUNNING", _("Đang xét")
    SUCCEEDED = "SUCCEEDED", _("Đã xét xong")
    FAILED = "FAILED", _("Không xét được")


class SubjectKind(models.TextChoices):
    PERSON = "P", _("Cá nhân")
    UNIT = "C", _("Tập thể")


class OutcomeChoices(models.TextChoices):
    """The verdict outcomes of the rule engine, with the engine's labels."""

    ELIGIBLE = str(Outcome.ELIGIBLE), OUTCOME_LABELS[Outcome.ELIGIBLE]
    NEEDS_REVIEW = str(Outcome.NEEDS_REVIEW), OUTCOME_LABELS[Outcome.NEEDS_REVIEW]
    NOT_ELIGIBLE = str(Outcome.NOT_ELIGIBLE), OUTCOME_LABELS[Outcome.NOT_ELIGIBLE]


STALL_AFTER = dt.timedelta(minutes=10)
"""A sweep not finished and not updated for this long is taken as abandoned."""


class SweepJobQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view") -> "SweepJobQuerySet":
        """A user sees only the sweeps they started; superusers see every sweep."""
        if user is None or not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(created_by=user)


class SweepJob(TimeStampedModel):
    """One sweep asked by an officer: who in their reach may be proposed for which codes in a
    year. The reach is the one the officer had when the sweep ran; the results stay as they
    were computed then, so two sweeps of the same year can be compared."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xét"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="sweep_jobs",
    )
    year = models.PositiveSmallIntegerField(_("năm xét"))
    codes = models.JSONField(_("danh hiệu, hình thức"), default=list)
    """The codes asked for, in catalog order."""
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=SweepStatus.choices, default=SweepStatus.PENDING
    )
    progress = models.PositiveIntegerField(_("số đối tượng đã xét"), default=0)
    total = models.PositiveIntegerField(_("số đối tượng"), default=0)
    summary = models.JSONField(_("kết quả theo danh hiệu"), default=dict, blank=True)
    """``{code: {"ELIGIBLE": n, "NOT_ELIGIBLE": n, "NEEDS_REVIEW": n}}`` for the codes evaluated;
    a code whose rules do not cover the year is absent."""
    uncovered = models.JSONField(_("chưa có quy tắc"), default=list, blank=True)
    """Codes asked for whose rules do not cover the year (nothing was evaluated for them)."""
    error = models.CharField(_("lỗi"), max_length=500, blank=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    objects = SweepJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("lần xét điều kiện khen thưởng")
        verbose_name_plural = _("lần xét điều kiện khen thưởng")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.year}: {', '.join(self.codes)}"

    @property
    def is_finished(self) -> bool:
        return self.status in (SweepStatus.SUCCEEDED, SweepStatus.FAILED)

    @property
    def is_stalled(self) -> bool:
        """Waiting or running, but not updated for ``STALL_AFTER``: the worker was stopped
        (or never started). A running sweep updates its progress every few hundred subjects,
        which takes well under a second."""
        return not self.is_finished and self.updated_at < timezone.now() - STALL_AFTER

    @property
    def percent(self) -> int:
        """Share of subjects evaluated, 0–100."""
        if self.is_finished:
            return 100
        if not self.total:
            return 0
        return min(100, self.progress * 100 // self.total)

    @property
    def summary_rows(self) -> list[dict]:
        """The counts per code in the job's order, each with every outcome (0 when none)."""
        return [
            {"code": code, **{str(o).lower(): self.summary[code].get(str(o), 0) for o in Outcome}}
            for code in self.codes
            if code in self.summary
        ]


class SweepResult(models.Model):
    """The verdict of one subject for one code in a sweep, with the reasons in short.

    ``unit`` is the collective itself, or the person's unit when the sweep ran; it decides the
    unit filter. ``code_rank`` and ``position`` keep the catalog order of codes and the order of
    subjects (unit tree, then name) without joins.
    """

    job = models.ForeignKey(SweepJob, on_delete=models.CASCADE, related_name="results")
    subject_kind = models.CharField(_("đối tượng"), max_length=1, choices=SubjectKind.choices)
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("cán bộ"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+"
    )
    code = models.CharField(_("danh hiệu, hình thức"), max_length=20)
    code_rank = models.PositiveSmallIntegerField(default=0)
    position = models.PositiveIntegerField(default=0)
    outcome = models.CharField(_("kết quả"), max_length=12, choices=OutcomeChoices.choices)
    rule_id = models.CharField(_("quy tắc"), max_length=40)
    reasons = models.TextField(_("lý do"), blank=True)
    next_step = models.CharField(_("bước tiếp theo"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("kết quả xét")
        verbose_name_plural = _("kết quả xét")
        ordering = ["job", "code_rank", "position"]
        indexes = [
            models.Index(fields=["job", "code_rank", "position"], name="sweep_result_order"),
            models.Index(
                fields=["job", "outcome", "code_rank", "position"], name="sweep_result_outcome"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.get_outcome_display()}"
