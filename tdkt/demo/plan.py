"""The types of the in-memory organisation plan shared by the demo generators.

A plan holds every unit with its validity period, the restructuring events of 1/7/2025, the
bodies that issue decisions, and, for each unit that exists today, the units its staff worked
in before the reform (``lineage``).
"""

import datetime as dt
from dataclasses import dataclass, field

from tdkt.demo import structure
from tdkt.org.models import RECORDS_START, REFORM_2025, UnitType

LAST_DAY_BEFORE_REFORM = REFORM_2025 - dt.timedelta(days=1)
ROOT = "VKSNDTC"
MILITARY_CENTRAL = "QS-TW"
PROCURACY_TYPES = frozenset(
    {
        UnitType.SUPREME,
        UnitType.HIGH,
        UnitType.PROVINCIAL,
        UnitType.DISTRICT,
        UnitType.AREA,
        UnitType.MILITARY_CENTRAL,
        UnitType.MILITARY_REGION,
        UnitType.MILITARY_AREA,
    }
)
"""Units headed by a *Viện trưởng*."""


@dataclass
class UnitSpec:
    """One unit of the plan, with what the people and award generators need to know."""

    code: str
    short_name: str
    full_name: str
    unit_type: str
    parent: str | None
    valid_from: dt.date = RECORDS_START
    valid_to: dt.date | None = None
    sort_order: int = 0
    issuer: str = ROOT
    """Body deciding its members' unit-level titles (LĐTT, CSTĐCS, Giấy khen)."""
    collective_issuer: str = ROOT
    """Body deciding its own unit-level collective title (TTLĐTT)."""
    pool: str = ""
    """Units between which staff were transferred before the reform share a pool."""
    staff: float = 0.0
    """Expected current staff at scale 1 (0 for units that no longer exist)."""
    profile: str = "prof"
    """Mix of staff positions: ``prof``, ``admin``, ``invest``, ``media`` or ``leaders``."""

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)

    @property
    def is_procuracy(self) -> bool:
        return self.unit_type in PROCURACY_TYPES or self.code in APPELLATE_CODES


@dataclass(frozen=True)
class EventSpec:
    kind: str
    date: dt.date
    decision: str
    note: str
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]


@dataclass(frozen=True)
class Issuer:
    """A body that signs decisions: its number suffix (``QĐ-VKSTC``) and authority."""

    key: str
    suffix: str
    authority: str
    name: str
    yearly_volume: int
    """About how many decisions it numbers in a year (sets realistic numbers)."""


@dataclass
class OrgPlan:
    units: list[UnitSpec] = field(default_factory=list)
    events: list[EventSpec] = field(default_factory=list)
    issuers: dict[str, Issuer] = field(default_factory=dict)
    lineage: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    """Current unit → the units (with weights) its staff worked in before 1/7/2025."""
    by_code: dict[str, UnitSpec] = field(default_factory=dict)

    def add(self, spec: UnitSpec) -> UnitSpec:
        if spec.code in self.by_code:
            raise ValueError(f"duplicate unit code {spec.code}")
        self.units.append(spec)
        self.by_code[spec.code] = spec
        return spec

    def pools(self) -> dict[str, list[str]]:
        """Pool → units valid over the whole pre-reform period, in plan order."""
        result: dict[str, list[str]] = {}
        for spec in self.units:
            if spec.pool and spec.valid_from == RECORDS_START:
                result.setdefault(spec.pool, []).append(spec.code)
        return result


APPELLATE_CODES = frozenset(f"{ROOT}-{h[3]}" for h in structure.HIGH_PROCURACIES)
