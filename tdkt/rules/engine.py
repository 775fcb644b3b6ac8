"""Evaluate a subject's history against the rule for a code in force on the reference date.

The reference date of a yearly title is 31 December of the evaluation year, and 26 July for the
sector medal (decided for the sector's day), unless the caller gives another one (a round's
date). The engine never looks at today's date.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from tdkt.rules.facts import PersonHistory, UnitHistory
from tdkt.rules.params import IN_FORCE as PARAMS_IN_FORCE
from tdkt.rules.params import UNSURE, DatedValue, param
from tdkt.rules.registry import PERSON, RuleVersion, is_known, version_on, versions_of
from tdkt.rules.verdicts import Findings, Outcome, Verdict, outcome_of

UNKNOWN_CODE = "Mã danh hiệu, hình thức khen thưởng “{code}” không có trong bộ quy tắc."
OUT_OF_COVERAGE = (
    "Chưa có quy tắc cho {code} vào ngày {day:%d/%m/%Y}: bộ quy tắc bắt đầu từ {first:%d/%m/%Y}."
)
WRONG_SUBJECT = "{code} xét cho {expected}, không xét cho {given}."
SUBJECT_LABELS = {PERSON: "cá nhân", "unit": "tập thể"}
MEDAL_DAY = (7, 26)


class EvaluationError(Exception):
    """The question cannot be answered: unknown code, date outside coverage, wrong subject."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message)
        self.message = message
        self.field = field


@cache
def reference_date_for(code: str, year: int) -> dt.date:
    if code == "KNC_VSNKS":
        return dt.date(year, *MEDAL_DAY)
    return dt.date(year, 12, 31)


@dataclass(slots=True)
class Evaluation:
    """What a rule function works with: the subject, the year, the day, and its findings."""

    subject: PersonHistory | UnitHistory
    code: str
    year: int
    ref: dt.date
    version: RuleVersion
    engine: "Engine"
    findings: Findings = field(default_factory=Findings)
    unsure_params: dict[str, DatedValue] = field(default_factory=dict)
    """The parameters read whose value the digest rates unsure (each gets a note)."""

    def param(self, name: str) -> DatedValue:
        """The parameter's value in force on the reference date (remembered for the verdict
        when it is unsure)."""
        dated = PARAMS_IN_FORCE.get((name, self.ref)) or param(name, self.ref)
        if dated.confidence == UNSURE:
            self.unsure_params[name] = dated
        return dated

    def other(self, code: str, year: int | None = None) -> Verdict:
        """The verdict of another code for the same subject (e.g. LĐTT inside CSTĐCS).

        For the same year it is judged on this evaluation's reference date, so a case decided
        on 30/9/2024 applies the law of that day throughout; other years use their default.
        """
        year = self.year if year is None else year
        ref = self.ref if year == self.year and code != "KNC_VSNKS" else None
        return self.engine.evaluate(self.subject, code, year, ref)


class Engine:
    """Evaluates subjects; remembers verdicts per subject so rules can build on each other."""

    def __init__(self):
        self._memo: dict[tuple, Verdict] = {}

    def evaluate(
        self,
        subject: PersonHistory | UnitHistory,
        code: str,
        year: int,
        reference_date: dt.date | None = None,
    ) -> Verdict:
        ref = reference_date or reference_date_for(code, year)
        key = (id(subject), code, year, ref)
        verdict = self._memo.get(key)
        if verdict is None:
            verdict = self._memo[key] = self._run(subject, code, year, ref)
        return verdict

    def _run(self, subject, code: str, year: int, ref: dt.date) -> Verdict:
        version = _VERSIONS.get((code, ref)) or _version(code, ref)
        given = PERSON if isinstance(subject, PersonHistory) else "unit"
        if version.subject != given:
            raise EvaluationError(
                WRONG_SUBJECT.format(
                    code=code,
                    expected=SUBJECT_LABELS[version.subject],
                    given=SUBJECT_LABELS[given],
                ),
                field="subject",
            )
        evaluation = Evaluation(subject, code, year, ref, version, self)
        version.func(evaluation)
        findings = evaluation.findings
        for name, dated in evaluation.unsure_params.items():
            findings.procedure.append(_unsure_param_note(name, dated))
        # Positional arguments, in field order: a sweep builds one verdict per subject and code.
        outcome = outcome_of(findings.conditions)
        return Verdict(
            code,
            year,
            str(subject.id),
            subject.name,
            ref,
            version.id,
            version.title,
            outcome,
            tuple(findings.conditions),
            tuple(findings.procedure),
            "; ".join(findings.next_steps),
            () if outcome is Outcome.NOT_ELIGIBLE else tuple(findings.initiatives),
        )


_NOTES: dict[tuple[str, dt.date], object] = {}


def _unsure_param_note(name, dated):
    key = (name, dated.effective)
    if key not in _NOTES:
        _NOTES[key] = _build_unsure_note(name, dated)
    return _NOTES[key]


def _build_unsure_note(name, dated):
    from tdkt.rules.verdicts import Check, Condition

    return Condition(
        key=f"param:{name}",
        text=(
            f"Tham số “{name}” = {dated.value} chưa được xác nhận chắc chắn; hãy kiểm tra văn bản."
        ),
        check=Check.UNKNOWN,
        citation=dated.citation,
        unsure=True,
    )


_VERSIONS: dict[tuple[str, dt.date], RuleVersion] = {}
"""The rule version in force per (code, day), once known (rules are registered at import)."""


def _version(code: str, ref: dt.date) -> RuleVersion:
    if not is_known(code):
        raise EvaluationError(UNKNOWN_CODE.format(code=code), field="code")
    version = version_on(code, ref)
    if version is None:
        first = versions_of(code)[0].effective
        raise EvaluationError(
            OUT_OF_COVERAGE.format(code=code, day=ref, first=first), field="reference_date"
        )
    _VERSIONS[(code, ref)] = version
    return version


def evaluate(subject, code: str, year: int, reference_date: dt.date | None = None) -> Verdict:
    """Evaluate one subject for one code and year with a fresh engine."""
    return Engine().evaluate(subject, code, year, reference_date)
