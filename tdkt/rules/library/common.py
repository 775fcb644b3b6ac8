"""Checks shared by several rules: employment, freezes, discipline, absences, chains,
initiatives. Each adds a condition to the evaluation's findings and returns what it found."""

import datetime as dt
from functools import cache

from tdkt.rules.engine import Evaluation
from tdkt.rules.facts import (
    DISCIPLINE_ORDER,
    RATING_ORDER,
    SCOPE_ORDER,
    InitiativeFact,
    PersonHistory,
)
from tdkt.rules.verdicts import Check, Outcome

WORKED_ABSENCES = frozenset({"MATERNITY", "INJURY_ON_DUTY", "TRAINING"})
"""Absences that count as time worked (NĐ 98/2023 Art 4; NĐ 91/2017 Art 10(2); TT 02/2011)."""

RATING_LABELS = {
    "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "Hoàn thành tốt nhiệm vụ",
    "HTNV": "Hoàn thành nhiệm vụ",
    "KHTNV": "Không hoàn thành nhiệm vụ",
}
DISCIPLINE_LABELS = {
    "KHIEN_TRACH": "khiển trách",
    "CANH_CAO": "cảnh cáo",
    "HA_BAC_LUONG": "hạ bậc lương",
    "GIANG_CHUC": "giáng chức",
    "CACH_CHUC": "cách chức",
    "BUOC_THOI_VIEC": "buộc thôi việc",
}
SCOPE_LABELS = {"CO_SO": "cấp cơ sở", "NGANH": "toàn ngành", "TOAN_QUOC": "toàn quốc"}
CODE_LABELS = {
    "LDTT": "LĐTT",
    "CSTDCS": "CSTĐCS",
    "CSTD_NGANH": "CSTĐ ngành",
    "CSTD_TQ": "CSTĐ toàn quốc",
    "BK_NGANH": "Bằng khen VKSND tối cao",
    "BK_TTG": "Bằng khen Thủ tướng",
    "HCLD3": "Huân chương Lao động hạng Ba",
    "KNC_VSNKS": "Kỷ niệm chương",
    "TTLDTT": "TTLĐTT",
    "TTLDXS": "TTLĐXS",
    "CO_NGANH": "Cờ thi đua ngành",
    "CO_CP": "Cờ thi đua Chính phủ",
}


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@cache
def fmt(day: dt.date | None) -> str:
    """dd/mm/yyyy, or a dash for no date (cached: the same dates recur across a sweep)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else "—"


def principles(ev: Evaluation) -> str:
    return str(ev.param("principles.citation").value)


def check_employed(ev: Evaluation, person: PersonHistory) -> bool:
    first, last = year_bounds(ev.year)
    ok = person.recruitment_date <= last and (
        person.leaving_date is None or person.leaving_date >= first
    )
    facts = [f"Tuyển dụng {fmt(person.recruitment_date)}"]
    if person.leaving_date:
        facts.append(f"thôi công tác {fmt(person.leaving_date)}")
    ev.findings.require(
        "employed", f"Công tác trong năm {ev.year}", ok, "Phạm vi đối tượng xét", facts
    )
    return ok


def check_not_frozen(ev: Evaluation, freezes) -> bool:
    """No freeze (investigation, inspection, complaint, disciplinary review) open on the day."""
    open_ = [f for f in freezes if f.open_on(ev.ref)]
    facts = [f"{f.reason} từ {fmt(f.start)}" for f in open_] or ["Không có"]
    ev.findings.require(
        "not_frozen",
        f"Không đang bị tạm dừng xét khen thưởng vào ngày {fmt(ev.ref)}",
        not open_,
        principles(ev),
        facts,
    )
    return not open_


def rating_at_least(person: PersonHistory, year: int, minimum: str) -> bool | None:
    """True/False when the year's rating is known, None when it was never recorded."""
    rating = person.ratings.get(year)
    if rating is None:
        return None
    return RATING_ORDER[rating] >= RATING_ORDER[minimum]


