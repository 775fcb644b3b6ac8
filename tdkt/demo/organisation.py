"""The real organisation of the sector, 2015 to today, as an in-memory plan.

The plan is the same for every scale; only the expected staff of each unit comes from the
random generator. This module builds the Supreme Procuracy, its internal units, the military
and the high procuracies; ``tdkt.demo.provinces`` adds the provincial and lower levels, and
``tdkt.demo.org_writer`` stores the plan.
"""

import random

from tdkt.demo import geography, structure
from tdkt.demo.plan import (
    LAST_DAY_BEFORE_REFORM,
    MILITARY_CENTRAL,
    ROOT,
    EventSpec,
    Issuer,
    OrgPlan,
    UnitSpec,
)
from tdkt.demo.provinces import add_areas, add_merged_provinces, add_old_provinces
from tdkt.org.models import RECORDS_START, REFORM_2025, EventKind, UnitType


def build_plan(rng: random.Random) -> OrgPlan:
    """The whole organisation; ``rng`` only jitters the expected staff of units."""
    plan = OrgPlan()
    plan.issuers.update(_state_issuers())
    _add_supreme(plan)
    _add_military(plan)
    _add_high(plan)
    old_codes = add_old_provinces(plan)
    current = add_merged_provinces(plan, old_codes)
    add_areas(plan, current)
    _set_staff(plan, rng)
    return plan


def _state_issuers() -> dict[str, Issuer]:
    return {
        ROOT: Issuer(ROOT, "VKSTC", "Viện trưởng VKSND tối cao", "VKSND tối cao", 420),
        "TTG": Issuer("TTG", "TTg", "Thủ tướng Chính phủ", "Thủ tướng Chính phủ", 2100),
        "CTN": Issuer("CTN", "CTN", "Chủ tịch nước", "Chủ tịch nước", 1700),
    }


def _add_supreme(plan: OrgPlan) -> None:
    plan.add(
        UnitSpec(
            ROOT,
            "VKSND tối cao",
            "Viện kiểm sát nhân dân tối cao",
            UnitType.SUPREME,
            None,
            pool="",
            staff=6,
            profile="leaders",
        )
    )
    plan.lineage[ROOT] = [(ROOT, 1.0)]
    order = 0
    for unit in structure.CURRENT_SUPREME_UNITS:
        order += 1
        code = f"{ROOT}-{unit.code}"
        plan.add(
            UnitSpec(
                code,
                unit.name,
                f"{unit.name} Viện kiểm sát nhân dân tối cao",
                UnitType.SUPREME_UNIT,
                ROOT,
                valid_from=REFORM_2025 if unit.since_reform else RECORDS_START,
                sort_order=order,
                pool="" if unit.since_reform or unit.code == "UBKS" else ROOT,
                staff=unit.staff,
                profile=_supreme_profile(unit.code),
            )
        )
    for suffix, name in structure.FORMER_SUPREME_UNITS:
        order += 1
        plan.add(
            UnitSpec(
                f"{ROOT}-{suffix}",
                name,
                f"{name} Viện kiểm sát nhân dân tối cao",
                UnitType.SUPREME_UNIT,
                ROOT,
                valid_to=LAST_DAY_BEFORE_REFORM,
                sort_order=order,
                pool=ROOT,
                profile="prof" if suffix.startswith("V") else "admin",
            )
        )
    _add_supreme_events(plan)


def _supreme_profile(code: str) -> str:
    if code == "CQDT":
        return "invest"
    if code in {"DHKS", "KHKS", "BVPL"}:
        return "media"
    if code in {"VP", "TCCB", "TC", "TKCD", "UBKS", "HTQT"}:
        return "admin"
    return "prof"


def _add_supreme_events(plan: OrgPlan) -> None:
    sources: dict[str, list[str]] = {}
    for kind, predecessors, successors, note in structure.SUPREME_EVENTS:
        preds = tuple(f"{ROOT}-{code}" for code in predecessors)
        succs = tuple(f"{ROOT}-{code}" for code in successors)
        plan.events.append(
            EventSpec(kind, REFORM_2025, structure.SUPREME_DECISION, note, preds, succs)
        )
        for succ in succs:
            sources.setdefault(succ, []).extend(preds)
    for unit in structure.CURRENT_SUPREME_UNITS:
        code = f"{ROOT}-{unit.code}"
        lineage = [] if unit.since_reform else [(code, 3.0)]
        lineage += [(pred, 1.0) for pred in sources.get(code, [])]
        plan.lineage[code] = lineage


