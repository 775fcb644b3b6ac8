"""The register of titles and awards granted to persons and units."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.catalog.models import CommendationKind
from tdkt.core.models import VersionedModel
from tdkt.core.scope import ScopedQuerySet


class AwardQuerySet(ScopedQuerySet):
    def counting(self) -> "AwardQuerySet":
        """Awards that still stand (not revoked)."""
        return self.filter(revoked=False)


class Decision(VersionedModel):
    """A commendation decision (*quyết định khen thưởng*) issued by the sector (or recorded
    from an upper authority for state-level codes): number, date, signer, authority. The
    awards it grants point to it (``Award.decision``) and copy its number, date, signer and
    authority, so that historical awards imported without a decision row read the same way.

    The same number cannot be recorded twice by one authority in one year (numbering restarts
    each January). A revoked decision stays, marked as such, and its awards are revoked with it.
    """

    number = models.CharField(_("số quyết định"), max_length=60)
    signed_on = models.DateField(_("ngày ký"))
    signed_year = models.PositiveSmallIntegerField(_("năm ký"), editable=False)
    signer = models.CharField(_("người ký"), max_length=120)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    authority = models.CharField(_("cơ quan quyết định"), max_length=200)
    issuer_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị ban hành, quản lý"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    """The unit whose officers manage the decision (the root for the sector); decides scope."""
    round = models.ForeignKey(
        "proposals.ProposalRound",
        verbose_name=_("đợt đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    kind = models.CharField(
        _("loại hình"),
        max_length=12,
        choices=CommendationKind.choices,
        default=CommendationKind.CONG_TRANG,
    )
    summary = models.CharField(_("trích yếu"), max_length=500, blank=True)
    revoked = models.BooleanField(_("đã bị hủy bỏ"), default=False)
    revoked_on = models.DateField(_("ngày hủy bỏ"), null=True, blank=True)
    revocation_reason = models.CharField(_("lý do hủy bỏ"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "issuer_unit"

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "authority", "signed_year"],
                name="decision_number_once_per_authority_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} ngày {self.signed_on:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        self.signed_year = self.signed_on.year
        super().save(*args, **kwargs)


class Award(VersionedModel):
    """One title or award granted to a person or a unit by a decision.

    Exactly one of ``person`` and ``unit`` is set. A revoked award stays in the register, marked
    as such, and no longer counts.
    """

    award_type = models.ForeignKey(
        "catalog.AwardType", verbose_name=_("danh hiệu, hình thức"), on_delete=models.PROTECT
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="awards"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("tập thể"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    kind = models.CharField(
        _("loại hình"),
        max_length=12,
        choices=CommendationKind.choices,
        default=CommendationKind.CONG_TRANG,
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    authority = models.CharField(_("cơ quan quyết định"), max_length=200, blank=True)
    revoked = models.BooleanField(_("đã bị hủy bỏ"), default=False)
    revoked_on = models.DateField(_("ngày hủy bỏ"), null=True, blank=True)
    revocation_reason = models.CharField(_("lý do hủy bỏ"), max_length=255, blank=True)
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("quyết định"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
    )
    """The decision row, for awards decided in the application (empty for imported history)."""
    source_line = models.OneToOneField(
        "proposals.ProposalLine",
        verbose_name=_("dòng đề nghị"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="award",
    )
    money = models.DecimalField(
        _("tiền thưởng (đồng)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    """Coefficient × base salary in force on the decision date, rounded (empty when unknown)."""
    holder_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị khi khen thưởng"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    """The collective itself, or the person's unit on the decision date; decides scope."""

    objects = AwardQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "holder_unit"
    scope_person_field = "person"

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["-year", "award_type__sort_order"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(unit__isnull=True))
                | (Q(person__isnull=True) & Q(unit__isnull=False)),
                name="award_has_one_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.award_type.code} {self.year}"


class Transmission(VersionedModel):
    """A submission upward (*tờ trình lên cấp trên*) of passed lines of state-level codes: the
    sector's number and date, and the authority that receives it (the Prime Minister, the
    President…). Its lines wait there (``TRANSMITTED``) until the result is recorded for each:
    awarded by an upper decision, or not awarded with the reason given."""

    number = models.CharField(_("số tờ trình"), max_length=60)
    sent_on = models.DateField(_("ngày trình"))
    receiver = models.CharField(_("cơ quan nhận"), max_length=200)
    summary = models.CharField(_("trích yếu"), max_length=500, blank=True)
    issuer_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị trình"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    round = models.ForeignKey(
        "proposals.ProposalRound",
        verbose_name=_("đợt đề nghị"),
        on_delete=models.PROTECT,
        related_name="transmissions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "issuer_unit"

    class Meta:
        verbose_name = _("tờ trình lên cấp trên")
        verbose_name_plural = _("tờ trình lên cấp trên")
        ordering = ["-sent_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.number} ngày {self.sent_on:%d/%m/%Y}"


class TransmissionOutcome(models.TextChoices):
    PENDING = "PENDING", _("Chờ kết quả")
    AWARDED = "AWARDED", _("Được khen thưởng")
    NOT_AWARDED = "NOT_AWARDED", _("Không khen thưởng")


class TransmissionLine(models.Model):
    """One line sent upward by a transmission, and what came back for it."""

    transmission = models.ForeignKey(Transmission, on_delete=models.CASCADE, related_name="items")
    line = models.OneToOneField(
        "proposals.ProposalLine",
        verbose_name=_("dòng đề nghị"),
        on_delete=models.PROTECT,
        related_name="transmission_item",
    )
    outcome = models.CharField(
        _("kết quả"),
        max_length=12,
        choices=TransmissionOutcome.choices,
        default=TransmissionOutcome.PENDING,
    )
    reason = models.CharField(_("lý do không khen thưởng"), max_length=500, blank=True)
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("quyết định của cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("dòng của tờ trình")
        verbose_name_plural = _("dòng của tờ trình")
        ordering = ["transmission", "pk"]

    def __str__(self) -> str:
        return f"{self.transmission_id}/{self.line_id}"
