"""Conditions shared by the collective titles' rules. Each adds a condition (or a procedure
note) to the evaluation's findings; a fact never recorded gives an unknown condition.

Shares are compared exactly (fractions), never as floats, so 70% of 10 members is 7, not 6.999.
"""

import math
from fractions import Fraction

from tdkt.rules.engine import Evaluation
from tdkt.rules.facts import RATING_ORDER, MemberStats
from tdkt.rules.library.common import CODE_LABELS, RATING_LABELS, describe_awards
from tdkt.rules.verdicts import CHECK_LABELS, Check, Outcome

UNIT_TYPE_LABELS = {
    "SUPREME": "VKSND tối cao",
    "SUPREME_UNIT": "Đơn vị thuộc VKSND tối cao",
    "HIGH": "VKSND cấp cao",
    "PROVINCIAL": "VKSND cấp tỉnh",
    "DISTRICT": "VKSND cấp huyện",
    "AREA": "VKSND khu vực",
    "DIVISION": "Phòng, đơn vị trực thuộc",
    "MILITARY_CENTRAL": "VKS quân sự trung ương",
    "MILITARY_REGION": "VKS quân sự quân khu và tương đương",
    "MILITARY_AREA": "VKS quân sự khu vực",
}
DENOMINATOR_LABELS = {"members": "tính trên tổng số thành viên", "present": "tính trên số có mặt"}
OUTCOME_CHECKS = {
    Outcome.ELIGIBLE: Check.MET,
    Outcome.NEEDS_REVIEW: Check.UNKNOWN,
    Outcome.NOT_ELIGIBLE: Check.NOT_MET,
}
COUNCIL = "Cần Hội đồng Thi đua – Khen thưởng nhận định"


def percent(share: Fraction) -> str:
    """A share as a Vietnamese percentage, cut (never rounded up) to one decimal; '≈' marks a
    cut value, so a share just under a threshold never reads as reaching it."""
    exact = share * 100
    if exact.denominator == 1:
        return f"{exact.numerator}%"
    tenths = math.floor(exact * 10)
    return f"≈{tenths // 10},{tenths % 10}%"


def share_value(value) -> Fraction:
    return Fraction(str(value))


def member_stats(ev: Evaluation) -> MemberStats | None:
    """The members' results for the year, or None when missing or recorded with no members."""
    stats = ev.subject.members.get(ev.year)
    return stats if stats is not None and stats.members > 0 else None


def _missing_stats(ev: Evaluation) -> list[str]:
    ev.findings.next(f"cần số liệu kết quả thi đua của các thành viên năm {ev.year}")
    if ev.year in ev.subject.members:
        return [f"Số liệu thành viên năm {ev.year} ghi 0 thành viên"]
    return [f"Chưa có số liệu thành viên năm {ev.year}"]


def member_fact(label: str, count: int, stats: MemberStats) -> str:
    return f"{label} {count}/{stats.members} thành viên = {percent(Fraction(count, stats.members))}"


def check_unit_rating(ev: Evaluation, name: str) -> None:
    """The unit's own rating for the year is at least the parameter ``name``; for HTXSNV from
    1/10/2024 the text adds the sector's meaning (exceeding the year's targets)."""
    minimum = ev.param(name)
    rating = ev.subject.ratings.get(ev.year)
    ok = None if rating is None else RATING_ORDER[rating] >= RATING_ORDER[str(minimum.value)]
    text = f"Tập thể {RATING_LABELS[str(minimum.value)].lower()}"
    text += f" năm {ev.year}" if minimum.value == "HTXSNV" else f" trở lên năm {ev.year}"
    citation = minimum.citation
    if minimum.value == "HTXSNV":
        meaning = ev.param("collective.htxsnv_means_exceeded_targets")
        if meaning.value:
            text += (
                " (với ngành KSND: vượt các chỉ tiêu, nhiệm vụ của chương trình, kế hoạch năm "
                "được phê duyệt — cấp có thẩm quyền đánh giá khi xếp loại đơn vị)"
            )
            citation = f"{citation}; {meaning.citation}"
    facts = [f"Năm {ev.year}: {RATING_LABELS[rating]}" if rating else "Chưa có xếp loại"]
    ev.findings.require("unit_rating", text, ok, citation, facts, unsure=minimum.unsure)
    if ok is None:
        ev.findings.next(f"cần xếp loại mức độ hoàn thành nhiệm vụ của đơn vị năm {ev.year}")


