"""Store an organisation plan: units level by level, then paths, then restructuring events."""

from simple_history.utils import bulk_create_with_history

from tdkt.demo.plan import OrgPlan, UnitSpec
from tdkt.org.models import RestructuringEvent, Unit
from tdkt.org.services import assign_paths

HISTORY_REASON = "Khởi tạo dữ liệu mẫu"
BATCH_SIZE = 2000


def _depth(spec: UnitSpec, plan: OrgPlan) -> int:
    depth = 0
    while spec.parent is not None:
        spec = plan.by_code[spec.parent]
        depth += 1
    return depth


def write_units(plan: OrgPlan) -> dict[str, Unit]:
    """Create every unit of ``plan`` with one historical record each; returns code → unit.

    Units are inserted parents first, so each level can point at saved parents; ``path``,
    ``depth`` and ``search_text`` are filled before the call returns.
    """
    levels: dict[int, list[UnitSpec]] = {}
    for spec in plan.units:
        levels.setdefault(_depth(spec, plan), []).append(spec)
    units: dict[str, Unit] = {}
    ordered: list[Unit] = []
    for depth in sorted(levels):
        batch = [_unit(spec, units) for spec in levels[depth]]
        bulk_create_with_history(
            batch, Unit, batch_size=BATCH_SIZE, default_change_reason=HISTORY_REASON
        )
        for unit in batch:
            units[unit.code] = unit
        ordered.extend(batch)
    assign_paths(ordered)
    Unit.objects.bulk_update(ordered, ["path", "depth", "search_text"], batch_size=500)
    return units


def _unit(spec: UnitSpec, units: dict[str, Unit]) -> Unit:
    unit = Unit(
        code=spec.code,
        short_name=spec.short_name,
        full_name=spec.full_name,
        unit_type=spec.unit_type,
        parent=units[spec.parent] if spec.parent else None,
        valid_from=spec.valid_from,
        valid_to=spec.valid_to,
        sort_order=spec.sort_order,
    )
    unit.refresh_derived()
    return unit


def write_events(plan: OrgPlan, units: dict[str, Unit]) -> int:
    """Create the restructuring events with their predecessors and successors; returns count."""
    events = [
        RestructuringEvent(kind=e.kind, date=e.date, decision=e.decision, note=e.note)
        for e in plan.events
    ]
    RestructuringEvent.objects.bulk_create(events, batch_size=BATCH_SIZE)
    for field_name, attribute in (("predecessors", "predecessors"), ("successors", "successors")):
        field = RestructuringEvent._meta.get_field(field_name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [
            through(**{f"{source}_id": event.pk, f"{target}_id": units[code].pk})
            for event, spec in zip(events, plan.events, strict=True)
            for code in getattr(spec, attribute)
        ]
        through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return len(events)
