"""Writes to clusters and blocks: create, edit, and create next year's from this year's.

Rules (legal-digest.md §7.2), all enforced here:

- a unit belongs to at most one cluster or block of the same organiser in a year;
- members are units of the organiser's subtree that exist during the year;
- the head goes by rotation (see ``rotation_order``) and the deputy is elected (its date kept);
- a unit that had no yearly rating for the previous year can be neither head nor deputy
  (a merged unit counts the ratings of the units it succeeded).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from tdkt.accounts.models import Role
from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.emulation.models import (
    Cluster,
    ClusterKind,
    ClusterMember,
    CovenantSignature,
    MemberRole,
)
from tdkt.org.models import Unit, UnitYearlyRating

NAME_REQUIRED = "Tên cụm, khối không được để trống."
NAME_TAKEN = "Đơn vị tổ chức đã có cụm, khối tên “%(name)s” trong năm %(year)s."
YEAR_OUT_OF_RANGE = "Năm thi đua phải từ 2015 đến 2100."
NOT_ORGANISER = "Bạn không có quyền tổ chức cụm, khối thi đua cho đơn vị này."
TOO_FEW_MEMBERS = "Cụm, khối phải có ít nhất 2 đơn vị thành viên."
MEMBER_OUTSIDE = "Đơn vị %(unit)s không thuộc đơn vị tổ chức %(organiser)s."
MEMBER_NOT_VALID = "Đơn vị %(unit)s không còn hoạt động trong năm %(year)s."
MEMBER_ELSEWHERE = "Đơn vị %(unit)s đã là thành viên của %(cluster)s trong năm %(year)s."
HEAD_NOT_MEMBER = "Cụm trưởng, khối trưởng phải là đơn vị thành viên."
DEPUTY_NOT_MEMBER = "Cụm phó, khối phó phải là đơn vị thành viên."
HEAD_IS_DEPUTY = "Một đơn vị không thể vừa là cụm trưởng vừa là cụm phó."
NOT_RATED = (
    "Đơn vị %(unit)s chưa được xếp loại năm %(year)s nên không thể làm cụm trưởng, cụm phó "
    "(khối trưởng, khối phó)."
)
ELECTION_DATE_REQUIRED = "Hãy ghi ngày bầu cụm phó, khối phó."
ELECTION_DATE_IMPLAUSIBLE = "Ngày bầu cụm phó phải trong năm %(previous)s hoặc năm %(year)s."
FOLLOWER_NOT_COUNCIL = (
    "Người theo dõi phải là thành viên Hội đồng Thi đua – Khen thưởng của đơn vị tổ chức "
    "hoặc cấp trên."
)
NOTHING_TO_COPY = "Đơn vị tổ chức chưa có cụm, khối nào trong năm %(year)s."
NEXT_YEAR_EXISTS = (
    "Năm %(year)s đã có cụm, khối của đơn vị tổ chức này; không tạo lại để tránh trùng lặp."
)


def first_day(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def last_day(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def _exists_during(unit: Unit, year: int) -> bool:
    return unit.valid_from <= last_day(year) and (
        unit.valid_to is None or unit.valid_to >= first_day(year)
    )


def _predecessors(unit_ids: set[int]) -> dict[int, set[int]]:
    """For each unit, the ids of every unit it succeeded, transitively (one query per
    generation of predecessors)."""
    from tdkt.org.models import RestructuringEvent

    result = {pk: {pk} for pk in unit_ids}
    frontier = {pk: {pk} for pk in unit_ids}
    while frontier:
        rows = RestructuringEvent.objects.filter(successors__in=list(frontier)).values_list(
            "successors", "predecessors"
        )
        following: dict[int, set[int]] = {}
        for successor, predecessor in rows:
            for origin in frontier[successor]:
                if predecessor not in result[origin]:
                    result[origin].add(predecessor)
                    following.setdefault(predecessor, set()).add(origin)
        frontier = following
    return result


def rated_units(unit_ids: set[int], year: int) -> set[int]:
    """The units among ``unit_ids`` that have a yearly rating for ``year``, counting the ratings
    of the units each succeeded (a province merged on 1/7/2025 is rated for 2024 through the
    provinces it absorbed)."""
    lineage = _predecessors(set(unit_ids))
    everyone = set().union(*lineage.values()) if lineage else set()
    rated = set(
        UnitYearlyRating.objects.filter(unit__in=everyone, year=year).values_list(
            "unit_id", flat=True
        )
    )
    return {pk for pk, ancestors in lineage.items() if ancestors & rated}


def last_head_years(unit_ids: set[int], *, organiser: Unit, before: int) -> dict[int, int]:
    """For each unit, the last year before ``before`` it headed a cluster or block of
    ``organiser``; units that never did are absent."""
    rows = ClusterMember.objects.filter(
        unit__in=unit_ids,
        role=MemberRole.HEAD,
        cluster__organiser=organiser,
        cluster__year__lt=before,
    ).values_list("unit_id", "cluster__year")
    last: dict[int, int] = {}
    for unit_id, year in rows:
        last[unit_id] = max(year, last.get(unit_id, year))
    return last


def rotation_order(units: list[Unit], *, organiser: Unit, year: int) -> list[Unit]:
    """The members in the order they are due to head the cluster in ``year``: first those that
    never headed a cluster or block of the organiser, then those whose last turn is longest ago;
    ties are broken by unit code."""
    last = last_head_years({u.pk for u in units}, organiser=organiser, before=year)
    return sorted(units, key=lambda u: (last.get(u.pk, 0), u.code))


def next_head(units: list[Unit], *, organiser: Unit, year: int) -> Unit | None:
    """The head offered for ``year``: the first unit in rotation order that was rated for the
    previous year; ``None`` when no member was rated."""
    eligible = rated_units({u.pk for u in units}, year - 1)
    for unit in rotation_order(units, organiser=organiser, year=year):
        if unit.pk in eligible:
            return unit
    return None


@dataclass
class ClusterInput:
    """What a user enters for a cluster or block."""

    year: int
    kind: str
    name: str
    organiser: Unit
    members: list[Unit]
    head: Unit | None = None
    deputy: Unit | None = None
    deputy_elected_on: dt.date | None = None
    follower: object | None = None
    regulation: object | None = None
    synthetic: bool = False


def may_organise(user, organiser: Unit) -> bool:
    """Whether ``user`` may manage the clusters and blocks ``organiser`` sets up."""
    if user is None:
        return True
    return Unit.objects.restrict(user, MANAGE_EMULATION).filter(pk=organiser.pk).exists()


def _validate(data: ClusterInput, *, cluster: Cluster | None, user) -> None:
    if not data.name.strip():
        raise DomainError(_(NAME_REQUIRED), field="name")
    if not 2015 <= data.year <= 2100:
        raise DomainError(_(YEAR_OUT_OF_RANGE), field="year")
    if not may_organise(user, data.organiser):
        raise DomainError(_(NOT_ORGANISER), field="organiser")
    taken = Cluster.objects.filter(organiser=data.organiser, year=data.year, name=data.name.strip())
    if cluster is not None:
        taken = taken.exclude(pk=cluster.pk)
    if taken.exists():
        raise DomainError(
            _(NAME_TAKEN) % {"name": data.name.strip(), "year": data.year}, field="name"
        )
    _validate_members(data, cluster=cluster)
    _validate_roles(data)
    if data.follower is not None and not _is_council_member(data.follower, data.organiser):
        raise DomainError(_(FOLLOWER_NOT_COUNCIL), field="follower")


def _validate_members(data: ClusterInput, *, cluster: Cluster | None) -> None:
    if len({u.pk for u in data.members}) < 2:
        raise DomainError(_(TOO_FEW_MEMBERS), field="members")
    for unit in data.members:
        if unit.pk == data.organiser.pk or not unit.path.startswith(data.organiser.path):
            raise DomainError(
                _(MEMBER_OUTSIDE) % {"unit": unit, "organiser": data.organiser}, field="members"
            )
        if not _exists_during(unit, data.year):
            raise DomainError(
                _(MEMBER_NOT_VALID) % {"unit": unit, "year": data.year}, field="members"
            )
    elsewhere = ClusterMember.objects.filter(
        cluster__organiser=data.organiser,
        cluster__year=data.year,
        unit__in=[u.pk for u in data.members],
    ).select_related("unit", "cluster")
    if cluster is not None:
        elsewhere = elsewhere.exclude(cluster=cluster)
    clash = elsewhere.first()
    if clash is not None:
        raise DomainError(
            _(MEMBER_ELSEWHERE)
            % {"unit": clash.unit, "cluster": clash.cluster.name, "year": data.year},
            field="members",
        )


def _validate_roles(data: ClusterInput) -> None:
    member_ids = {u.pk for u in data.members}
    if data.head is not None and data.head.pk not in member_ids:
        raise DomainError(_(HEAD_NOT_MEMBER), field="head")
    if data.deputy is not None and data.deputy.pk not in member_ids:
        raise DomainError(_(DEPUTY_NOT_MEMBER), field="deputy")
    if data.head is not None and data.deputy is not None and data.head.pk == data.deputy.pk:
        raise DomainError(_(HEAD_IS_DEPUTY), field="deputy")
    leaders = [(u, f) for u, f in ((data.head, "head"), (data.deputy, "deputy")) if u]
    rated = rated_units({u.pk for u, _f in leaders}, data.year - 1)
    for unit, field in leaders:
        if unit.pk not in rated:
            raise DomainError(_(NOT_RATED) % {"unit": unit, "year": data.year - 1}, field=field)
    if data.deputy is not None:
        if data.deputy_elected_on is None:
            raise DomainError(_(ELECTION_DATE_REQUIRED), field="deputy_elected_on")
        if data.deputy_elected_on.year not in (data.year - 1, data.year):
            raise DomainError(
                _(ELECTION_DATE_IMPLAUSIBLE) % {"previous": data.year - 1, "year": data.year},
                field="deputy_elected_on",
            )


def _is_council_member(user, organiser: Unit) -> bool:
    paths = user.roles.filter(role=Role.COUNCIL_MEMBER).values_list("unit__path", flat=True)
    return any(organiser.path.startswith(path) for path in paths)


def _write_members(cluster: Cluster, data: ClusterInput) -> None:
    """Replace the member list; roles and the deputy's election date follow the input."""
    cluster.members.all().delete()
    rows = []
    for unit in sorted({u.pk: u for u in data.members}.values(), key=lambda u: u.code):
        role, elected_on = MemberRole.MEMBER, None
        if data.head is not None and unit.pk == data.head.pk:
            role = MemberRole.HEAD
        elif data.deputy is not None and unit.pk == data.deputy.pk:
            role, elected_on = MemberRole.DEPUTY, data.deputy_elected_on
        rows.append(ClusterMember(cluster=cluster, unit=unit, role=role, elected_on=elected_on))
    ClusterMember.objects.bulk_create(rows)