def check_advanced(ev: Evaluation, stats: MemberStats | None, name: str, *, strict: bool):
    """Share of members awarded LĐTT: strictly above the parameter, or at least it."""
    threshold = ev.param(name)
    share = share_value(threshold.value)
    text = f"{'Trên' if strict else 'Ít nhất'} {percent(share)} thành viên đạt Lao động tiên tiến"
    if stats is None:
        ok, facts = None, _missing_stats(ev)
    else:
        got = Fraction(stats.advanced, stats.members)
        ok = got > share if strict else got >= share
        facts = [member_fact("LĐTT", stats.advanced, stats)]
        if not ok:
            needed = (
                math.floor(share * stats.members) + 1
                if strict
                else math.ceil(share * stats.members)
            )
            ev.findings.next(f"cần thêm {needed - stats.advanced} thành viên đạt LĐTT")
    ev.findings.require(
        "advanced_share", text, ok, threshold.citation, facts, unsure=threshold.unsure
    )


def check_completed(ev: Evaluation, stats: MemberStats | None) -> None:
    threshold = ev.param("ttldxs.completed_share_at_least")
    share = share_value(threshold.value)
    text = (
        f"{'' if share == 1 else 'Ít nhất '}{percent(share)} thành viên hoàn thành nhiệm vụ trở lên"
    )
    if stats is None:
        ok, facts = None, _missing_stats(ev)
    else:
        ok = Fraction(stats.completed, stats.members) >= share
        facts = [member_fact("Hoàn thành nhiệm vụ trở lên", stats.completed, stats)]
    ev.findings.require(
        "completed_share", text, ok, threshold.citation, facts, unsure=threshold.unsure
    )


def check_fighters(ev: Evaluation, stats: MemberStats | None) -> None:
    minimum = ev.param("ttldxs.min_fighters")
    text = f"Có ít nhất {minimum.value} thành viên đạt Chiến sĩ thi đua cơ sở"
    if stats is None:
        ok, facts = None, _missing_stats(ev)
    else:
        ok = stats.fighters >= int(minimum.value)
        facts = [f"CSTĐCS: {stats.fighters} thành viên"]
        if not ok:
            ev.findings.next(f"cần ít nhất {minimum.value} thành viên đạt CSTĐCS năm {ev.year}")
    ev.findings.require("fighters", text, ok, minimum.citation, facts, unsure=minimum.unsure)


def check_no_warned(ev: Evaluation, stats: MemberStats | None, name: str) -> None:
    """The clause "no member disciplined at cảnh cáo or above", when the period has it.

    When the clause itself is unsure, a unit with such a member gets an unknown condition (an
    officer must check the text) rather than a verdict either way.
    """
    clause = ev.param(name)
    if not clause.value and not clause.unsure:
        return
    text = "Không có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên trong năm"
    if stats is None:
        ok, facts = None, _missing_stats(ev)
    else:
        ok = stats.warned_or_worse == 0
        facts = [f"Bị kỷ luật từ cảnh cáo trở lên: {stats.warned_or_worse} thành viên"]
        if not ok and clause.unsure:
            ok = None
            facts.append("Chưa chắc văn bản hiện hành còn điều kiện này: cần đối chiếu")
            ev.findings.next(f"cần đối chiếu văn bản về điều kiện kỷ luật ({clause.citation})")
    ev.findings.require("no_warned_members", text, ok, clause.citation, facts, unsure=clause.unsure)


def check_title_same_day(ev: Evaluation, code: str, text: str, citation: str) -> Check:
    """Met when the unit holds ``code`` for the year as a standing merit award, or meets its
    standard on the same reference date. Revoked, ad hoc and thematic awards do not count."""
    unit = ev.subject
    year = range(ev.year, ev.year + 1)
    if any(a.year == ev.year and a.counts_for_merit for a in unit.awards_of(code)):
        return ev.findings.add(
            f"meets_{code.lower()}", text, Check.MET, citation, describe_awards(unit, code, year)
        )
    verdict = ev.engine.evaluate(unit, code, ev.year, ev.ref)
    facts = [f"Xét {CODE_LABELS[code]} {ev.year}: {verdict.outcome.label}"]
    facts += [
        f"{c.text}: {CHECK_LABELS[c.check].lower()}"
        for c in verdict.conditions
        if c.check != Check.MET
    ]
    if any(a.year == ev.year for a in unit.awards_of(code)):
        facts += describe_awards(unit, code, year)
    return ev.findings.add(
        f"meets_{code.lower()}", text, OUTCOME_CHECKS[verdict.outcome], citation, facts
    )


