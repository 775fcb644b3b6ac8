"""Collective titles for one year: every unit that existed on 31 December may be a candidate.

About 85% of units qualify; in each group of units proposed by the same body, about 15% (never
more than 20%, at least one) receive Tập thể lao động xuất sắc and the rest Tập thể lao động
tiên tiến. The sector flag goes to 8–12 excellent units at the upper levels each year, the
Government flag to 15–22, and a few units receive the Prosecutor General's certificate.
"""

import datetime as dt
import math

from tdkt.demo.ledger import Ledger
from tdkt.demo.plan import ROOT, UnitSpec
from tdkt.org.models import UnitType

UPPER_LEVELS = frozenset(
    {UnitType.PROVINCIAL, UnitType.SUPREME_UNIT, UnitType.HIGH, UnitType.MILITARY_CENTRAL}
)
NOT_COLLECTIVES = frozenset({ROOT, f"{ROOT}-UBKS"})
"""The Supreme Procuracy as a whole and its procuratorial committee receive no unit titles."""


class CollectiveAwards:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.rng = ledger.rng
        self.talent = {
            spec.code: self.rng.choice((0.6, 1.0, 1.0, 1.4)) for spec in ledger.plan.units
        }

    def year(self, year: int) -> None:
        end = dt.date(year, 12, 31)
        units = [
            spec
            for spec in self.ledger.plan.units
            if spec.is_valid_on(end) and spec.code not in NOT_COLLECTIVES
        ]
        qualified = [s for s in units if self.rng.random() < self._chance(s)]
        excellent = self._titles(year, qualified)
        sector_flags = self._sector_flags(year, excellent)
        self._government_flags(year, excellent, sector_flags)
        self._certificates(year, qualified, excellent)

    def _chance(self, spec: UnitSpec) -> float:
        return min(0.97, 0.85 + 0.1 * (self.talent[spec.code] - 1.0))

    def _weighted_order(self, specs: list[UnitSpec]) -> list[UnitSpec]:
        """Units ordered by a random key favouring stronger units (weighted sampling)."""
        keyed = [(self.rng.random() ** (1.0 / self.talent[s.code]), s.code, s) for s in specs]
        keyed.sort(key=lambda item: (-item[0], item[1]))
        return [spec for _, _, spec in keyed]

    def _titles(self, year: int, qualified: list[UnitSpec]) -> list[UnitSpec]:
        groups: dict[str, list[UnitSpec]] = {}
        for spec in qualified:
            groups.setdefault(spec.collective_issuer, []).append(spec)
        excellent: list[UnitSpec] = []
        for issuer in sorted(groups):
            members = self._weighted_order(groups[issuer])
            count = max(1, math.floor(0.15 * len(members)))
            day = self.ledger.december(issuer, year)
            for rank, spec in enumerate(members):
                if rank < count:
                    self.ledger.grant_unit(
                        "TTLDXS", spec.code, year, ROOT, self.ledger.december(ROOT, year)
                    )
                    excellent.append(spec)
                else:
                    self.ledger.grant_unit("TTLDTT", spec.code, year, issuer, day)
        return excellent

    def _sector_flags(self, year: int, excellent: list[UnitSpec]) -> list[UnitSpec]:
        upper = [s for s in excellent if s.unit_type in UPPER_LEVELS]
        chosen = self._weighted_order(upper)[: self.rng.randint(8, 12)]
        for spec in chosen:
            self.ledger.grant_unit(
                "CO_NGANH", spec.code, year, ROOT, self.ledger.december(ROOT, year)
            )
        return chosen

    def _government_flags(self, year, excellent, sector_flags) -> None:
        flagged = {s.code for s in sector_flags}
        upper = [s for s in excellent if s.unit_type in UPPER_LEVELS and s.code not in flagged]
        others = [s for s in excellent if s.unit_type not in UPPER_LEVELS]
        ordered = (
            self._weighted_order(sector_flags)
            + self._weighted_order(upper)
            + self._weighted_order(others)
        )
        day = self.ledger.december("TTG", year)
        for spec in ordered[: self.rng.randint(15, 22)]:
            self.ledger.grant_unit("CO_CP", spec.code, year, "TTG", day)

    def _certificates(self, year, qualified, excellent) -> None:
        excellent_codes = {s.code for s in excellent}
        day = self.ledger.december(ROOT, year)
        for spec in qualified:
            if spec.code not in excellent_codes and self.rng.random() < 0.02:
                self.ledger.grant_unit("BK_NGANH", spec.code, year, ROOT, day)
