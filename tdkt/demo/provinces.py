"""Provincial procuracies, their divisions, the district and the area procuracies.

Before 1/7/2025: 63 provinces with eight divisions each and about 700 districts. From that day:
34 provinces (11 unchanged, 23 formed by merger, each merger an event with its old provinces as
predecessors) and 355 area procuracies, each taking over one to three districts.
"""

import math
from dataclasses import dataclass

from tdkt.core.search import fold
from tdkt.demo import geography, structure
from tdkt.demo.plan import LAST_DAY_BEFORE_REFORM, ROOT, EventSpec, Issuer, OrgPlan, UnitSpec
from tdkt.org.models import RECORDS_START, REFORM_2025, EventKind, UnitType


def add_old_provinces(plan: OrgPlan) -> dict[str, str]:
    """The 63 provinces with divisions and districts; returns abbreviation → code."""
    codes = {}
    for order, province in enumerate(geography.PROVINCES, start=300):
        code = f"T-{province.abbr}"
        kept = province.abbr in geography.UNMERGED
        valid_to = None if kept else LAST_DAY_BEFORE_REFORM
        _add_province(
            plan,
            code,
            province.abbr,
            province.title,
            valid_from=RECORDS_START,
            valid_to=valid_to,
            order=order,
        )
        _add_districts(plan, code, province)
        codes[province.abbr] = code
        if kept:
            _keep_lineage(plan, code)
    return codes


def _add_province(plan, code, abbr, title, *, valid_from, valid_to, order) -> None:
    short = f"VKSND {title}"
    plan.issuers[code] = Issuer(code, f"VKS{abbr}", f"Viện trưởng {short}", short, 260)
    plan.add(
        UnitSpec(
            code,
            short,
            f"Viện kiểm sát nhân dân {title}",
            UnitType.PROVINCIAL,
            ROOT,
            valid_from=valid_from,
            valid_to=valid_to,
            sort_order=order,
            issuer=code,
            profile="leaders",
        )
    )
    for div_order, (div, div_short, div_full, _) in enumerate(structure.PROVINCIAL_DIVISIONS, 1):
        plan.add(
            UnitSpec(
                f"{code}-{div}",
                div_short,
                f"{div_full} {short}",
                UnitType.DIVISION,
                code,
                valid_from=valid_from,
                valid_to=valid_to,
                sort_order=div_order,
                issuer=code,
                collective_issuer=code,
                pool=code,
                profile="admin" if div in {"P07", "P08"} else "prof",
            )
        )


def _keep_lineage(plan: OrgPlan, code: str) -> None:
    plan.lineage[code] = [(code, 1.0)]
    for div, *_ in structure.PROVINCIAL_DIVISIONS:
        plan.lineage[f"{code}-{div}"] = [(f"{code}-{div}", 1.0)]


def district_code(abbr: str, district: geography.District, taken: set[str]) -> str:
    """``H-HN-BADINH``; a name used twice in a province gets its kind (``H-HT-TXKYANH``)."""
    base = fold(district.name).upper().replace(" ", "").replace("'", "").replace("–", "")
    base = "".join(ch for ch in base if ch.isalnum())
    if base.isdigit():
        base = f"QUAN{base}"
    code = f"H-{abbr}-{base}"
    if code in taken:
        prefix = {"quận": "Q", "huyện": "H", "thị xã": "TX", "thành phố": "TP"}[district.kind]
        code = f"H-{abbr}-{prefix}{base}"
    return code


def _district_title(district: geography.District) -> str:
    kind = district.kind.capitalize() if district.name.isdigit() else district.kind
    return f"{kind} {district.name}"


def _add_districts(plan: OrgPlan, province_code: str, province: geography.Province) -> None:
    taken: set[str] = set()
    for order, district in enumerate(province.districts, start=20):
        code = district_code(province.abbr, district, taken)
        taken.add(code)
        title = _district_title(district)
        plan.add(
            UnitSpec(
                code,
                f"VKSND {title}",
                f"Viện kiểm sát nhân dân {title}",
                UnitType.DISTRICT,
                province_code,
                valid_to=LAST_DAY_BEFORE_REFORM,
                sort_order=order,
                issuer=province_code,
                collective_issuer=province_code,
                pool=province_code,
            )
        )


@dataclass
class CurrentProvince:
    """A provincial procuracy valid today, with the old provinces it covers."""

    code: str
    abbr: str
    label: str
    old: tuple[geography.Province, ...]

    @property
    def population(self) -> int:
        return sum(p.population for p in self.old)

    @property
    def district_codes_count(self) -> int:
        return sum(len(p.districts) for p in self.old)


