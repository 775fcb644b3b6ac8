"""Users, the roles they hold at units, and personal API tokens."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel


class Role(models.TextChoices):
    """What a user may do at a unit and in its subtree (see ``accounts.permissions``)."""

    ADMIN = "ADMIN", _("Quản trị hệ thống")
    SECTOR_OFFICER = "SECTOR_OFFICER", _("Cán bộ TĐKT ngành")
    UNIT_OFFICER = "UNIT_OFFICER", _("Cán bộ TĐKT đơn vị")
    COUNCIL_MEMBER = "COUNCIL_MEMBER", _("Thành viên Hội đồng TĐKT")
    CLUSTER_OFFICER = "CLUSTER_OFFICER", _("Cán bộ cụm, khối thi đua")
    LEADER = "LEADER", _("Lãnh đạo đơn vị")
    STAFF = "STAFF", _("Công chức, người lao động")


class User(AbstractUser):
    """A person who logs in. ``person`` links a staff member to their own record."""

    person = models.OneToOneField(
        "people.Person",
        verbose_name=_("hồ sơ cán bộ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    @property
    def display_name(self) -> str:
        """The name in Vietnamese order (family name first), or the username."""
        return " ".join(part for part in (self.last_name, self.first_name) if part) or self.username


class RoleAssignment(TimeStampedModel):
    """A role held by a user at a unit; it reaches the unit's subtree and its predecessors'."""

    user = models.ForeignKey(
        User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="roles"
    )

    class Meta:
        verbose_name = _("vai trò tại đơn vị")
        verbose_name_plural = _("vai trò tại đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="unique_role_at_unit")
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} — {self.unit}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(TimeStampedModel):
    """A personal token for the API. Only its SHA-256 is stored; the raw value is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên gợi nhớ"), max_length=100)
    prefix = models.CharField(max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def new_raw_key() -> str:
        return "tdkt_" + secrets.token_urlsafe(32)