@transaction.atomic
def cluster_create(*, data: ClusterInput, user=None, reason: str = "") -> Cluster:
    """Create a cluster or block with its members, head and deputy, after every rule passed.

    With ``user``, the user must hold ``manage_emulation`` over the organiser.
    """
    _validate(data, cluster=None, user=user)
    cluster = Cluster(
        year=data.year,
        kind=data.kind,
        name=data.name.strip(),
        organiser=data.organiser,
        follower=data.follower,
        regulation=data.regulation,
        synthetic=data.synthetic,
    )
    cluster._change_reason = reason or _("Tạo mới")
    cluster.save()
    _write_members(cluster, data)
    return cluster


def _member_changes(cluster: Cluster, data: ClusterInput) -> str:
    """What changes in the member list and roles, in words, for the change history."""
    before = {m.unit_id: m for m in cluster.members.select_related("unit")}
    after = {u.pk: u for u in data.members}
    parts = []
    added = sorted(u.short_name for pk, u in after.items() if pk not in before)
    removed = sorted(m.unit.short_name for pk, m in before.items() if pk not in after)
    if added:
        parts.append(_("thêm %(units)s") % {"units": ", ".join(added)})
    if removed:
        parts.append(_("bớt %(units)s") % {"units": ", ".join(removed)})
    for role, new, label in (
        (MemberRole.HEAD, data.head, _("cụm trưởng")),
        (MemberRole.DEPUTY, data.deputy, _("cụm phó")),
    ):
        old = next((m.unit for m in before.values() if m.role == role), None)
        if (old and old.pk) != (new and new.pk):
            names = [u.short_name if u else "—" for u in (old, new)]
            parts.append(f"{label}: {names[0]} → {names[1]}")
    return "; ".join(parts)