def add_merged_provinces(plan: OrgPlan, old_codes: dict[str, str]) -> list[CurrentProvince]:
    current = [
        CurrentProvince(old_codes[abbr], abbr, p.label, (p,))
        for abbr in geography.UNMERGED
        for p in [geography.PROVINCES_BY_ABBR[abbr]]
    ]
    for order, (name, kind, olds) in enumerate(geography.MERGERS, start=400):
        principal = olds[0]
        code = f"T25-{principal}"
        provinces = tuple(geography.PROVINCES_BY_ABBR[abbr] for abbr in olds)
        title = f"{kind} {name}"
        _add_province(
            plan, code, principal, title, valid_from=REFORM_2025, valid_to=None, order=order
        )
        _merge_event(plan, code, title, provinces, old_codes)
        _merged_lineage(plan, code, provinces, old_codes)
        current.append(CurrentProvince(code, principal, provinces[0].label, provinces))
    current.sort(key=lambda c: plan.by_code[c.code].sort_order)
    return current


def _merge_event(plan, code, title, provinces, old_codes) -> None:
    names = [f"VKSND {p.title}" for p in provinces]
    listed = ", ".join(names[:-1]) + f" và {names[-1]}"
    plan.events.append(
        EventSpec(
            EventKind.MERGE,
            REFORM_2025,
            structure.REFORM_DECISION,
            f"Hợp nhất {listed} thành VKSND {title}.",
            tuple(old_codes[p.abbr] for p in provinces),
            (code,),
        )
    )


def _merged_lineage(plan, code, provinces, old_codes) -> None:
    plan.lineage[code] = [(old_codes[p.abbr], float(p.population)) for p in provinces]
    for div, *_ in structure.PROVINCIAL_DIVISIONS:
        plan.lineage[f"{code}-{div}"] = [
            (f"{old_codes[p.abbr]}-{div}", float(p.population)) for p in provinces
        ]


def allocate_areas(provinces: list[CurrentProvince], total: int) -> list[int]:
    """Areas per province: 60% by district count and 40% by population, each area taking one
    to three districts, summing to ``total``. Deterministic (largest remainder)."""
    districts = [p.district_codes_count for p in provinces]
    pops = [p.population for p in provinces]
    raw = [
        total * (0.6 * d / sum(districts) + 0.4 * pop / sum(pops))
        for d, pop in zip(districts, pops, strict=True)
    ]
    low = [math.ceil(d / 3) for d in districts]
    counts = [min(max(math.floor(r), lo), d) for r, lo, d in zip(raw, low, districts, strict=True)]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - math.floor(raw[i])), i))
    while sum(counts) != total:
        step = 1 if sum(counts) < total else -1
        for i in order if step > 0 else reversed(order):
            if sum(counts) == total:
                break
            if low[i] <= counts[i] + step <= districts[i]:
                counts[i] += step
    return counts


def _split(items: list, parts: int) -> list[list]:
    size, extra = divmod(len(items), parts)
    groups, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        groups.append(items[start:end])
        start = end
    return groups


def add_areas(plan: OrgPlan, provinces: list[CurrentProvince]) -> None:
    counts = allocate_areas(provinces, geography.AREA_COUNT)
    for province, count in zip(provinces, counts, strict=True):
        districts = [
            spec
            for spec in plan.units
            if spec.unit_type == UnitType.DISTRICT
            and spec.parent in {f"T-{p.abbr}" for p in province.old}
        ]
        districts.sort(
            key=lambda s: ([p.abbr for p in province.old].index(s.parent[2:]), s.sort_order)
        )
        for number, group in enumerate(_split(districts, count), start=1):
            _add_area(plan, province, number, group)


def _add_area(plan: OrgPlan, province: CurrentProvince, number: int, group) -> None:
    code = f"KV-{province.abbr}-{number:02d}"
    short = f"VKSND khu vực {number} – {province.label}"
    plan.add(
        UnitSpec(
            code,
            short,
            f"Viện kiểm sát nhân dân khu vực {number} – {province.label}",
            UnitType.AREA,
            province.code,
            valid_from=REFORM_2025,
            sort_order=number,
            issuer=province.code,
            collective_issuer=province.code,
            staff=22.0 + 3.0 * len(group),
        )
    )
    names = ", ".join(d.short_name for d in group)
    plan.events.append(
        EventSpec(
            EventKind.REORGANISE,
            REFORM_2025,
            structure.REFORM_DECISION,
            f"Tổ chức lại {names} thành {short}.",
            tuple(d.code for d in group),
            (code,),
        )
    )
    lineage = [(d.code, 1.0) for d in group]
    old_provinces = sorted({d.parent for d in group})
    share = 0.18 * len(group) / (len(old_provinces) * len(structure.PROFESSIONAL_DIVISIONS))
    for old in old_provinces:
        lineage += [(f"{old}-{div}", share) for div in structure.PROFESSIONAL_DIVISIONS]
    plan.lineage[code] = lineage
