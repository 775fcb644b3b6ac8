"""Councils (*Hội đồng Thi đua – Khen thưởng*), their members, meetings and secret ballots.

Secrecy by construction: who voted (``Turnout``: member, meeting, time) is stored apart from
what was voted (``BallotBox``). A ballot box is the running count of agree / disagree / abstain
for one agenda line: it has a random UUID key, no member, no time and no history, and all boxes
of a meeting are created together when voting opens, before anyone votes. A cast adds one to
one counter per line and stores nothing else, so there is no row, order or key from which a
member's choice could be read back, while turnout and totals stay verifiable (each line's three
counters add up to the number of ballots cast).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import TimeStampedModel, VersionedModel
from tdkt.core.scope import ScopedQuerySet


class MemberRole(models.TextChoices):
    """A member's place in the council; the secretary keeps the records and does not vote."""

    CHAIR = "CHAIR", _("Chủ tịch")
    VICE_CHAIR = "VICE_CHAIR", _("Phó Chủ tịch")
    STANDING = "STANDING", _("Ủy viên thường trực")
    MEMBER = "MEMBER", _("Ủy viên")
    SECRETARY = "SECRETARY", _("Thư ký")


class MeetingStatus(models.TextChoices):
    """States of a meeting; the allowed transitions are ``council.workflow.MEETING_WORKFLOW``."""

    PREPARING = "PREPARING", _("Đang chuẩn bị")
    VOTING = "VOTING", _("Đang bỏ phiếu")
    CLOSED = "CLOSED", _("Đã kiểm phiếu")
    MINUTES = "MINUTES", _("Đã ban hành biên bản")


class Choice(models.TextChoices):
    AGREE = "AGREE", _("Đồng ý")
    DISAGREE = "DISAGREE", _("Không đồng ý")
    ABSTAIN = "ABSTAIN", _("Không biểu quyết")


class TurnoutKind(models.TextChoices):
    ELECTRONIC = "ELECTRONIC", _("Bỏ phiếu điện tử tại phiên họp")
    WRITTEN = "WRITTEN", _("Phiếu gửi bằng văn bản")


class CouncilQuerySet(ScopedQuerySet):
    def visible_to(self, user) -> "CouncilQuerySet":
        """Councils of units the user reaches, plus the councils the user sits on."""
        if user is None or not user.is_authenticated:
            return self.none()
        mine = CouncilMember.objects.filter(user=user).values("council_id")
        return self.filter(
            models.Q(pk__in=self.restrict(user).values("pk")) | models.Q(pk__in=mine)
        )