def check_rating(ev: Evaluation, person: PersonHistory, minimum: str, citation: str) -> bool | None:
    ok = rating_at_least(person, ev.year, minimum)
    rating = person.ratings.get(ev.year)
    facts = [f"Năm {ev.year}: {RATING_LABELS[rating]}" if rating else f"Chưa có xếp loại {ev.year}"]
    ev.findings.require(
        "rating", f"Xếp loại năm {ev.year} từ {RATING_LABELS[minimum]} trở lên", ok, citation, facts
    )
    if ok is None:
        ev.findings.next(f"cần xếp loại mức độ hoàn thành nhiệm vụ năm {ev.year}")
    return ok


def disciplines_overlapping(person: PersonHistory, year: int, threshold: str):
    first, last = year_bounds(year)
    floor = DISCIPLINE_ORDER[threshold]
    return [
        d
        for d in person.disciplines
        if DISCIPLINE_ORDER[d.level] >= floor and d.start <= last and d.end >= first
    ]


def discipline_cutoff_year(person: PersonHistory, ref: dt.date) -> int | None:
    """The last year covered by a discipline period that ended before ``ref``; achievements
    count only after it (principle: achievements count from the end of the discipline)."""
    ends = [d.end.year for d in person.disciplines if d.start <= ref]
    return max(ends) if ends else None


def non_worked_absence_days(person: PersonHistory, year: int) -> tuple[int, int]:
    """(calendar days, working days Monday–Friday) absent in ``year`` for reasons that do not
    count as time worked."""
    first, last = year_bounds(year)
    calendar = working = 0
    for absence in person.absences:
        if absence.reason in WORKED_ABSENCES:
            continue
        start, end = max(absence.start, first), min(absence.end, last)
        day = start
        while day <= end:
            calendar += 1
            working += day.weekday() < 5
            day += dt.timedelta(days=1)
    return calendar, working


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (end.day < start.day)


def merit_chain(
    ev: Evaluation, person, code: str, end_year: int, *, pending_year_ok: bool = False
) -> list[int]:
    """The consecutive years ending at ``end_year`` in which ``code`` was awarded as a merit
    award that still stands, after the last discipline period.

    Revoked, ad hoc and thematic awards break the chain. With ``pending_year_ok``, the end
    year also counts when the subject is eligible for ``code`` that year but not yet awarded.
    """
    cutoff = discipline_cutoff_year(person, ev.ref) if isinstance(person, PersonHistory) else None
    counting = standing_award_years(person, code)
    years = []
    year = end_year
    while True:
        if cutoff is not None and year <= cutoff:
            break
        held = year in counting
        if not held and pending_year_ok and year == end_year:
            held = ev.other(code, year).outcome == Outcome.ELIGIBLE
        if not held:
            break
        years.append(year)
        year -= 1
    return sorted(years)


def describe_awards(person, code: str, years: range) -> list[str]:
    """One line per year in ``years`` saying what the subject holds for ``code``."""
    lines = []
    for year in years:
        found = [a for a in person.awards_of(code) if a.year == year]
        if not found:
            lines.append(f"{CODE_LABELS.get(code, code)} {year}: không có")
        for award in found:
            state = (
                "đã bị hủy bỏ"
                if award.revoked
                else ("công trạng" if award.kind == "CONG_TRANG" else f"loại hình {award.kind}")
            )
            number = f" (QĐ {award.decision_number})" if award.decision_number else ""
            lines.append(f"{CODE_LABELS.get(code, code)} {year}{number}: {state}")
    return lines


def usable_initiatives(
    person: PersonHistory,
    years,
    min_scope: str = "CO_SO",
    *,
    award_id: str = "",
) -> tuple[list[InitiativeFact], list[InitiativeFact], list[InitiativeFact]]:
    """Recognised initiatives of the given years, split into (usable, scope unknown, consumed).

    An initiative already backing another award is consumed (one initiative, one award);
    one backing ``award_id`` (the award being re-checked) stays usable.
    """
    usable, unknown, consumed = [], [], []
    years = set(years)
    for initiative in person.initiatives:
        if initiative.year not in years or initiative.recognised_on is None:
            continue
        if initiative.used_for_award and initiative.used_for_award != award_id:
            consumed.append(initiative)
        elif initiative.effect_scope is None:
            (usable if min_scope == "CO_SO" else unknown).append(initiative)
        elif SCOPE_ORDER[initiative.effect_scope] >= SCOPE_ORDER[min_scope]:
            usable.append(initiative)
    return usable, unknown, consumed


