"""The cluster vote (*bình xét, suy tôn*): candidates, turnout and secret ballots.

Secrecy by construction: who voted (``Turnout``) is stored apart from what was voted
(``Ballot``). A ballot row has a random UUID key, no voter, no member unit and no time, and the
ballots of a vote are rewritten in random order at every cast, so neither keys nor the physical
row order tell which member cast which ballot. Totals and turnout remain verifiable: each
candidate has exactly one ballot per member that voted.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import VersionedModel


class VoteStatus(models.TextChoices):
    OPEN = "OPEN", _("Đang bỏ phiếu")
    CLOSED = "CLOSED", _("Đã kết thúc")


class CandidacyKind(models.TextChoices):
    """What a candidate is proposed for; the leading unit goes on to the sector flag."""

    LEADING = "LEADING", _("Đơn vị dẫn đầu (đề nghị Cờ thi đua ngành)")
    EXCELLENT = "EXCELLENT", _("Tập thể lao động xuất sắc")
    ADVANCED = "ADVANCED", _("Tập thể lao động tiên tiến")


class Choice(models.TextChoices):
    AGREE = "AGREE", _("Đồng ý")
    DISAGREE = "DISAGREE", _("Không đồng ý")
    ABSTAIN = "ABSTAIN", _("Không biểu quyết")


class ClusterVote(VersionedModel):
    """The vote of a cluster's members on its candidates. The threshold (share and denominator)
    is read from the rule parameters when the vote opens and kept with the vote."""

    cluster = models.OneToOneField(
        "emulation.Cluster", on_delete=models.CASCADE, related_name="scoring_vote"
    )
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=VoteStatus.choices, default=VoteStatus.OPEN
    )
    share = models.DecimalField(_("tỷ lệ đồng ý tối thiểu"), max_digits=4, decimal_places=3)
    denominator = models.CharField(_("mẫu số"), max_length=10)
    parameter_unsure = models.BooleanField(_("tham số chưa chắc chắn"), default=False)
    citation = models.CharField(_("căn cứ"), max_length=500, blank=True)
    member_count = models.PositiveSmallIntegerField(_("số thành viên"))
    place = models.CharField(_("địa điểm họp"), max_length=200, blank=True)
    opened_at = models.DateTimeField(_("mở lúc"), auto_now_add=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    leading_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị dẫn đầu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cuộc bình xét của cụm, khối")
        verbose_name_plural = _("cuộc bình xét của cụm, khối")

    @property
    def is_closed(self) -> bool:
        return self.status == VoteStatus.CLOSED


class Candidate(models.Model):
    """A unit proposed for one kind of result; the counts are filled in when the vote closes."""

    vote = models.ForeignKey(ClusterVote, on_delete=models.CASCADE, related_name="candidates")
    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT)
    kind = models.CharField(_("đề nghị"), max_length=10, choices=CandidacyKind.choices)
    agree = models.PositiveSmallIntegerField(_("đồng ý"), null=True, blank=True)
    disagree = models.PositiveSmallIntegerField(_("không đồng ý"), null=True, blank=True)
    abstain = models.PositiveSmallIntegerField(_("không biểu quyết"), null=True, blank=True)
    approved = models.BooleanField(_("đạt"), null=True, blank=True)

    class Meta:
        verbose_name = _("đơn vị được bình xét")
        verbose_name_plural = _("đơn vị được bình xét")
        ordering = ["vote", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "unit", "kind"], name="candidate_once")
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.get_kind_display()}"


class Turnout(models.Model):
    """That a member unit voted, who cast its ballot and when; never what it voted."""

    vote = models.ForeignKey(ClusterVote, on_delete=models.CASCADE, related_name="turnout")
    member_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    cast_at = models.DateTimeField(_("bỏ phiếu lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lượt bỏ phiếu")
        verbose_name_plural = _("lượt bỏ phiếu")
        constraints = [
            models.UniqueConstraint(fields=["vote", "member_unit"], name="one_ballot_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.member_unit} – {self.vote_id}"


class Ballot(models.Model):
    """One anonymous choice on one candidate: no voter, no member, no time, a random key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="ballots")
    choice = models.CharField(max_length=8, choices=Choice.choices)

    class Meta:
        verbose_name = _("phiếu bầu")
        verbose_name_plural = _("phiếu bầu")

    def __str__(self) -> str:
        return str(self.id)
