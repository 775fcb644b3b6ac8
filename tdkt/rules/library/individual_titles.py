"""Individual emulation titles: Lao động tiên tiến and Chiến sĩ thi đua cơ sở."""

import datetime as dt

from tdkt.rules.engine import Evaluation
from tdkt.rules.facts import RATING_ORDER
from tdkt.rules.library.common import (
    DISCIPLINE_LABELS,
    RATING_LABELS,
    award_id_for,
    check_employed,
    check_not_frozen,
    check_other_title,
    check_rating,
    describe_initiatives,
    disciplines_overlapping,
    fmt,
    months_between,
    narrowest_first,
    non_worked_absence_days,
    principles,
    usable_initiatives,
)
from tdkt.rules.registry import rule
from tdkt.rules.verdicts import Check

LAW_2003 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013)"
LAW_2022 = "Luật Thi đua, khen thưởng 06/2022/QH15"


def _ldtt(ev: Evaluation, *, sector_2024: bool) -> None:
    """Shared body of the LĐTT versions; ``sector_2024`` selects TT 02/2024's exclusions."""
    person = ev.subject
    if not check_employed(ev, person):
        return
    check_not_frozen(ev, person.freezes)
    minimum = ev.param("ldtt.min_rating")
    check_rating(ev, person, str(minimum.value), minimum.citation)
    _check_recruitment(ev, person)
    if sector_2024:
        _check_absence_months(ev, person)
    else:
        _check_absence_days(ev, person)
    _check_discipline(ev, person, timing_rule=sector_2024)


def _check_recruitment(ev: Evaluation, person) -> None:
    limit = ev.param("ldtt.min_months_since_recruitment")
    months = months_between(person.recruitment_date, dt.date(ev.year, 12, 31))
    ev.findings.require(
        "recruitment",
        f"Đã tuyển dụng từ {limit.value} tháng trở lên tính đến cuối năm {ev.year}",
        months >= int(limit.value),
        limit.citation,
        [f"Tuyển dụng {fmt(person.recruitment_date)}: {max(months, 0)} tháng"],
        unsure=limit.unsure,
    )


def _check_absence_days(ev: Evaluation, person) -> None:
    limit = ev.param("ldtt.absence_limit_working_days")
    _calendar, working = non_worked_absence_days(person, ev.year)
    ev.findings.require(
        "absence",
        f"Nghỉ dưới {limit.value} ngày làm việc trong năm (thai sản, bị thương khi làm nhiệm vụ, "
        "đi học ngắn hạn được tính là thời gian công tác)",
        working < int(limit.value),
        f"{limit.citation}; {principles(ev)}",
        [f"Nghỉ không tính là thời gian công tác: {working} ngày làm việc"],
        unsure=limit.unsure,
    )


def _check_absence_months(ev: Evaluation, person) -> None:
    window = ev.param("ldtt.absence_excluded_months")
    low, high = (int(x) for x in window.value)
    calendar, _working = non_worked_absence_days(person, ev.year)
    months = calendar / 30
    facts = [f"Nghỉ không tính là thời gian công tác: {calendar} ngày (~{months:.1f} tháng)"]
    text = f"Không nghỉ từ {low} đến dưới {high} tháng trong năm"
    if months >= high:
        over = ev.param("ldtt.absence_six_months_or_more")
        ev.findings.add(
            "absence",
            f"Nghỉ từ {high} tháng trở lên: văn bản chưa quy định rõ, cần xem xét",
            Check.UNKNOWN,
            over.citation,
            facts,
            unsure=True,
        )
        return
    ev.findings.require("absence", text, not low <= months < high, window.citation, facts)