def narrowest_first(initiatives) -> list[InitiativeFact]:
    """Initiatives in the order an award uses them up: narrowest scope of effect first (an
    unrecorded scope counts as grassroots), then oldest, keeping the wider ones for the higher
    awards that require them; ties keep the history's order."""
    return sorted(
        initiatives, key=lambda i: (SCOPE_ORDER.get(i.effect_scope or "CO_SO", 0), i.year)
    )


def describe_initiatives(items, label: str) -> list[str]:
    return [
        f"{label}: “{i.title}” ({i.year}, {SCOPE_LABELS.get(i.effect_scope, 'chưa ghi phạm vi')})"
        for i in items
    ]


def award_id_for(person, code: str, year: int) -> str:
    """The id of the subject's existing award of ``code`` for ``year`` (re-checks), or ''."""
    for award in person.awards_of(code):
        if award.year == year and not award.revoked:
            return award.id
    return ""


def check_other_title(ev: Evaluation, code: str, text: str, citation: str) -> Check:
    """Condition met when the subject holds ``code`` for the year or is eligible for it."""
    subject = ev.subject
    held = [a for a in subject.awards_of(code) if a.year == ev.year and a.counts_for_merit]
    if held:
        check, facts = Check.MET, describe_awards(subject, code, range(ev.year, ev.year + 1))
    else:
        verdict = ev.other(code)
        check = {
            Outcome.ELIGIBLE: Check.MET,
            Outcome.NEEDS_REVIEW: Check.UNKNOWN,
            Outcome.NOT_ELIGIBLE: Check.NOT_MET,
        }[verdict.outcome]
        facts = [f"Xét {CODE_LABELS.get(code, code)} {ev.year}: {verdict.outcome.label}"] + [
            c.text for c in verdict.reasons_not_met
        ]
    return ev.findings.add(f"meets_{code.lower()}", text, check, citation, facts)


def standing_award_years(subject, code: str) -> frozenset[int]:
    """Years in which ``code`` was awarded as a merit award that still stands (not revoked,
    not ad hoc or thematic): the only awards that may serve higher awards."""
    return subject.merit_years(code)


def last_award_year_before(subject, code: str, year: int) -> int | None:
    """The latest year before ``year`` in which ``code`` was awarded as a standing merit award;
    the achievements up to that year were already rewarded by it."""
    years = [y for y in standing_award_years(subject, code) if y < year]
    return max(years) if years else None


def rating_run(
    person: PersonHistory, end_year: int, minimum: str, *, after: int | None = None
) -> tuple[list[int], bool]:
    """The consecutive years ending at ``end_year`` rated ``minimum`` or better, all later than
    ``after``, ascending. When ``end_year`` has no rating yet the run ends at ``end_year - 1``
    and the second value is True (the end year is undecided)."""
    undecided = person.ratings.get(end_year) is None
    year = end_year - 1 if undecided else end_year
    years = []
    while (after is None or year > after) and rating_at_least(person, year, minimum):
        years.append(year)
        year -= 1
    return sorted(years), undecided


def join_years(years) -> str:
    """'2022, 2023, 2024' for a list of years."""
    return ", ".join(map(str, sorted(years)))


def discipline_days_within(person: PersonHistory, start: dt.date, end: dt.date, threshold: str):
    """Days from ``start`` to ``end`` (inclusive) covered by a discipline period of level
    ``threshold`` or above, overlapping periods counted once."""
    floor = DISCIPLINE_ORDER[threshold]
    covered: set[int] = set()
    for d in person.disciplines:
        if DISCIPLINE_ORDER[d.level] < floor:
            continue
        first, last = max(d.start, start), min(d.end, end)
        covered.update(range(first.toordinal(), last.toordinal() + 1))
    return len(covered)
