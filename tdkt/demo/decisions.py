"""Decisions of the demo data: one number per issuer, date and subject, numbered in date order.

A decision is requested while awards are planned (``DecisionBook.decision``) and numbered once
all are known (``finalise``): within an issuer and a year, numbers grow with the date and sit
where that issuer's yearly volume puts them (a December decision of the Supreme Procuracy is
numbered in the 300s–400s, a Prime Minister's one in the 1,000s–2,000s). Signers are synthetic
names, one per issuer and five-year term.
"""

import datetime as dt
import random
from dataclasses import dataclass

from tdkt.demo.names import NameMaker
from tdkt.demo.plan import Issuer


@dataclass(slots=True)
class Decision:
    issuer: str
    date: dt.date
    subject: str
    number: str = ""
    signer: str = ""
    authority: str = ""


class DecisionBook:
    """Collects decisions by (issuer, date, subject) and numbers them deterministically."""

    def __init__(self, issuers: dict[str, Issuer], rng: random.Random, names: NameMaker):
        self.issuers = issuers
        self.rng = rng
        self.names = names
        self._decisions: dict[tuple[str, dt.date, str], Decision] = {}

    def decision(self, issuer: str, day: dt.date, subject: str) -> Decision:
        """The decision of ``issuer`` on ``day`` about ``subject`` (e.g. an award code)."""
        key = (issuer, day, subject)
        found = self._decisions.get(key)
        if found is None:
            found = self._decisions[key] = Decision(issuer, day, subject)
        return found

    def finalise(self) -> None:
        """Give every decision its number, signer and authority."""
        groups: dict[tuple[str, int], list[Decision]] = {}
        for key in sorted(self._decisions):
            decision = self._decisions[key]
            groups.setdefault((decision.issuer, decision.date.year), []).append(decision)
        signers: dict[tuple[str, int], str] = {}
        for (issuer_key, year), decisions in groups.items():
            issuer = self.issuers[issuer_key]
            term = (issuer_key, (year - 2016) // 5)
            if term not in signers:
                signers[term] = self.names.full_name("M" if self.rng.random() < 0.8 else "F")
            self._number(issuer, decisions, signers[term])

    def _number(self, issuer: Issuer, decisions: list[Decision], signer: str) -> None:
        previous = 0
        for decision in decisions:
            day_of_year = decision.date.timetuple().tm_yday
            planned = int(issuer.yearly_volume * day_of_year / 366)
            previous = max(previous + self.rng.randint(1, 4), planned)
            decision.number = f"{previous}/QĐ-{issuer.suffix}"
            decision.signer = signer
            decision.authority = issuer.authority

    def __len__(self) -> int:
        return len(self._decisions)
