"""The case format: one subject's facts, the code, the year and an optional reference date.

The same format is read by the ``eligibility`` command (JSON), accepted by the API, and used by
the legal test cases (YAML). ``docs/rule-cases.md`` documents it. Malformed input raises
``CaseError`` whose message names the field at fault, in Vietnamese.
"""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tdkt.rules import facts

Rating = Literal["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
Kind = Literal["CONG_TRANG", "DOT_XUAT", "CHUYEN_DE", "CONG_HIEN", "NIEN_HAN", "DOI_NGOAI"]
Level = Literal[
    "KHIEN_TRACH", "CANH_CAO", "HA_BAC_LUONG", "GIANG_CHUC", "CACH_CHUC", "BUOC_THOI_VIEC"
]
AbsenceReason = Literal["MATERNITY", "ILLNESS", "INJURY_ON_DUTY", "TRAINING", "OTHER"]
FreezeReason = Literal["INVESTIGATION", "INSPECTION", "COMPLAINT", "DISCIPLINARY_REVIEW"]
Scope = Literal["CO_SO", "NGANH", "TOAN_QUOC"]
Year = Field(ge=2000, le=2100)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AwardIn(_Strict):
    code: str
    year: int = Year
    kind: Kind = "CONG_TRANG"
    decision_number: str = ""
    decision_date: dt.date | None = None
    revoked: bool = False
    id: str = ""


class InitiativeIn(_Strict):
    id: str
    title: str = ""
    year: int = Year
    recognised_on: dt.date | None = None
    effect_scope: Scope | None = None
    used_for_award: str = ""


class PeriodIn(_Strict):
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError("end trước start")
        return self


class AbsenceIn(PeriodIn):
    reason: AbsenceReason


class DisciplineIn(PeriodIn):
    level: Level
    decided_on: dt.date


class FreezeIn(_Strict):
    reason: FreezeReason
    start: dt.date
    end: dt.date | None = None


class PersonIn(_Strict):
    id: str = "case"
    name: str = ""
    recruitment_date: dt.date
    leaving_date: dt.date | None = None
    ratings: dict[int, Rating] = {}
    awards: list[AwardIn] = []
    initiatives: list[InitiativeIn] = []
    absences: list[AbsenceIn] = []
    disciplines: list[DisciplineIn] = []
    freezes: list[FreezeIn] = []

    def to_history(self) -> facts.PersonHistory:
        return facts.PersonHistory(
            id=self.id,
            name=self.name,
            recruitment_date=self.recruitment_date,
            leaving_date=self.leaving_date,
            ratings=dict(self.ratings),
            awards=tuple(facts.AwardFact(**a.model_dump()) for a in self.awards),
            initiatives=tuple(facts.InitiativeFact(**i.model_dump()) for i in self.initiatives),
            absences=tuple(facts.Absence(**a.model_dump()) for a in self.absences),
            disciplines=tuple(facts.Discipline(**d.model_dump()) for d in self.disciplines),
            freezes=tuple(facts.Freeze(**f.model_dump()) for f in self.freezes),
        )


class MemberStatsIn(_Strict):
    members: int = Field(ge=0)
    completed: int = Field(ge=0)
    advanced: int = Field(ge=0)
    fighters: int = Field(ge=0)
    warned_or_worse: int = Field(0, ge=0)

    @model_validator(mode="after")
    def _within_members(self):
        for name in ("completed", "advanced", "fighters", "warned_or_worse"):
            if getattr(self, name) > self.members:
                raise ValueError(f"{name} lớn hơn members")
        return self


class UnitIn(_Strict):
    id: str = "case"
    name: str = ""
    unit_type: str = "PROVINCIAL"
    ratings: dict[int, Rating] = {}
    awards: list[AwardIn] = []
    members: dict[int, MemberStatsIn] = {}
    cluster_leader: dict[int, bool] = {}
    freezes: list[FreezeIn] = []

    def to_history(self) -> facts.UnitHistory:
        return facts.UnitHistory(
            id=self.id,
            name=self.name,
            unit_type=self.unit_type,
            ratings=dict(self.ratings),
            awards=tuple(facts.AwardFact(**a.model_dump()) for a in self.awards),
            members={y: facts.MemberStats(**m.model_dump()) for y, m in self.members.items()},
            cluster_leader=dict(self.cluster_leader),
            freezes=tuple(facts.Freeze(**f.model_dump()) for f in self.freezes),
        )


class CaseIn(_Strict):
    """One question: may this subject be proposed for ``code`` for ``year``?"""

    code: str
    year: int = Year
    reference_date: dt.date | None = None
    person: PersonIn | None = None
    unit: UnitIn | None = None

    @model_validator(mode="after")
    def _one_subject(self):
        if (self.person is None) == (self.unit is None):
            raise ValueError("cần đúng một trong hai: person hoặc unit")
        return self

    def subject(self):
        return (self.person or self.unit).to_history()


class CaseError(Exception):
    """A case could not be read; ``errors`` lists (field path, Vietnamese message)."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{path}: {message}" for path, message in errors))


_MESSAGES = {
    "missing": "thiếu giá trị bắt buộc",
    "extra_forbidden": "trường không có trong định dạng",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "literal_error": "giá trị không thuộc danh sách cho phép",
    "greater_than_equal": "nhỏ hơn giá trị cho phép",
    "less_than_equal": "lớn hơn giá trị cho phép",
    "bool_parsing": "phải là true hoặc false",
    "string_type": "phải là chuỗi ký tự",
    "list_type": "phải là danh sách",
    "dict_type": "phải là đối tượng",
    "model_type": "phải là đối tượng",
}


def _translate(error: dict) -> tuple[str, str]:
    path = ".".join(str(part) for part in error["loc"]) or "(gốc)"
    kind = error["type"]
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
    else:
        message = _MESSAGES.get(kind, "giá trị không hợp lệ")
    return path, message


def parse_case(data: object) -> CaseIn:
    """Validate raw data (parsed JSON or YAML) into a case, or raise ``CaseError``."""
    try:
        return CaseIn.model_validate(data)
    except ValidationError as exc:
        raise CaseError([_translate(e) for e in exc.errors()]) from None
