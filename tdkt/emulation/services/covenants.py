"""Writes to covenants: the targets agreed by a cluster's members, and each member's signature.

Targets change only until the first member signs; each member signs once.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.emulation.models import Cluster, Covenant, CovenantSignature, CovenantTarget, MemberRole
from tdkt.org.models import Unit

TARGETS_REQUIRED = "Giao ước phải có ít nhất một chỉ tiêu."
TARGET_TEXT_REQUIRED = "Nội dung chỉ tiêu không được để trống."
MEASURE_WITHOUT_VALUE = "Đã ghi đơn vị tính thì phải ghi mức chỉ tiêu."
NEGATIVE_VALUE = "Mức chỉ tiêu không được âm."
ALREADY_SIGNED_EDIT = "Giao ước đã có đơn vị ký nên không thể sửa chỉ tiêu."
NOT_ALLOWED_EDIT = (
    "Chỉ đơn vị tổ chức hoặc cụm trưởng, khối trưởng mới được soạn giao ước của cụm, khối."
)
NOT_A_MEMBER = "Đơn vị %(unit)s không phải thành viên của %(cluster)s."
SIGNED_TWICE = "Đơn vị %(unit)s đã ký giao ước lúc %(when)s."
NOTHING_TO_SIGN = "Giao ước chưa có chỉ tiêu nên chưa thể ký."
NOT_ALLOWED_SIGN = "Bạn không có quyền ký giao ước thay đơn vị %(unit)s."


@dataclass
class TargetInput:
    text: str
    value: Decimal | None = None
    measure: str = ""


def _managed(user, *unit_ids: int) -> set[int]:
    if user is None:
        return set(unit_ids)
    return set(
        Unit.objects.restrict(user, MANAGE_EMULATION)
        .filter(pk__in=unit_ids)
        .values_list("pk", flat=True)
    )


def may_edit(user, cluster: Cluster) -> bool:
    """The organiser's officers and the head's officers may write the covenant."""
    head = cluster.members.filter(role=MemberRole.HEAD).values_list("unit_id", flat=True).first()
    ids = [cluster.organiser_id] + ([head] if head else [])
    return bool(_managed(user, *ids))


def _validate_targets(targets: list[TargetInput]) -> list[TargetInput]:
    kept = [t for t in targets if t.text.strip() or t.value is not None or t.measure.strip()]
    if not kept:
        raise DomainError(_(TARGETS_REQUIRED), field="targets")
    for target in kept:
        if not target.text.strip():
            raise DomainError(_(TARGET_TEXT_REQUIRED), field="targets")
        if target.measure.strip() and target.value is None:
            raise DomainError(_(MEASURE_WITHOUT_VALUE), field="targets")
        if target.value is not None and target.value < 0:
            raise DomainError(_(NEGATIVE_VALUE), field="targets")
    return kept


@transaction.atomic
def covenant_save(
    *,
    cluster: Cluster,
    targets: list[TargetInput],
    preamble: str = "",
    place: str = "",
    expected_version: int | None = None,
    user=None,
) -> Covenant:
    """Create or replace the covenant's text and targets. Refused once a member has signed, and
    for a stale edit."""
    if not may_edit(user, cluster):
        raise DomainError(_(NOT_ALLOWED_EDIT))
    kept = _validate_targets(targets)
    covenant = Covenant.objects.filter(cluster=cluster).first()
    if covenant is None:
        covenant = Covenant(cluster=cluster)
    elif covenant.signatures.exists():
        raise DomainError(_(ALREADY_SIGNED_EDIT))
    covenant.preamble = preamble.strip()
    covenant.place = place.strip()
    save_with_version(covenant, expected_version=expected_version)
    covenant.targets.all().delete()
    CovenantTarget.objects.bulk_create(
        CovenantTarget(
            covenant=covenant,
            position=index,
            text=t.text.strip(),
            value=t.value,
            measure=t.measure.strip(),
        )
        for index, t in enumerate(kept, start=1)
    )
    return covenant


@transaction.atomic
def covenant_sign(*, covenant: Covenant, unit: Unit, user, when=None) -> CovenantSignature:
    """Record that ``user`` signed the covenant for the member ``unit``.

    The user must manage emulation at the unit (its own officer) or at the organiser (recording
    a signature made on paper). A member signs once.
    """
    cluster = covenant.cluster
    if not cluster.members.filter(unit=unit).exists():
        raise DomainError(_(NOT_A_MEMBER) % {"unit": unit, "cluster": cluster.name}, field="unit")
    if not _managed(user, unit.pk, cluster.organiser_id):
        raise DomainError(_(NOT_ALLOWED_SIGN) % {"unit": unit}, field="unit")
    if not covenant.targets.exists():
        raise DomainError(_(NOTHING_TO_SIGN))
    Covenant.objects.select_for_update().filter(pk=covenant.pk).first()
    previous = CovenantSignature.objects.filter(covenant=covenant, unit=unit).first()
    if previous is not None:
        when_text = timezone.localtime(previous.signed_at).strftime("%H:%M %d/%m/%Y")
        raise DomainError(_(SIGNED_TWICE) % {"unit": unit, "when": when_text}, field="unit")
    return CovenantSignature.objects.create(
        covenant=covenant, unit=unit, signed_by=user, signed_at=when or timezone.now()
    )
