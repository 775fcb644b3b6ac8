"""Kỷ niệm chương "Vì sự nghiệp Kiểm sát": the sector's commemorative medal, given once for
years of service and considered each year for the sector's day (26 July), before that year's
rating exists.
"""

import datetime as dt

from tdkt.rules.engine import MEDAL_DAY, Evaluation
from tdkt.rules.library.common import (
    DISCIPLINE_LABELS,
    RATING_LABELS,
    check_not_frozen,
    discipline_days_within,
    fmt,
    rating_at_least,
)
from tdkt.rules.registry import rule


def _add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _duration(days: int) -> str:
    """Whole years and months in ``days`` (never rounded up), for the facts."""
    months = int(days // 30.4375)
    return f"{months // 12} năm {months % 12} tháng"


def _require_not_received(ev: Evaluation, person, citation: str) -> None:
    """Given once: any earlier medal that stands (whatever its kind) rules the person out."""
    medals = sorted(person.awards_of("KNC_VSNKS"), key=lambda a: a.year)
    earlier = [a for a in medals if not a.revoked and a.year < ev.year]
    facts = [
        f"Đã được tặng năm {a.year}" + (f" (QĐ {a.decision_number})" if a.decision_number else "")
        for a in earlier
    ] or ["Chưa được tặng"]
    facts += [f"Kỷ niệm chương năm {a.year} đã bị hủy bỏ, không tính" for a in medals if a.revoked]
    ev.findings.require(
        "not_received",
        "Chưa được tặng Kỷ niệm chương (chỉ tặng một lần)",
        not earlier,
        citation,
        facts,
    )


def _require_service(ev: Evaluation, person) -> None:
    """Service from recruitment to the reference date (or to leaving), less the discipline
    periods when the text in force excludes them; when short, says when it will be reached."""
    years, threshold = ev.param("knc.service_years"), ev.param("knc.discipline_not_counted")
    start = person.recruitment_date
    end = min(person.leaving_date, ev.ref) if person.leaving_date else ev.ref
    served = max((end - start).days + 1, 0)
    excluded = discipline_days_within(person, start, end, threshold.value) if threshold.value else 0
    due = _add_years(start, int(years.value))
    counted, required = served - excluded, (due - start).days
    facts = [f"Công tác từ {fmt(start)} đến {fmt(end)}: {_duration(served)}"]
    if threshold.value:
        level = DISCIPLINE_LABELS[str(threshold.value)]
        facts.append(f"Thời gian bị kỷ luật từ {level} trở lên, không tính: {excluded} ngày")
    facts.append(f"Thời gian được tính: {_duration(counted)}")
    ok = counted >= required
    text = f"Có đủ {years.value} năm công tác liên tục trong ngành Kiểm sát tính đến {fmt(ev.ref)}"
    if threshold.value:
        text += " (không tính thời gian bị kỷ luật)"
    ev.findings.require("service_years", text, ok, years.citation, facts)
    if not ok and end == ev.ref:
        reached = due + dt.timedelta(days=excluded)
        medal_day = dt.date(reached.year, *MEDAL_DAY)
        round_year = reached.year + (reached > medal_day)
        ev.findings.next(
            f"đủ {years.value} năm công tác vào {fmt(reached)}; xét dịp 26/7/{round_year}"
        )


def _require_last_rating(ev: Evaluation, person) -> None:
    """The medal is decided in July, before the evaluation year is rated: the previous year's
    rating is read (the last year worked, for someone who has left)."""
    minimum = ev.param("knc.min_rating")
    label = RATING_LABELS[str(minimum.value)].lower()
    year = ev.year - 1
    why = f"Kỷ niệm chương xét vào tháng 7, trước kỳ đánh giá năm {ev.year}"
    if person.leaving_date and person.leaving_date.year < year:
        year, why = person.leaving_date.year, "năm cuối công tác"
    rating = person.ratings.get(year)
    ok = rating_at_least(person, year, str(minimum.value))
    ev.findings.require(
        "rating",
        f"Xếp loại năm {year} từ {label} trở lên ({why})",
        ok,
        minimum.citation,
        [f"Năm {year}: {RATING_LABELS[rating]}" if rating else f"Chưa có xếp loại năm {year}"],
    )
    if ok is None:
        ev.findings.next(f"cần xếp loại mức độ hoàn thành nhiệm vụ năm {year}")
    elif ok is False and year == ev.year - 1:
        ev.findings.next(
            f"cần xếp loại {label} trở lên năm {ev.year} để xét dịp 26/7/{ev.year + 1}"
        )


def _knc(ev: Evaluation, *, citation: str) -> None:
    """Shared body of the medal's versions; the parameters say which rating is needed and
    whether discipline periods count as service. Serving staff and those who have left alike."""
    person = ev.subject
    check_not_frozen(ev, person.freezes)
    _require_not_received(ev, person, citation)
    _require_service(ev, person)
    _require_last_rating(ev, person)
    ev.findings.later(
        "ethics", "Có phẩm chất đạo đức tốt: thủ trưởng đơn vị xác nhận khi đề nghị", citation
    )


@rule(
    "KNC_VSNKS",
    effective=dt.date(2015, 1, 1),
    title="Kỷ niệm chương “Vì sự nghiệp Kiểm sát” — Thông tư 01/2019/TT-VKSTC",
    basis="Thông tư 01/2019/TT-VKSTC (trước 28/6/2019: Quyết định 306/QĐ-VKSTC)",
)
def knc_2015(ev: Evaluation) -> None:
    """Tặng một lần cho người có đủ 15 năm công tác trong ngành Kiểm sát nhân dân và hoàn
    thành nhiệm vụ trở lên (xét theo xếp loại năm trước, vì quyết định tặng vào dịp 26/7 trước
    kỳ đánh giá năm xét); không đang bị tạm dừng xét khen thưởng."""
    _knc(ev, citation="Thông tư 01/2019/TT-VKSTC")


@rule(
    "KNC_VSNKS",
    effective=dt.date(2024, 10, 1),
    title="Kỷ niệm chương “Vì sự nghiệp Kiểm sát” — Thông tư 02/2024/TT-VKSTC",
    basis="Điều 21 Thông tư 02/2024/TT-VKSTC",
)
def knc_2024_10(ev: Evaluation) -> None:
    """Tặng một lần cho người có đủ 15 năm công tác liên tục trong ngành Kiểm sát nhân dân (thời
    gian bị kỷ luật từ khiển trách trở lên không được tính), đạo đức tốt và hoàn thành tốt nhiệm
    vụ trở lên (xét theo xếp loại năm trước, vì quyết định tặng vào dịp 26/7 trước kỳ đánh giá
    năm xét); không đang bị tạm dừng xét khen thưởng."""
    _knc(ev, citation="Điều 21 Thông tư 02/2024/TT-VKSTC")
    sector = ev.param("knc.min_years_in_sector")
    ev.findings.later(
        "other_sector",
        f"Thời gian làm công tác pháp luật ở ngành khác được tính nếu có ít nhất {sector.value} "
        "năm trong ngành Kiểm sát; biệt phái, đi học, nghĩa vụ quân sự được tính nếu trở lại "
        "công tác — cần hồ sơ chứng minh",
        sector.citation,
    )