@transaction.atomic
def cluster_update(
    *, cluster: Cluster, data: ClusterInput, expected_version: int | None, user=None, reason=""
) -> Cluster:
    """Change a cluster's name, kind, follower, regulation, members and roles; refuses a stale
    edit. The organiser and year of an existing cluster do not change."""
    data.organiser, data.year = cluster.organiser, cluster.year
    _validate(data, cluster=cluster, user=user)
    cluster.kind = data.kind
    cluster.name = data.name.strip()
    cluster.follower = data.follower
    cluster.regulation = data.regulation
    cluster.synthetic = data.synthetic
    members = _member_changes(cluster, data)
    reason = (reason or "").strip()
    cluster._change_reason = "; ".join(p for p in (reason, members) if p) or _("Sửa")
    save_with_version(cluster, expected_version=expected_version)
    _write_members(cluster, data)
    return cluster


def _successors_on(unit_ids: set[int], day: dt.date) -> dict[int, list[Unit]]:
    """For each unit no longer existing on ``day``, the units that took it over and exist on
    ``day`` (following chains of events), in code order."""
    from tdkt.org.models import RestructuringEvent

    result: dict[int, list[Unit]] = {pk: [] for pk in unit_ids}
    frontier = {pk: {pk} for pk in unit_ids}
    seen = {pk: {pk} for pk in unit_ids}
    while frontier:
        events = RestructuringEvent.objects.filter(predecessors__in=list(frontier)).values_list(
            "predecessors", "successors"
        )
        pairs = [(p, s) for p, s in events if s is not None]
        units = Unit.objects.in_bulk({s for _p, s in pairs})
        following: dict[int, set[int]] = {}
        for predecessor, successor in pairs:
            for origin in frontier[predecessor]:
                if successor in seen[origin]:
                    continue
                seen[origin].add(successor)
                unit = units[successor]
                if unit.is_valid_on(day):
                    result[origin].append(unit)
                else:
                    following.setdefault(successor, set()).add(origin)
        frontier = following
    return {pk: sorted(units, key=lambda u: u.code) for pk, units in result.items()}


