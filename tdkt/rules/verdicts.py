"""What a rule answers: a verdict with every condition it checked, each with its citation."""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from typing import NamedTuple


class Outcome(StrEnum):
    ELIGIBLE = "ELIGIBLE"
    NOT_ELIGIBLE = "NOT_ELIGIBLE"
    NEEDS_REVIEW = "NEEDS_REVIEW"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]


class Check(StrEnum):
    MET = "MET"
    NOT_MET = "NOT_MET"
    UNKNOWN = "UNKNOWN"


OUTCOME_LABELS = {
    Outcome.ELIGIBLE: "Đủ điều kiện",
    Outcome.NOT_ELIGIBLE: "Không đủ điều kiện",
    Outcome.NEEDS_REVIEW: "Cần xem xét",
}
CHECK_LABELS = {Check.MET: "Đạt", Check.NOT_MET: "Không đạt", Check.UNKNOWN: "Chưa xác định"}


class Condition(NamedTuple):
    """One condition of a rule as applied to a subject (a named tuple: sweeps build millions).

    ``text`` says in Vietnamese what was required, ``facts`` what the subject's history showed,
    ``citation`` where the requirement comes from. ``unsure`` marks a requirement whose legal
    source the digest rates unsure.
    """

    key: str
    text: str
    check: Check
    citation: str
    facts: tuple[str, ...] = ()
    unsure: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer for one subject, one code and one evaluation year."""

    code: str
    year: int
    subject_id: str
    subject_name: str
    reference_date: dt.date
    rule_id: str
    rule_title: str
    outcome: Outcome
    conditions: tuple[Condition, ...]
    procedure: tuple[Condition, ...] = ()
    """Requirements met later in the procedure (council votes, dossiers): shown, not judged."""
    next_step: str = ""
    initiatives: tuple[str, ...] = ()
    """Ids of the recognised initiatives this verdict counts to be met: an award made on it
    rests on them, and each of them then backs that award only."""

    @property
    def reasons_not_met(self) -> list[Condition]:
        return [c for c in self.conditions if c.check == Check.NOT_MET]

    def as_dict(self) -> dict:
        def condition(c: Condition) -> dict:
            return {
                "key": c.key,
                "text": c.text,
                "check": str(c.check),
                "citation": c.citation,
                "facts": list(c.facts),
                "unsure": c.unsure,
            }

        return {
            "code": self.code,
            "year": self.year,
            "subject": {"id": self.subject_id, "name": self.subject_name},
            "reference_date": self.reference_date.isoformat(),
            "rule": {"id": self.rule_id, "title": self.rule_title},
            "outcome": str(self.outcome),
            "outcome_label": OUTCOME_LABELS[self.outcome],
            "conditions": [condition(c) for c in self.conditions],
            "procedure": [condition(c) for c in self.procedure],
            "next_step": self.next_step,
            "initiatives": list(self.initiatives),
        }


def outcome_of(conditions: list[Condition] | tuple[Condition, ...]) -> Outcome:
    """Any condition not met → not eligible; else any unknown → needs review; else eligible."""
    checks = {c.check for c in conditions}
    if Check.NOT_MET in checks:
        return Outcome.NOT_ELIGIBLE
    if Check.UNKNOWN in checks:
        return Outcome.NEEDS_REVIEW
    return Outcome.ELIGIBLE


_condition = partial(tuple.__new__, Condition)
"""``Condition`` from a tuple of all its fields, without the keyword handling of its
constructor (the hot path of a sweep)."""


@dataclass
class Findings:
    """Collects the conditions of one evaluation, in the order the rule checks them."""

    conditions: list[Condition] = field(default_factory=list)
    procedure: list[Condition] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)

    def add(self, key, text, check, citation, facts=(), unsure=False) -> Check:
        self.conditions.append(_condition((key, text, check, citation, tuple(facts), unsure)))
        return check

    def require(self, key, text, ok, citation, facts=(), unsure=False) -> Check:
        """Add a condition met when ``ok`` is true, not met when false, unknown when None."""
        check = Check.UNKNOWN if ok is None else (Check.MET if ok else Check.NOT_MET)
        return self.add(key, text, check, citation, facts, unsure)

    def later(self, key, text, citation, unsure=False) -> None:
        self.procedure.append(_condition((key, text, Check.UNKNOWN, citation, (), unsure)))

    def rely_on(self, initiatives) -> None:
        """Record the initiatives a met condition counts (an award made on the verdict
        consumes them)."""
        for initiative in initiatives:
            if initiative.id not in self.initiatives:
                self.initiatives.append(initiative.id)

    def next(self, step: str) -> None:
        if step and step not in self.next_steps:
            self.next_steps.append(step)