def _add_military(plan: OrgPlan) -> None:
    plan.add(
        UnitSpec(
            MILITARY_CENTRAL,
            "VKS quân sự Trung ương",
            "Viện kiểm sát quân sự Trung ương",
            UnitType.MILITARY_CENTRAL,
            ROOT,
            sort_order=100,
            issuer=MILITARY_CENTRAL,
            pool="QS",
            staff=45,
        )
    )
    plan.issuers[MILITARY_CENTRAL] = Issuer(
        MILITARY_CENTRAL,
        "VKSQSTW",
        "Viện trưởng VKS quân sự Trung ương",
        "VKS quân sự Trung ương",
        120,
    )
    plan.lineage[MILITARY_CENTRAL] = [(MILITARY_CENTRAL, 1.0)]
    for order, (suffix, name, areas) in enumerate(structure.MILITARY_REGIONS, start=1):
        code = f"QS-{suffix}"
        _add_military_unit(
            plan,
            code,
            f"VKS quân sự {name}",
            f"Viện kiểm sát quân sự {name}",
            UnitType.MILITARY_REGION,
            MILITARY_CENTRAL,
            order,
            25,
        )
        for number in range(1, areas + 1):
            _add_military_unit(
                plan,
                f"{code}-KV{number}",
                f"VKS quân sự khu vực {number} – {name}",
                f"Viện kiểm sát quân sự khu vực {number} {name}",
                UnitType.MILITARY_AREA,
                code,
                number,
                13,
            )


def _add_military_unit(plan, code, short, full, unit_type, parent, order, staff) -> None:
    plan.add(
        UnitSpec(
            code,
            short,
            full,
            unit_type,
            parent,
            sort_order=order,
            issuer=MILITARY_CENTRAL,
            collective_issuer=MILITARY_CENTRAL,
            pool="QS",
            staff=staff,
        )
    )
    plan.lineage[code] = [(code, 1.0)]


def _add_high(plan: OrgPlan) -> None:
    for order, (suffix, city, decision_suffix, successor) in enumerate(
        structure.HIGH_PROCURACIES, start=200
    ):
        code = f"CC-{suffix}"
        short = f"VKSND cấp cao tại {city}"
        plan.issuers[code] = Issuer(code, decision_suffix, f"Viện trưởng {short}", short, 150)
        plan.add(
            UnitSpec(
                code,
                short,
                f"Viện kiểm sát nhân dân cấp cao tại {city}",
                UnitType.HIGH,
                ROOT,
                valid_to=LAST_DAY_BEFORE_REFORM,
                sort_order=order,
                issuer=code,
                profile="leaders",
            )
        )
        lineage = [(code, 0.3)]
        for div_order, (div, div_short, div_full) in enumerate(structure.HIGH_DIVISIONS, 1):
            div_code = f"{code}-{div}"
            plan.add(
                UnitSpec(
                    div_code,
                    div_short,
                    f"{div_full} {short}",
                    UnitType.DIVISION,
                    code,
                    valid_to=LAST_DAY_BEFORE_REFORM,
                    sort_order=div_order,
                    issuer=code,
                    collective_issuer=code,
                    pool=code,
                    profile="admin" if div in {"VP", "TCCB"} else "prof",
                )
            )
            lineage.append((div_code, 1.0 if div.startswith("V") else 0.6))
        appellate = f"{ROOT}-{successor}"
        plan.lineage[appellate] = lineage
        plan.events.append(
            EventSpec(
                EventKind.REORGANISE,
                REFORM_2025,
                "Luật Tổ chức Viện kiểm sát nhân dân (sửa đổi, bổ sung năm 2025)",
                f"Kết thúc hoạt động của {short}; "
                f"{plan.by_code[appellate].short_name} tiếp nhận nhiệm vụ.",
                (code,),
                (appellate,),
            )
        )


def _set_staff(plan: OrgPlan, rng: random.Random) -> None:
    """Expected staff of current provinces (60–110 with divisions) and jitter for the rest."""
    for spec in plan.units:
        if spec.unit_type == UnitType.PROVINCIAL and spec.valid_to is None:
            population = _province_population(plan, spec.code)
            total = 72 + 45 * min(1.0, population / 5000) + rng.uniform(-4, 4)
            spec.staff = 4.0
            for div, *_rest, share in structure.PROVINCIAL_DIVISIONS:
                plan.by_code[f"{spec.code}-{div}"].staff = (total - 4.0) * share
        elif spec.staff and spec.unit_type != UnitType.DIVISION:
            spec.staff = max(1.0, spec.staff * rng.uniform(0.9, 1.1))


def _province_population(plan: OrgPlan, code: str) -> int:
    abbrs = [old[2:] for old, _ in plan.lineage[code]]
    return sum(geography.PROVINCES_BY_ABBR[abbr].population for abbr in abbrs)
