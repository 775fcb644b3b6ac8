"""Conditions shared by the individual higher awards' rules: chains of titles, runs of
ratings after a prerequisite award, initiatives, and the council's judgement and procedure notes.
Each adds a condition (or a procedure note) to the evaluation's findings and returns what it
counted.

What counts, everywhere: only standing merit awards (revoked, ad hoc and thematic ones never
do), whatever regime they were awarded under (Law 06/2022 Art 95); only years after the last
discipline period, and after the last award of the code being considered (one achievement is
rewarded once); an initiative backs one award only. A fact never recorded (a rating, an
initiative's scope) gives an unknown condition, never a refusal.
"""

from dataclasses import dataclass

from tdkt.rules.engine import Evaluation
from tdkt.rules.library.common import (
    CODE_LABELS,
    RATING_LABELS,
    award_id_for,
    describe_awards,
    describe_initiatives,
    discipline_cutoff_year,
    join_years,
    last_award_year_before,
    merit_chain,
    narrowest_first,
    rating_at_least,
    rating_run,
    standing_award_years,
    usable_initiatives,
)
from tdkt.rules.verdicts import Check, Outcome

FIGHTER = "CSTDCS"
SECTOR_COUNCIL = "Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân"
FULL_NAMES = {
    "BK_NGANH": "Bằng khen của Viện trưởng VKSND tối cao",
    "BK_TTG": "Bằng khen của Thủ tướng Chính phủ",
}
KIND_LABELS = {
    "DOT_XUAT": "đột xuất",
    "CHUYEN_DE": "theo đợt, chuyên đề",
    "CONG_HIEN": "quá trình cống hiến",
    "NIEN_HAN": "niên hạn",
    "DOI_NGOAI": "đối ngoại",
}
INITIATIVE_REACH = {
    "CO_SO": "được công nhận, áp dụng ở cơ sở",
    "NGANH": "có phạm vi ảnh hưởng toàn ngành",
    "TOAN_QUOC": "có phạm vi ảnh hưởng toàn quốc",
}
DENOMINATORS = {"total": "tổng số thành viên", "present": "số thành viên có mặt"}
TO_CHECK = {Outcome.ELIGIBLE: Check.MET, Outcome.NEEDS_REVIEW: Check.UNKNOWN}


def code_label(code: str) -> str:
    """The short Vietnamese name of a code, as shown in facts ("CSTĐCS")."""
    return CODE_LABELS.get(code, code)


def met_or_unknown(enough: bool, maybe: bool) -> bool | None:
    """True when enough, None when it may be enough once an undecided fact is settled."""
    return True if enough else (None if maybe else False)


def counting_floor(ev: Evaluation, person, *, since_code: str) -> tuple[int | None, str]:
    """The last year that may not count, with the reason: the end of the last discipline period
    or the last award of ``since_code`` before the evaluation year, whichever is later."""
    found = []
    cutoff = discipline_cutoff_year(person, ev.ref)
    if cutoff is not None:
        found.append((cutoff, f"Thời hạn kỷ luật kết thúc năm {cutoff}: chỉ tính từ {cutoff + 1}"))
    previous = last_award_year_before(person, since_code, ev.year)
    if previous is not None:
        why = f"Đã được {code_label(since_code)} năm {previous}: tính lại từ {previous + 1}"
        found.append((previous, why))
    return max(found) if found else (None, "")


def not_counting(person, code: str) -> list[str]:
    """One line per award of ``code`` that cannot serve a higher award, saying why."""
    lines = []
    for award in sorted(person.awards_of(code), key=lambda a: a.year):
        if award.revoked:
            lines.append(f"{code_label(code)} {award.year}: đã bị hủy bỏ, không tính")
        elif not award.counts_for_merit:
            kind = KIND_LABELS.get(award.kind, award.kind)
            lines.append(f"{code_label(code)} {award.year}: khen thưởng {kind}, không tính")
    return lines


@dataclass(frozen=True)
class TitleChain:
    """Consecutive years of a title ending at the evaluation year.

    ``pending``: the evaluation year counts because the subject is eligible for the title that
    year, not yet awarded. ``undecided``: the evaluation year's eligibility needs review, so it
    is not counted but may be. Years up to ``floor`` never count (``floor_reason`` says why).
    """

    code: str
    years: tuple[int, ...]
    pending: bool
    undecided: bool
    floor: int | None
    floor_reason: str