@transaction.atomic
def clusters_copy_to_next_year(*, organiser: Unit, year: int, user=None) -> list[Cluster]:
    """Create the clusters and blocks of ``organiser`` for ``year + 1`` from those of ``year``.

    Members that still exist on 1 January of the next year stay; a unit that ended is replaced
    by its successors (a successor already placed in an earlier cluster is not placed twice).
    The head advances by rotation among the members rated for ``year``; the deputy is left to be
    elected. Kind, name, follower, regulation and the synthetic mark are kept. Refuses when the
    next year already has clusters of the organiser, so running it twice creates nothing twice.
    """
    if not may_organise(user, organiser):
        raise DomainError(_(NOT_ORGANISER), field="organiser")
    target = year + 1
    if Cluster.objects.filter(organiser=organiser, year=target).exists():
        raise DomainError(_(NEXT_YEAR_EXISTS) % {"year": target})
    sources = list(
        Cluster.objects.filter(organiser=organiser, year=year)
        .select_related("follower", "regulation")
        .prefetch_related("members__unit")
        .order_by("kind", "name")
    )
    if not sources:
        raise DomainError(_(NOTHING_TO_COPY) % {"year": year})
    day = first_day(target)
    all_units = {m.unit_id for c in sources for m in c.members.all()}
    ended = {m.unit.pk for c in sources for m in c.members.all() if not m.unit.is_valid_on(day)}
    successors = _successors_on(ended, day)
    placed: set[int] = set()
    created = []
    for source in sources:
        members: list[Unit] = []
        for member in source.members.all():
            for unit in successors.get(member.unit_id, [member.unit]):
                if unit.pk not in placed and (
                    unit.pk not in all_units or unit.pk == member.unit_id
                ):
                    placed.add(unit.pk)
                    members.append(unit)
        cluster = Cluster.objects.create(
            year=target,
            kind=source.kind,
            name=source.name,
            organiser=organiser,
            follower=source.follower,
            regulation=source.regulation,
            synthetic=source.synthetic,
        )
        head = next_head(members, organiser=organiser, year=target) if members else None
        data = ClusterInput(
            year=target, kind=source.kind, name=source.name, organiser=organiser,
            members=members, head=head,
        )  # fmt: skip
        _write_members(cluster, data)
        created.append(cluster)
    return created


__all__ = [
    "ClusterInput",
    "ClusterKind",
    "cluster_create",
    "cluster_delete",
    "cluster_update",
    "clusters_copy_to_next_year",
    "next_head",
    "rated_units",
    "rotation_order",
]


SIGNED_DELETE = "Cụm, khối đã có đơn vị ký giao ước nên không thể xóa."
IN_USE_DELETE = "Cụm, khối đã có dữ liệu chấm điểm, bình xét nên không thể xóa."


@transaction.atomic
def cluster_delete(*, cluster: Cluster, user=None) -> None:
    """Delete a cluster created by mistake, with its members and unsigned covenant. Refused once
    a member signed the covenant, or when other records (scoring, votes) refer to it."""
    from django.db.models import ProtectedError
    from django.db.models.deletion import Collector

    if not may_organise(user, cluster.organiser):
        raise DomainError(_(NOT_ORGANISER))
    if CovenantSignature.objects.filter(covenant__cluster=cluster).exists():
        raise DomainError(_(SIGNED_DELETE))
    collector = Collector(using="default")
    try:
        collector.collect([cluster])
    except ProtectedError as exc:
        raise DomainError(_(IN_USE_DELETE)) from exc
    if any(model._meta.app_label != "emulation" for model in collector.data):
        raise DomainError(_(IN_USE_DELETE))
    cluster._change_reason = _("Xóa")
    cluster.delete()
