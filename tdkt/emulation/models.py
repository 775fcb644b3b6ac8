"""Emulation during the year: clusters and blocks of units, covenants, movements, registrations
(domain.md §3, §6, §7)."""

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
    history = HistoricalRecords()

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