class Council(VersionedModel):
    """The emulation and commendation council of a unit (the sector's at the root), valid over
    a period. Its members vote on the lines the office accepted after appraisal."""

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("tên hội đồng"), max_length=200)
    valid_from = models.DateField(_("hiệu lực từ ngày"))
    valid_to = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    establishing_decision = models.CharField(_("quyết định thành lập"), max_length=200, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    objects = CouncilQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("Hội đồng Thi đua – Khen thưởng")
        verbose_name_plural = _("Hội đồng Thi đua – Khen thưởng")
        ordering = ["unit__path", "-valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="council_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def valid_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class CouncilMember(TimeStampedModel):
    """A user sitting on a council in one role."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("thành viên"),
        on_delete=models.PROTECT,
        related_name="council_seats",
    )
    role = models.CharField(_("vai trò trong hội đồng"), max_length=10, choices=MemberRole.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")
        ordering = ["council", "role", "user__last_name", "user__first_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="council_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user.display_name} – {self.get_role_display()}"

    @property
    def votes(self) -> bool:
        return self.role != MemberRole.SECRETARY


class MeetingQuerySet(ScopedQuerySet):
    def visible_to(self, user) -> "MeetingQuerySet":
        """Meetings of councils the user reaches or sits on."""
        return self.filter(council__in=Council.objects.visible_to(user))


class Meeting(VersionedModel):
    """A session of a council: an agenda of accepted lines, the attendance, the secret ballot
    and its tally. The quorum, membership and thresholds are kept as they were when voting
    opened and closed, so the minutes read the same later."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=MeetingStatus.choices,
        default=MeetingStatus.PREPARING,
    )
    member_count = models.PositiveSmallIntegerField(_("số thành viên biểu quyết"), null=True)
    present_count = models.PositiveSmallIntegerField(_("số thành viên có mặt"), null=True)
    quorum_share = models.CharField(_("tỷ lệ tối thiểu có mặt"), max_length=10, blank=True)
    quorum_citation = models.CharField(_("căn cứ"), max_length=300, blank=True)
    quorum_unsure = models.BooleanField(_("tham số chưa chắc chắn"), default=False)
    voting_opened_at = models.DateTimeField(_("mở bỏ phiếu lúc"), null=True, blank=True)
    voting_closed_at = models.DateTimeField(_("kết thúc bỏ phiếu lúc"), null=True, blank=True)
    minutes_issued_at = models.DateTimeField(_("ban hành biên bản lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "council__unit"

    class Meta:
        verbose_name = _("phiên họp hội đồng")
        verbose_name_plural = _("phiên họp hội đồng")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.council} – {self.date:%d/%m/%Y}"

    @property
    def is_preparing(self) -> bool:
        return self.status == MeetingStatus.PREPARING

    @property
    def is_voting(self) -> bool:
        return self.status == MeetingStatus.VOTING

    @property
    def is_tallied(self) -> bool:
        return self.status in (MeetingStatus.CLOSED, MeetingStatus.MINUTES)


class Attendance(models.Model):
    """A member present at a meeting (members without a row were absent)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("thành viên có mặt")
        verbose_name_plural = _("thành viên có mặt")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="council_present_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} @ {self.meeting_id}"


class AgendaItem(models.Model):
    """One accepted proposal line put to the council's vote, with its result once tallied:
    the counts, the threshold in force on the meeting date and whether it was reached."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    line = models.ForeignKey(
        "proposals.ProposalLine",
        verbose_name=_("dòng đề nghị"),
        on_delete=models.PROTECT,
        related_name="council_items",
    )
    position = models.PositiveIntegerField(_("thứ tự"))
    agree = models.PositiveSmallIntegerField(_("đồng ý"), null=True, blank=True)
    disagree = models.PositiveSmallIntegerField(_("không đồng ý"), null=True, blank=True)
    abstain = models.PositiveSmallIntegerField(_("không biểu quyết"), null=True, blank=True)
    not_voted = models.PositiveSmallIntegerField(_("không bỏ phiếu"), null=True, blank=True)
    share = models.CharField(_("tỷ lệ tối thiểu"), max_length=10, blank=True)
    denominator = models.CharField(_("mẫu số"), max_length=10, blank=True)
    strict = models.BooleanField(_("phải vượt tỷ lệ"), default=False)
    base = models.PositiveSmallIntegerField(_("số làm mẫu số"), null=True, blank=True)
    citation = models.CharField(_("căn cứ"), max_length=300, blank=True)
    unsure = models.BooleanField(_("tham số chưa chắc chắn"), default=False)
    passed = models.BooleanField(_("đạt"), null=True, blank=True)

    class Meta:
        verbose_name = _("nội dung biểu quyết")
        verbose_name_plural = _("nội dung biểu quyết")
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "line"], name="line_once_per_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.line}"


class Turnout(models.Model):
    """That a member voted at a meeting, how and when; never what they voted. A written ballot
    of an absent member is recorded by the secretary or the officer (``recorded_by``)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="turnout")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("hình thức"), max_length=10, choices=TurnoutKind.choices)
    cast_at = models.DateTimeField(_("bỏ phiếu lúc"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("lượt bỏ phiếu")
        verbose_name_plural = _("lượt bỏ phiếu")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"], name="council_one_ballot_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id} @ {self.meeting_id} ({self.kind})"


class BallotBox(models.Model):
    """The anonymous running count of one agenda line's ballots: a random key, the line, three
    counters. No member, no time, no history (see the module docstring)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="box")
    agree = models.PositiveSmallIntegerField(default=0)
    disagree = models.PositiveSmallIntegerField(default=0)
    abstain = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("hòm phiếu")
        verbose_name_plural = _("hòm phiếu")

    def __str__(self) -> str:
        return str(self.id)