def _check_discipline(ev: Evaluation, person, *, timing_rule: bool) -> None:
    threshold = ev.param("ldtt.discipline_threshold")
    found = disciplines_overlapping(person, ev.year, str(threshold.value))
    excused = [d for d in found if timing_rule and _already_used_last_year(ev, person, d)]
    counted = [d for d in found if d not in excused]
    facts = [
        f"Kỷ luật {DISCIPLINE_LABELS[d.level]} ({fmt(d.start)}–{fmt(d.end)})" for d in counted
    ] or ["Không bị kỷ luật trong năm"]
    facts += [
        f"Kỷ luật {DISCIPLINE_LABELS[d.level]} quyết định {fmt(d.decided_on)}: vi phạm đã làm căn "
        f"cứ không xét LĐTT năm {d.decided_on.year - 1}, không tính lại"
        for d in excused
    ]
    ev.findings.require(
        "discipline",
        f"Không bị kỷ luật từ hình thức {DISCIPLINE_LABELS[str(threshold.value)]} trở lên "
        f"trong năm {ev.year}",
        not counted,
        threshold.citation,
        facts,
    )


def _already_used_last_year(ev: Evaluation, person, discipline) -> bool:
    """TT 02/2024 Art 15 timing rule: a decision issued this year for a violation that was
    already under disciplinary review, and so denied LĐTT, last year is not counted again."""
    year = discipline.decided_on.year
    if year != ev.year:
        return False
    last_year_start, last_year_end = dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31)
    reviewed = any(
        f.reason == "DISCIPLINARY_REVIEW"
        and f.start <= last_year_end
        and (f.end is None or f.end >= last_year_start)
        for f in person.freezes
    )
    denied = not any(a.year == year - 1 and not a.revoked for a in person.awards_of("LDTT"))
    return reviewed and denied and discipline.start.year >= year


@rule(
    "LDTT",
    effective=dt.date(2015, 1, 1),
    title="Lao động tiên tiến — Luật TĐKT 2003, Thông tư 01/2019/TT-VKSTC",
    basis=f"Điều 24 {LAW_2003}; Nghị định 91/2017/NĐ-CP; Thông tư 01/2019/TT-VKSTC",
)
def ldtt_2015(ev: Evaluation) -> None:
    """Hoàn thành tốt nhiệm vụ trở lên; không xét người mới tuyển dụng dưới 10 tháng, nghỉ từ
    40 ngày làm việc trở lên (trừ thai sản, bị thương khi làm nhiệm vụ, đi học ngắn hạn), bị kỷ
    luật từ khiển trách trở lên; không đang bị tạm dừng xét khen thưởng."""
    _ldtt(ev, sector_2024=False)


@rule(
    "LDTT",
    effective=dt.date(2024, 1, 1),
    title="Lao động tiên tiến — Luật 06/2022/QH15, Thông tư 01/2019/TT-VKSTC",
    basis=f"Điều 24 {LAW_2022}; Nghị định 98/2023/NĐ-CP; Thông tư 01/2019/TT-VKSTC (đến 30/9/2024)",
)
def ldtt_2024(ev: Evaluation) -> None:
    """Hoàn thành tốt nhiệm vụ trở lên, tự lực, đoàn kết, tích cực tham gia phong trào thi đua
    (Điều 24 Luật 06/2022); các trường hợp loại trừ của ngành vẫn theo Thông tư 01/2019."""
    _ldtt(ev, sector_2024=False)


@rule(
    "LDTT",
    effective=dt.date(2024, 10, 1),
    title="Lao động tiên tiến — Luật 06/2022/QH15, Thông tư 02/2024/TT-VKSTC",
    basis=f"Điều 24 {LAW_2022}; Nghị định 98/2023/NĐ-CP; Điều 15 Thông tư 02/2024/TT-VKSTC",
)
def ldtt_2024_10(ev: Evaluation) -> None:
    """Hoàn thành tốt nhiệm vụ trở lên; không xét người mới tuyển dụng dưới 6 tháng, nghỉ từ 3
    đến dưới 6 tháng, bị kỷ luật từ khiển trách trở lên (quyết định kỷ luật năm sau cho vi phạm
    đã làm căn cứ không xét năm trước thì không tính lại)."""
    _ldtt(ev, sector_2024=True)