def check_cluster_leader(ev: Evaluation, text: str, citation: str) -> None:
    """The cluster or block chose the unit as its leading unit for the year; unknown when the
    cluster's result was never recorded."""
    led = ev.subject.cluster_leader.get(ev.year)
    fact = {
        True: f"Năm {ev.year}: được suy tôn dẫn đầu cụm, khối thi đua",
        False: f"Năm {ev.year}: không dẫn đầu cụm, khối thi đua",
        None: f"Chưa có kết quả bình xét của cụm, khối thi đua năm {ev.year}",
    }[led]
    ev.findings.require("cluster_leader", text, led, citation, [fact])
    if led is None:
        ev.findings.next(f"cần kết quả bình xét đơn vị dẫn đầu cụm, khối thi đua năm {ev.year}")


def check_exceeded_targets(ev: Evaluation, citation: str) -> None:
    """Exceeding the targets needs at least HTXSNV; from 1/10/2024 the sector defines HTXSNV as
    exceeding them, before that the council judges it."""
    rating = ev.subject.ratings.get(ev.year)
    meaning = ev.param("collective.htxsnv_means_exceeded_targets")
    text = f"Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao năm {ev.year}"
    if rating is None:
        check, facts = Check.UNKNOWN, ["Chưa có xếp loại của đơn vị"]
        ev.findings.next(f"cần xếp loại mức độ hoàn thành nhiệm vụ của đơn vị năm {ev.year}")
    elif rating != "HTXSNV":
        check = Check.NOT_MET
        facts = [f"Năm {ev.year}: {RATING_LABELS[rating]}, chưa hoàn thành xuất sắc nhiệm vụ"]
    elif meaning.value:
        check = Check.MET
        facts = [f"Năm {ev.year}: {RATING_LABELS[rating]}, tức là vượt chỉ tiêu, nhiệm vụ"]
        citation = f"{citation}; {meaning.citation}"
    else:
        check = Check.UNKNOWN
        facts = [f"Năm {ev.year}: {RATING_LABELS[rating]}", COUNCIL]
    ev.findings.add("exceeded_targets", text, check, citation, facts)


def judgement(ev: Evaluation, key: str, text: str, citation: str, facts=()) -> None:
    """A criterion only a council can judge: always unknown, so the verdict asks for review."""
    ev.findings.add(key, text, Check.UNKNOWN, citation, [*facts, COUNCIL])
    ev.findings.next("trình Hội đồng Thi đua – Khen thưởng nhận định các tiêu chí định tính")


def later_movement(ev: Evaluation, citation: str) -> None:
    ev.findings.later(
        "movement_solidarity",
        "Phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết, chấp hành tốt "
        "chủ trương của Đảng, chính sách, pháp luật của Nhà nước (đánh giá tại hội nghị bình xét)",
        citation,
    )


def later_cluster_vote(ev: Evaluation) -> None:
    share = ev.param("co_nganh.cluster_vote_share")
    denominator = ev.param("co_nganh.cluster_vote_denominator")
    ev.findings.later(
        "cluster_vote",
        f"Được từ {percent(share_value(share.value))} thành viên cụm, khối thi đua đồng ý đề nghị "
        f"({DENOMINATOR_LABELS[str(denominator.value)]})",
        share.citation,
        unsure=share.unsure or denominator.unsure,
    )


def check_unit_type(ev: Evaluation) -> None:
    """TT 01/2019 Art 20 names the unit types that may receive the sector flag; another type is
    left to review rather than refused, since practice shows flags for lower units too."""
    allowed = ev.param("co_nganh.unit_types")
    unit_type = ev.subject.unit_type
    ok = True if unit_type in allowed.value else None
    facts = [f"Loại đơn vị: {UNIT_TYPE_LABELS.get(unit_type, unit_type)}"]
    if ok is None:
        facts.append("Loại đơn vị không nêu trong văn bản: cần xem xét")
    ev.findings.require(
        "unit_type",
        "Đơn vị thuộc VKSND tối cao, VKSND cấp cao hoặc VKSND cấp tỉnh",
        ok,
        allowed.citation,
        facts,
    )