def title_chain(ev: Evaluation, person, code: str, *, since_code: str) -> TitleChain:
    """The chain of ``code`` ending at the evaluation year, counted after the last discipline
    period and the last award of ``since_code``."""
    floor, reason = counting_floor(ev, person, since_code=since_code)
    years = merit_chain(ev, person, code, ev.year, pending_year_ok=True)
    held = standing_award_years(person, code)
    undecided = False
    if not years and ev.year not in held and ev.other(code).outcome == Outcome.NEEDS_REVIEW:
        years, undecided = merit_chain(ev, person, code, ev.year - 1), True
    kept = tuple(y for y in years if floor is None or y > floor)
    pending = ev.year in kept and ev.year not in held
    return TitleChain(code, kept, pending, undecided, floor, reason)


def chain_facts(ev: Evaluation, person, chain: TitleChain) -> list[str]:
    """The chain's years, then why it starts where it does (the year that broke it, or the
    discipline or earlier award it restarts after)."""
    name = code_label(chain.code)
    if chain.years:
        together = " liên tiếp" if len(chain.years) > 1 else ""
        facts = [f"{name} {join_years(chain.years)}{together}"]
    else:
        facts = [f"Không có năm {name} liên tục tính đến {ev.year}"]
    if chain.pending:
        facts.append(f"{name} {ev.year}: đủ điều kiện, chưa có quyết định (được tính)")
    if chain.undecided:
        facts.append(f"{name} {ev.year}: cần xem xét (chưa tính)")
    last_missing = ev.year - 1 if chain.undecided else ev.year
    broken_at = chain.years[0] - 1 if chain.years else last_missing
    if chain.floor is not None and broken_at <= chain.floor:
        facts.append(chain.floor_reason)
        return facts
    facts += describe_awards(person, chain.code, range(broken_at, broken_at + 1))
    if broken_at == ev.year:
        verdict = ev.other(chain.code)
        facts.append(f"Xét {name} {ev.year}: {verdict.outcome.label}")
        facts += [c.text for c in verdict.reasons_not_met]
        earlier = merit_chain(ev, person, chain.code, ev.year - 1)
        earlier = [y for y in earlier if chain.floor is None or y > chain.floor]
        if earlier:
            facts.append(f"{name} {join_years(earlier)} không được tính vì năm {ev.year} không đạt")
    return facts


def require_chain(ev: Evaluation, person, chain: TitleChain, needed, *, key: str, text: str):
    """Met when the chain is at least ``needed`` long; unknown when the evaluation year is
    undecided and would complete it."""
    n, count = int(needed.value), len(chain.years)
    ok = met_or_unknown(count >= n and not chain.undecided, chain.undecided and count + 1 >= n)
    ev.findings.require(
        key, text, ok, needed.citation, chain_facts(ev, person, chain), needed.unsure
    )
    if ok is False:
        ev.findings.next(f"cần thêm {n - count} năm {code_label(chain.code)} liên tục")
    elif ok is None:
        ev.findings.next(f"cần xác định {code_label(chain.code)} năm {ev.year}")
    return ok


def pending_fighter_needs_initiative(ev: Evaluation, person, chain: TitleChain) -> bool:
    """Whether the evaluation year's CSTĐCS, counted in ``chain`` on eligibility alone, will
    rest on an initiative of that year (always before 2024; from 2024 unless HTXSNV)."""
    if chain.code != FIGHTER or not chain.pending:
        return False
    keys = {c.key for c in ev.other(FIGHTER).conditions}
    return "initiative" in keys or person.ratings.get(ev.year) != "HTXSNV"


def split_initiatives(ev: Evaluation, person, years, scope: str, *, reserve: bool):
    """(usable, scope unknown, consumed, reserved) initiatives of ``years``. With ``reserve``,
    the narrowest initiative of the evaluation year is kept for that year's CSTĐCS."""
    usable, unknown, consumed = usable_initiatives(
        person, years, scope, award_id=award_id_for(person, ev.code, ev.year)
    )
    reserved = None
    if reserve:
        own, _unknown, _consumed = usable_initiatives(person, [ev.year])
        if own:
            reserved = narrowest_first(own)[0]
    usable = [i for i in usable if i is not reserved]
    unknown = [i for i in unknown if i is not reserved]
    return usable, unknown, consumed, reserved


