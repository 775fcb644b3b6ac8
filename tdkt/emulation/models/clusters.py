"""Clusters and blocks of units per year, and the covenant each signs (domain.md §3, §7)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import VersionedModel
from tdkt.core.scope import ScopedQuerySet, _resolver


class ClusterKind(models.TextChoices):
    CLUSTER = "CUM", _("Cụm thi đua")
    BLOCK = "KHOI", _("Khối thi đua")


class MemberRole(models.TextChoices):
    HEAD = "HEAD", _("Cụm trưởng, khối trưởng")
    DEPUTY = "DEPUTY", _("Cụm phó, khối phó")
    MEMBER = "MEMBER", _("Thành viên")


class ClusterQuerySet(ScopedQuerySet):
    def restrict(self, user, action: str = "view") -> "ClusterQuerySet":
        """Clusters whose organiser or any member unit ``user`` reaches for ``action``.

        Membership is tested in a subquery, so a cluster is returned once however many of its
        members the user reaches.
        """
        if user is None or not user.is_authenticated:
            return self.none()
        resolve = _resolver()
        by_organiser = resolve(user, action, unit_field="organiser", person_field=None)
        if not by_organiser:  # an empty Q: the user reaches everything
            return self.all()
        by_member = resolve(user, action, unit_field="unit", person_field=None)
        member_of = ClusterMember.objects.filter(by_member).values("cluster_id")
        return self.filter(by_organiser | Q(pk__in=member_of))


class Cluster(VersionedModel):
    """A cluster (*cụm*) or block (*khối*) of units that emulate together for one year."""

    year = models.PositiveSmallIntegerField(_("năm thi đua"))
    kind = models.CharField(_("loại"), max_length=4, choices=ClusterKind.choices)
    name = models.CharField(_("tên"), max_length=120)
    organiser = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị tổ chức"),
        on_delete=models.PROTECT,
        related_name="organised_clusters",
    )
    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("thành viên Hội đồng theo dõi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    regulation = models.ForeignKey(
        "catalog.LegalDocument",
        verbose_name=_("quy chế hoạt động"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    synthetic = models.BooleanField(_("phân cụm minh họa"), default=False)

    objects = ClusterQuerySet.as_manager()
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))
    """The reason of a change tells member and role changes too, so it may be long."""

    scope_unit_field = "organiser"

    class Meta:
        verbose_name = _("cụm, khối thi đua")
        verbose_name_plural = _("cụm, khối thi đua")
        ordering = ["year", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organiser", "year", "name"], name="cluster_name_unique_per_organiser_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class ClusterMember(models.Model):
    """A unit's membership of a cluster or block for the cluster's year, with its role."""

    cluster = models.ForeignKey(
        Cluster, verbose_name=_("cụm, khối"), on_delete=models.CASCADE, related_name="members"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="cluster_memberships",
    )
    role = models.CharField(
        _("vai trò"), max_length=8, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    elected_on = models.DateField(_("ngày bầu"), null=True, blank=True)
    """For the deputy: the day the members elected it."""

    objects = ScopedQuerySet.as_manager()

    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("thành viên cụm, khối")
        verbose_name_plural = _("thành viên cụm, khối")
        ordering = ["cluster", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "unit"], name="cluster_member_once"),
            models.UniqueConstraint(
                fields=["cluster"], condition=Q(role="HEAD"), name="cluster_one_head"
            ),
            models.UniqueConstraint(
                fields=["cluster"], condition=Q(role="DEPUTY"), name="cluster_one_deputy"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.cluster}"


class Covenant(VersionedModel):
    """The emulation covenant (*giao ước thi đua*) a cluster's members agree for its year.

    Its targets can change only until the first member signs.
    """

    cluster = models.OneToOneField(
        Cluster, verbose_name=_("cụm, khối"), on_delete=models.CASCADE, related_name="covenant"
    )
    preamble = models.TextField(_("nội dung chung"), blank=True)
    place = models.CharField(_("địa điểm ký"), max_length=120, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")

    def __str__(self) -> str:
        return f"Giao ước {self.cluster}"


class CovenantTarget(models.Model):
    """One target of a covenant: a text, optionally a number with its unit of measure."""

    covenant = models.ForeignKey(
        Covenant, verbose_name=_("giao ước"), on_delete=models.CASCADE, related_name="targets"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    text = models.TextField(_("chỉ tiêu"))
    value = models.DecimalField(
        _("mức chỉ tiêu"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    measure = models.CharField(_("đơn vị tính"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu giao ước")
        verbose_name_plural = _("chỉ tiêu giao ước")
        ordering = ["covenant", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def level(self) -> str:
        """The numeric target as written in Vietnamese (decimal comma) with its measure."""
        if self.value is None:
            return ""
        number = f"{self.value.normalize():f}".replace(".", ",")
        return f"{number} {self.measure}".strip()


class CovenantSignature(models.Model):
    """A member unit's signature of the covenant: who signed for it, and when."""

    covenant = models.ForeignKey(
        Covenant, verbose_name=_("giao ước"), on_delete=models.CASCADE, related_name="signatures"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ký"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("thời điểm ký"))

    class Meta:
        verbose_name = _("chữ ký giao ước")
        verbose_name_plural = _("chữ ký giao ước")
        ordering = ["covenant", "signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["covenant", "unit"], name="covenant_signed_once")
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.signed_at:%d/%m/%Y}"
