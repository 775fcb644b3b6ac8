"""Proposal rounds (*đợt đề nghị khen thưởng*) opened by the sector office."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import VersionedModel


class RoundKind(models.TextChoices):
    ANNUAL = "HANG_NAM", _("Tổng kết năm")
    THEMATIC = "CHUYEN_DE", _("Theo đợt, chuyên đề")
    AD_HOC = "DOT_XUAT", _("Đột xuất (thủ tục đơn giản)")
    SECTOR_MEDAL = "KY_NIEM_CHUONG", _("Kỷ niệm chương (26/7)")
    STATE = "NHA_NUOC", _("Khen thưởng cấp Nhà nước")


class SimplifiedCase(models.TextChoices):
    """The cases in which the simplified procedure is allowed (Law 06/2022 Art 85, NĐ 98/2023
    Art 40(1), legal digest §6.2)."""

    POLITICAL_TASK = "1", _("Phục vụ nhiệm vụ chính trị, động viên kịp thời")
    OUTSTANDING = "2", _("Thành tích đột xuất, hành động dũng cảm, giải thưởng quốc tế")
    DISCOVERED = "3", _("Do thủ trưởng phát hiện")
    CAREER = "4", _("Quá trình cống hiến, niên hạn, đối ngoại")
    SECRET = "5", _("Thành tích có nội dung bí mật nhà nước")


class RoundStatus(models.TextChoices):
    OPEN = "OPEN", _("Đang nhận đề nghị")
    CLOSED = "CLOSED", _("Đã đóng")


class RoundQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view") -> "RoundQuerySet":
        """Rounds are sector-wide: every user with a role sees them all; the sector officer and
        administrators (``change_catalog``) manage them."""
        from tdkt.accounts.scope import reach_of

        if user is None or not user.is_authenticated:
            return self.none()
        return self.all() if reach_of(user).allows_anywhere(action) else self.none()


class ProposalRound(VersionedModel):
    """A round in which units propose candidates for the award codes it accepts, for one
    evaluation year, until its submission deadline; the sector office appraises them until
    the appraisal deadline. Thematic rounds belong to a movement; ad hoc rounds name the case
    of the simplified procedure they use."""

    name = models.CharField(_("tên đợt"), max_length=200)
    kind = models.CharField(_("loại đợt"), max_length=16, choices=RoundKind.choices)
    year = models.PositiveSmallIntegerField(_("năm xét"))
    movement = models.ForeignKey(
        "emulation.Movement",
        verbose_name=_("phong trào"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposal_rounds",
    )
    simplified_case = models.CharField(
        _("trường hợp thủ tục đơn giản"),
        max_length=1,
        choices=SimplifiedCase.choices,
        blank=True,
    )
    submission_deadline = models.DateField(_("hạn nộp hồ sơ"))
    appraisal_deadline = models.DateField(_("hạn thẩm định"))
    appraisal_working_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc thẩm định"),
        null=True,
        blank=True,
        help_text=_(
            "Khi có, hạn thẩm định được tính bằng số ngày làm việc này sau hạn nộp hồ sơ "
            "(trừ thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết)."
        ),
    )
    award_types = models.ManyToManyField(
        "catalog.AwardType", verbose_name=_("danh hiệu, hình thức nhận đề nghị"), related_name="+"
    )
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    note = models.TextField(_("ghi chú"), blank=True)
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)

    objects = RoundQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[award_types])

    class Meta:
        verbose_name = _("đợt đề nghị")
        verbose_name_plural = _("đợt đề nghị")
        ordering = ["-year", "submission_deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(appraisal_deadline__gte=models.F("submission_deadline")),
                name="round_deadlines_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN

    def accepts_on(self, day: dt.date) -> bool:
        """Whether units may still create and change proposals on ``day`` (deadline included)."""
        return self.is_open and day <= self.submission_deadline