def require_initiatives(ev, person, years, scope, count, *, key, text, citation, reserve=False):
    """Met with ``count`` usable initiatives of ``scope`` or wider in ``years``; unknown when
    only initiatives whose scope was never recorded would make up the count."""
    usable, unknown, consumed, reserved = split_initiatives(
        ev, person, years, scope, reserve=reserve
    )
    ok = met_or_unknown(len(usable) >= count, len(usable) + len(unknown) >= count)
    if ok is not False:
        # Unknown (a scope never recorded makes up the count): an award decided after review
        # rests on those too.
        counted = narrowest_first(usable)[:count]
        ev.findings.rely_on(counted + unknown[: count - len(counted)])
    wanted = set(years)
    facts = (
        describe_initiatives(usable, "Sáng kiến dùng được")
        + describe_initiatives(unknown, "Sáng kiến chưa ghi nhận phạm vi ảnh hưởng")
        + describe_initiatives(consumed, "Sáng kiến đã dùng cho khen thưởng khác")
        + describe_initiatives(
            [i for i in person.initiatives if i.year in wanted and i.recognised_on is None],
            "Sáng kiến chưa được công nhận",
        )
    )
    if reserved is not None:
        facts.append(f"Sáng kiến “{reserved.title}” dành cho CSTĐCS năm {ev.year}")
    facts = facts or [f"Không có sáng kiến được công nhận trong các năm {join_years(years)}"]
    ev.findings.require(key, text, ok, citation, facts)
    if ok is False:
        missing = count - len(usable)
        amount = "" if (count, missing) == (1, 1) else f"thêm {missing} "
        ev.findings.next(f"cần {amount}sáng kiến {INITIATIVE_REACH[scope]}")
    elif ok is None:
        for initiative in unknown:
            ev.findings.next(f"cần ghi nhận phạm vi ảnh hưởng của sáng kiến “{initiative.title}”")
    return ok


def require_judgement(ev: Evaluation, key: str, text: str, citation: str) -> None:
    """A condition only people can settle: a factual pass gives NEEDS_REVIEW, never ELIGIBLE."""
    settled = all(c.check == Check.MET for c in ev.findings.conditions)
    ev.findings.add(key, text, Check.UNKNOWN, citation, [f"Do {SECTOR_COUNCIL} xem xét, lựa chọn"])
    if settled:
        ev.findings.next(f"trình {SECTOR_COUNCIL} xem xét, lựa chọn")


def vote_note(ev: Evaluation, prefix: str) -> None:
    """The sector council's vote threshold and its denominator (``<prefix>.vote_share`` and
    ``<prefix>.vote_denominator``), as a procedure note."""
    share = ev.param(f"{prefix}.vote_share")
    denominator = ev.param(f"{prefix}.vote_denominator")
    ev.findings.later(
        "vote",
        f"Được từ {float(share.value):.0%} trở lên {DENOMINATORS[str(denominator.value)]} "
        f"{SECTOR_COUNCIL} đồng ý (bỏ phiếu kín)",
        f"{share.citation}; {denominator.citation}",
        unsure=share.unsure or denominator.unsure,
    )


def public_consultation_note(ev: Evaluation, name: str) -> None:
    """Publishing the candidate for public comment, cited from parameter ``name``."""
    text = ev.param(name)
    ev.findings.later(
        "public_consultation",
        "Công khai danh sách, lấy ý kiến Nhân dân trước khi trình",
        str(text.citation),
        unsure=text.unsure,
    )


def other_paths_note(ev: Evaluation, name: str) -> None:
    """Says that the article's other paths (cited by parameter ``name``) are not checked."""
    paths = ev.param(name)
    ev.findings.later(
        "other_paths",
        "Các trường hợp khác của điều luật chưa được kiểm tra tự động; "
        "cán bộ thi đua cần đối chiếu nếu cá nhân không đạt theo các điều kiện trên",
        paths.citation,
        unsure=paths.unsure,
    )


def initiative_years(ev: Evaluation, chain: TitleChain, span: int) -> list[int]:
    """The years whose initiatives may back the award: the chain, or at least the last
    ``span`` years, never up to the chain's floor."""
    window = set(range(ev.year - span + 1, ev.year + 1)) | set(chain.years)
    return sorted(y for y in window if chain.floor is None or y > chain.floor)