@rule(
    "LDTT",
    effective=dt.date(2025, 7, 1),
    title="Lao động tiên tiến — Luật 06/2022/QH15, NĐ 152/2025, Thông tư 02/2024/TT-VKSTC",
    basis=f"Điều 24 {LAW_2022}; Nghị định 152/2025/NĐ-CP; Điều 15 Thông tư 02/2024/TT-VKSTC",
)
def ldtt_2025_07(ev: Evaluation) -> None:
    """Như từ 1/10/2024; nguyên tắc chung theo Nghị định 152/2025/NĐ-CP thay Nghị định 98/2023."""
    _ldtt(ev, sector_2024=True)


def _cstdcs(ev: Evaluation, *, initiative_mandatory: bool, citation: str) -> None:
    person = ev.subject
    if not check_employed(ev, person):
        return
    check_not_frozen(ev, person.freezes)
    check_other_title(ev, "LDTT", "Đạt tiêu chuẩn Lao động tiên tiến", citation)
    usable, _unknown, consumed = usable_initiatives(
        person, [ev.year], award_id=award_id_for(person, "CSTDCS", ev.year)
    )
    facts = describe_initiatives(usable, "Sáng kiến dùng được") + describe_initiatives(
        consumed, "Sáng kiến đã dùng cho khen thưởng khác"
    )
    if initiative_mandatory:
        ok = bool(usable)
        if ok:
            ev.findings.rely_on(narrowest_first(usable)[:1])
        ev.findings.require(
            "initiative",
            f"Có sáng kiến (hoặc đề tài, giải pháp) được công nhận năm {ev.year}, chưa dùng cho "
            "khen thưởng khác",
            ok,
            citation,
            facts or ["Không có sáng kiến được công nhận trong năm"],
        )
        if not ok:
            ev.findings.next(f"cần sáng kiến được công nhận năm {ev.year}")
        return
    rating = person.ratings.get(ev.year)
    excellent = rating is not None and RATING_ORDER[rating] >= RATING_ORDER["HTXSNV"]
    ok = excellent or bool(usable)
    if usable and not excellent:
        ev.findings.rely_on(narrowest_first(usable)[:1])
    if rating is None and not usable:
        ok = None
    facts = [f"Năm {ev.year}: {RATING_LABELS[rating]}" if rating else "Chưa có xếp loại"] + facts
    ev.findings.require(
        "excellent_or_initiative",
        f"Hoàn thành xuất sắc nhiệm vụ năm {ev.year}, hoặc có sáng kiến được công nhận, chưa "
        "dùng cho khen thưởng khác",
        ok,
        citation,
        facts,
    )
    if ok is False:
        ev.findings.next("cần xếp loại HTXSNV hoặc một sáng kiến được công nhận")


@rule(
    "CSTDCS",
    effective=dt.date(2015, 1, 1),
    title="Chiến sĩ thi đua cơ sở — Luật TĐKT 2003, Nghị định 91/2017",
    basis=f"Điều 23 {LAW_2003}; khoản 3 Điều 9 Nghị định 91/2017/NĐ-CP",
)
def cstdcs_2015(ev: Evaluation) -> None:
    """Đạt Lao động tiên tiến và có sáng kiến, đề tài, giải pháp được công nhận (bắt buộc);
    số CSTĐCS không quá 15% số LĐTT của đơn vị (kiểm tra ở cấp đơn vị)."""
    _cstdcs(
        ev,
        initiative_mandatory=True,
        citation=f"Điều 23 {LAW_2003}; khoản 3 Điều 9 NĐ 91/2017/NĐ-CP",
    )


@rule(
    "CSTDCS",
    effective=dt.date(2024, 1, 1),
    title="Chiến sĩ thi đua cơ sở — Luật 06/2022/QH15",
    basis=f"Điều 23 {LAW_2022}",
)
def cstdcs_2024(ev: Evaluation) -> None:
    """Đạt Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến được công nhận
    (sáng kiến không còn bắt buộc; Bộ Nội vụ xác nhận HTXSNV là đủ)."""
    _cstdcs(ev, initiative_mandatory=False, citation=f"Điều 23 {LAW_2022}")