def require_prerequisite(ev: Evaluation, person, code: str, citation: str) -> int | None:
    """The earliest standing merit award of ``code`` before the evaluation year that has not
    served an award of the code being considered, or None (condition not met)."""
    floor, reason = counting_floor(ev, person, since_code=ev.code)
    held = sorted(
        y
        for y in standing_award_years(person, code)
        if y < ev.year and (floor is None or y > floor)
    )
    facts = [
        f"{FULL_NAMES[code]} năm {join_years(held)}" if held else f"Chưa có {FULL_NAMES[code]}"
    ]
    facts += not_counting(person, code) + ([reason] if reason else [])
    key = f"holds_{code.lower()}"
    ev.findings.require(key, f"Đã được tặng {FULL_NAMES[code]}", bool(held), citation, facts)
    if not held:
        ev.findings.next(f"cần {FULL_NAMES[code]}")
    return held[0] if held else floor


def require_years_after(ev: Evaluation, person, since: int | None, years, minimum) -> list[int]:
    """Consecutive years up to the evaluation year, all after ``since``, rated ``minimum`` or
    better; returns them (with the evaluation year when its rating is still missing)."""
    n, label = int(years.value), RATING_LABELS[str(minimum.value)]
    run, undecided = rating_run(person, ev.year, str(minimum.value), after=since)
    facts = [f"{label}: {join_years(run)}" if run else f"Không có năm {label.lower()} liên tục"]
    before = run[0] - 1 if run else (ev.year - 1 if undecided else ev.year)
    if since is not None and before <= since:
        facts.append(f"Tính từ năm {since + 1}")
    else:
        rating = person.ratings.get(before)
        facts.append(f"Năm {before}: {RATING_LABELS[rating] if rating else 'chưa có xếp loại'}")
    if undecided:
        facts.append(f"Chưa có xếp loại năm {ev.year}")
    ok = met_or_unknown(len(run) >= n and not undecided, undecided and len(run) + 1 >= n)
    ev.findings.require(
        "years_after",
        f"Sau đó có từ {n} năm liên tục trở lên, tính đến năm {ev.year}, xếp loại từ "
        f"{label.lower()} trở lên",
        ok,
        f"{years.citation}; {minimum.citation}",
        facts,
    )
    if ok is False:
        ev.findings.next(f"cần thêm {n - len(run)} năm liên tục {label.lower()} trở lên")
    elif ok is None:
        ev.findings.next(f"cần xếp loại mức độ hoàn thành nhiệm vụ năm {ev.year}")
    return run + [ev.year] if undecided else run


def require_fighter_count(ev: Evaluation, person, period: list[int], needed) -> None:
    """Met with ``needed`` standing CSTĐCS in ``period``, the evaluation year counting when the
    person is eligible for it."""
    k = int(needed.value)
    held = [y for y in period if y in standing_award_years(person, FIGHTER)]
    pending = None
    if ev.year in period and ev.year not in held:
        pending = TO_CHECK.get(ev.other(FIGHTER).outcome)
    count = len(held) + (pending == Check.MET)
    ok = met_or_unknown(count >= k, pending == Check.UNKNOWN and count + 1 >= k)
    facts = [f"CSTĐCS {join_years(held)}" if held else "Không có CSTĐCS trong thời gian đó"]
    if pending is not None:
        state = "đủ điều kiện" if pending == Check.MET else "cần xem xét"
        facts.append(f"CSTĐCS {ev.year}: {state}")
    ev.findings.require(
        "cstdcs_count", f"Trong thời gian đó có {k} lần đạt CSTĐCS", ok, needed.citation, facts
    )
    if ok is False:
        ev.findings.next(f"cần thêm {k - count} lần CSTĐCS")


def require_excellent_year(ev: Evaluation, person, period: list[int], needed) -> None:
    """Met with ``needed`` years rated HTXSNV in ``period``."""
    k = int(needed.value)
    excellent = [y for y in period if rating_at_least(person, y, "HTXSNV")]
    undecided = ev.year in period and person.ratings.get(ev.year) is None
    ok = met_or_unknown(len(excellent) >= k, undecided and len(excellent) + 1 >= k)
    facts = [f"HTXSNV {join_years(excellent)}" if excellent else "Không có năm HTXSNV"]
    ev.findings.require(
        "excellent_year",
        f"Trong thời gian đó có ít nhất {k} năm hoàn thành xuất sắc nhiệm vụ",
        ok,
        needed.citation,
        facts,
    )
    if ok is False:
        ev.findings.next(f"cần {k - len(excellent)} năm hoàn thành xuất sắc nhiệm vụ")
