"""Individual higher titles and forms: Chiến sĩ thi đua ngành KSND and toàn quốc, Bằng khen of
the Prosecutor General (Viện trưởng VKSND tối cao) and of the Prime Minister, Huân chương Lao
động hạng Ba. One function per code and legal period; what counts toward them is decided in
``individual_award_checks``.
"""

import datetime as dt

from tdkt.rules.engine import Evaluation
from tdkt.rules.library.common import (
    check_employed,
    check_not_frozen,
    join_years,
    rating_run,
    standing_award_years,
)
from tdkt.rules.library.individual_award_checks import (
    FIGHTER,
    chain_facts,
    counting_floor,
    initiative_years,
    met_or_unknown,
    not_counting,
    other_paths_note,
    pending_fighter_needs_initiative,
    public_consultation_note,
    require_chain,
    require_excellent_year,
    require_fighter_count,
    require_initiatives,
    require_judgement,
    require_prerequisite,
    require_years_after,
    title_chain,
    vote_note,
)
from tdkt.rules.library.individual_titles import LAW_2003, LAW_2022
from tdkt.rules.registry import rule


def _cstd_nganh(ev: Evaluation, *, law: str, initiative_text: str) -> None:
    """Shared body of the CSTĐ ngành versions: the chain of CSTĐCS since the last CSTĐ ngành,
    a sector-wide initiative, then the council's judgement (never settled by the engine)."""
    person = ev.subject
    if not check_employed(ev, person):
        return
    check_not_frozen(ev, person.freezes)
    sector = ev.param("cstd_nganh.sector_text")
    citation = f"{law}; {sector.value}"
    needed = ev.param("cstd_nganh.cstdcs_years")
    chain = title_chain(ev, person, FIGHTER, since_code="CSTD_NGANH")
    require_chain(
        ev,
        person,
        chain,
        needed,
        key="cstdcs_chain",
        text=f"{needed.value} lần liên tục đạt CSTĐCS, lần thứ {needed.value} là năm {ev.year}",
    )
    scope = ev.param("cstd_nganh.initiative_scope")
    years = initiative_years(ev, chain, int(needed.value))
    require_initiatives(
        ev,
        person,
        years,
        str(scope.value),
        1,
        key="initiative",
        text=f"{initiative_text} trong các năm {join_years(years)}, chưa dùng cho khen thưởng khác",
        citation=scope.citation,
        reserve=pending_fighter_needs_initiative(ev, person, chain),
    )
    require_judgement(
        ev,
        "outstanding",
        f"Có thành tích tiêu biểu xuất sắc, được lựa chọn trong số những cá nhân "
        f"{needed.value} lần liên tục đạt CSTĐCS",
        citation,
    )
    vote_note(ev, "cstd_nganh")
    ev.findings.later(
        "sector_text",
        f"Đối chiếu tiêu chuẩn của ngành: {sector.value}",
        sector.citation,
        unsure=sector.unsure,
    )


@rule(
    "CSTD_NGANH",
    effective=dt.date(2015, 1, 1),
    title="Chiến sĩ thi đua ngành KSND — Luật TĐKT 2003, Thông tư 01/2019/TT-VKSTC",
    basis=f"Điều 22 {LAW_2003}; khoản 2 Điều 9 NĐ 91/2017/NĐ-CP; "
    "khoản 1 Điều 16 Thông tư 01/2019/TT-VKSTC",
)
def cstd_nganh_2015(ev: Evaluation) -> None:
    """Có thành tích tiêu biểu xuất sắc trong số những cá nhân 3 lần liên tục đạt Chiến sĩ thi
    đua cơ sở (năm xét là năm đạt lần thứ ba); có sáng kiến, đề tài được Viện trưởng VKSND tối
    cao công nhận hoặc đề án được nghiệm thu, áp dụng, có phạm vi ảnh hưởng toàn ngành, chưa
    dùng cho khen thưởng khác; được từ 90% trở lên tổng số thành viên Hội đồng Thi đua – Khen
    thưởng ngành đồng ý; không hạn chế số lượng."""
    _cstd_nganh(
        ev,
        law=f"Điều 22 {LAW_2003}; khoản 2 Điều 9 NĐ 91/2017/NĐ-CP",
        initiative_text="Có sáng kiến, đề tài được Viện trưởng VKSND tối cao công nhận hoặc đề "
        "án được nghiệm thu, áp dụng, có phạm vi ảnh hưởng toàn ngành",
    )


@rule(
    "CSTD_NGANH",
    effective=dt.date(2024, 1, 1),
    title="Chiến sĩ thi đua ngành KSND — Luật 06/2022/QH15",
    basis=f"Điều 22 {LAW_2022}; khoản 1 Điều 16 Thông tư 01/2019/TT-VKSTC đến 30/9/2024; "
    "Thông tư 02/2024/TT-VKSTC từ 1/10/2024 (chưa xác định điều)",
)
def cstd_nganh_2024(ev: Evaluation) -> None:
    """Có thành tích tiêu biểu xuất sắc, được lựa chọn trong số những cá nhân 3 lần liên tục
    đạt Chiến sĩ thi đua cơ sở (danh hiệu đạt trước 2024 vẫn được tính); có sáng kiến (hoặc đề
    tài, đề án khoa học) được áp dụng hiệu quả, có khả năng nhân rộng trong toàn ngành, chưa
    dùng cho khen thưởng khác. Điều khoản của Thông tư 02/2024/TT-VKSTC chưa được đối chiếu;
    tỷ lệ phiếu 90% từ 1/10/2024 là giá trị chưa chắc chắn."""
    _cstd_nganh(
        ev,
        law=f"Điều 22 {LAW_2022}",
        initiative_text="Có sáng kiến (hoặc đề tài, đề án khoa học) được áp dụng hiệu quả, có "
        "khả năng nhân rộng trong toàn ngành",
    )


def _nganh_run(person, held: list[int]) -> list[int]:
    """The latest titles of ``held`` (CSTĐ ngành years) that follow each other: CSTĐCS was
    awarded in every year between two of them."""
    if not held:
        return []
    fighters = standing_award_years(person, FIGHTER)
    run = [held[-1]]
    for year in reversed(held[:-1]):
        if not all(y in fighters for y in range(year + 1, run[0] + 1)):
            break
        run.insert(0, year)
    return run


def _require_nganh_run(ev: Evaluation, person) -> list[int]:
    """Two consecutive CSTĐ ngành after the last CSTĐ toàn quốc and discipline period, the
    second one recent enough (the year after it at the latest); returns the run found."""
    times = ev.param("cstd_tq.nganh_times")
    window = ev.param("cstd_tq.years_after_last_nganh")
    floor, reason = counting_floor(ev, person, since_code="CSTD_TQ")
    held = sorted(
        y
        for y in standing_award_years(person, "CSTD_NGANH")
        if y <= ev.year and (floor is None or y > floor)
    )
    run = _nganh_run(person, held)
    recent = bool(held) and held[-1] >= ev.year - int(window.value)
    enough = len(run) >= int(times.value)
    facts = [f"CSTĐ ngành {join_years(held)}" if held else "Chưa có CSTĐ ngành được tính"]
    if len(run) > 1:
        facts.append(f"Liên tục: {join_years(run)} (CSTĐCS {run[0] + 1}–{run[-1]} không gián đoạn)")
    if len(held) > len(run):
        before, fighters = held[-len(run) - 1], standing_award_years(person, FIGHTER)
        missing = [y for y in range(before + 1, run[0] + 1) if y not in fighters]
        facts.append(
            f"CSTĐ ngành {before} và {run[0]} không liên tục: thiếu CSTĐCS {join_years(missing)}"
        )
    if held:
        timing = "đúng" if recent else "quá"
        facts.append(f"Lần gần nhất năm {held[-1]}: {timing} thời điểm xét (năm liền kề)")
    facts += not_counting(person, "CSTD_NGANH") + ([reason] if reason else [])
    ev.findings.require(
        "nganh_chain",
        f"{times.value} lần liên tục đạt CSTĐ ngành, lần gần nhất không quá {window.value} năm "
        f"trước năm {ev.year}",
        enough and recent,
        f"{times.citation}; {window.citation}",
        facts,
        unsure=times.unsure or window.unsure,
    )
    if not enough:
        ev.findings.next(f"cần thêm {int(times.value) - len(run)} lần CSTĐ ngành liên tục")
    elif not recent:
        ev.findings.next("đã quá thời điểm xét; cần đạt lại CSTĐ ngành liên tục")
    return run


def _cstd_tq(ev: Evaluation, *, law: str, consultation: bool) -> None:
    """Shared body of the CSTĐ toàn quốc versions; the initiative may come from any year of the
    two CSTĐ ngành cycles up to the evaluation year."""
    person = ev.subject
    if not check_employed(ev, person):
        return
    check_not_frozen(ev, person.freezes)
    run = _require_nganh_run(ev, person)
    span = int(ev.param("cstd_nganh.cstdcs_years").value)
    first = run[0] - span + 1 if run else ev.year - 2 * span + 1
    floor, _reason = counting_floor(ev, person, since_code="CSTD_TQ")
    years = [y for y in range(first, ev.year + 1) if floor is None or y > floor]
    scope = ev.param("cstd_tq.initiative_scope")
    require_initiatives(
        ev,
        person,
        years,
        str(scope.value),
        1,
        key="initiative",
        text=f"Có sáng kiến (hoặc đề tài, đề án khoa học) áp dụng hiệu quả, có phạm vi ảnh hưởng "
        f"toàn quốc trong các năm {join_years(years)}, chưa dùng cho khen thưởng khác",
        citation=scope.citation,
    )
    require_judgement(
        ev,
        "most_outstanding",
        "Có thành tích tiêu biểu xuất sắc nhất, được lựa chọn trong số những cá nhân 2 lần liên "
        "tục đạt CSTĐ ngành",
        law,
    )
    vote_note(ev, "cstd_tq")
    if consultation:
        public_consultation_note(ev, "public_consultation.citation")


@rule(
    "CSTD_TQ",
    effective=dt.date(2015, 1, 1),
    title="Chiến sĩ thi đua toàn quốc — Luật TĐKT 2003, Nghị định 91/2017",
    basis=f"Điều 21 {LAW_2003}; khoản 1 Điều 9, khoản 8 Điều 45, Điều 48 NĐ 91/2017/NĐ-CP",
)
def cstd_tq_2015(ev: Evaluation) -> None:
    """Có thành tích tiêu biểu xuất sắc nhất trong số những cá nhân 2 lần liên tục đạt Chiến sĩ
    thi đua ngành (các năm CSTĐCS giữa hai lần không gián đoạn), xét vào năm liền kề lần thứ
    hai; có sáng kiến, đề tài có phạm vi ảnh hưởng toàn quốc, chưa dùng cho khen thưởng khác;
    được từ 90% trở lên tổng số thành viên Hội đồng Thi đua – Khen thưởng ngành đồng ý."""
    _cstd_tq(ev, law=f"Điều 21 {LAW_2003}; khoản 1 Điều 9 NĐ 91/2017/NĐ-CP", consultation=False)


@rule(
    "CSTD_TQ",
    effective=dt.date(2024, 1, 1),
    title="Chiến sĩ thi đua toàn quốc — Luật 06/2022/QH15",
    basis=f"Điều 21 {LAW_2022}; khoản 2 Điều 46 NĐ 98/2023/NĐ-CP (từ 1/7/2025: khoản 2 Điều 44 "
    "NĐ 152/2025/NĐ-CP); Thông tư 02/2024/TT-VKSTC (Viện trưởng VKSND tối cao đề nghị)",
)
def cstd_tq_2024(ev: Evaluation) -> None:
    """Có thành tích tiêu biểu xuất sắc nhất, được lựa chọn trong số những cá nhân 2 lần liên
    tục đạt Chiến sĩ thi đua ngành (danh hiệu đạt trước 2024 vẫn được tính); có sáng kiến (hoặc
    đề tài, đề án khoa học) áp dụng hiệu quả, có khả năng nhân rộng trong toàn quốc, chưa dùng
    cho khen thưởng khác. Danh sách được công khai lấy ý kiến Nhân dân; tỷ lệ phiếu 90% tổng số
    thành viên Hội đồng là giá trị chưa chắc chắn."""
    _cstd_tq(ev, law=f"Điều 21 {LAW_2022}", consultation=True)


def _excellent_facts(ev: Evaluation, years: list[int], undecided: bool) -> list[str]:
    together = " liên tiếp" if len(years) > 1 else ""
    facts = [f"HTXSNV {join_years(years)}{together}" if years else f"Năm {ev.year} chưa HTXSNV"]
    if undecided:
        facts.append(f"Chưa có xếp loại năm {ev.year}")
    return facts


def _require_certificate_period(ev: Evaluation, person, chain) -> list[int]:
    """2 consecutive CSTĐCS (``chain``) or ≥2 consecutive years HTXSNV up to the evaluation
    year, after the last certificate and discipline period; returns the years of the period
    (the longer of the two, with the window of the last 2 years)."""
    needed = ev.param("bk_nganh.consecutive_years")
    n = int(needed.value)
    excellent, undecided = rating_run(person, ev.year, "HTXSNV", after=chain.floor)
    ok = met_or_unknown(
        (len(chain.years) >= n and not chain.undecided) or (len(excellent) >= n and not undecided),
        (chain.undecided and len(chain.years) + 1 >= n) or (undecided and len(excellent) + 1 >= n),
    )
    ev.findings.require(
        "period",
        f"{n} lần liên tục đạt CSTĐCS, hoặc {n} năm trở lên liên tục hoàn thành xuất sắc nhiệm "
        f"vụ, tính đến năm {ev.year}",
        ok,
        needed.citation,
        chain_facts(ev, person, chain) + _excellent_facts(ev, excellent, undecided),
    )
    if ok is False:
        best = max(len(chain.years), len(excellent))
        ev.findings.next(f"cần thêm {n - best} năm CSTĐCS hoặc HTXSNV liên tục")
    elif ok is None:
        ev.findings.next(f"cần xếp loại mức độ hoàn thành nhiệm vụ năm {ev.year}")
    return sorted(set(initiative_years(ev, chain, n)) | set(excellent))


@rule(
    "BK_NGANH",
    effective=dt.date(2024, 1, 1),
    title="Bằng khen của Viện trưởng VKSND tối cao — Luật 06/2022/QH15",
    basis=f"Điểm d khoản 1 Điều 74 {LAW_2022}; Thông tư 02/2024/TT-VKSTC (chưa xác định điều)",
)
def bk_nganh_2024(ev: Evaluation) -> None:
    """2 lần liên tục đạt Chiến sĩ thi đua cơ sở, hoặc 2 năm trở lên liên tục hoàn thành xuất
    sắc nhiệm vụ, tính đến năm xét (sau lần Bằng khen trước, nếu có); trong thời gian đó có 2
    sáng kiến được công nhận, áp dụng ở cơ sở, chưa dùng cho khen thưởng khác (kể cả cho các
    danh hiệu CSTĐCS). Các trường hợp khác của khoản 1 Điều 74 chưa được kiểm tra tự động."""
    person = ev.subject
    if not check_employed(ev, person):
        return
    check_not_frozen(ev, person.freezes)
    chain = title_chain(ev, person, FIGHTER, since_code="BK_NGANH")
    period = _require_certificate_period(ev, person, chain)
    count = ev.param("bk_nganh.initiatives")
    require_initiatives(
        ev,
        person,
        period,
        "CO_SO",
        int(count.value),
        key="initiatives",
        text=f"Trong thời gian đó ({join_years(period)}) có {count.value} sáng kiến được công "
        "nhận, áp dụng ở cơ sở, chưa dùng cho khen thưởng khác (kể cả CSTĐCS)",
        citation=count.citation,
        reserve=pending_fighter_needs_initiative(ev, person, chain),
    )
    other_paths_note(ev, "bk_nganh.other_paths")


def _bk_ttg(ev: Evaluation, *, law: str) -> None:
    """Shared body of the Bằng khen Thủ tướng versions; the parameters say which rating each
    year needs and how many initiatives and CSTĐCS the period needs (0: not required)."""
    person = ev.subject
    if not check_employed(ev, person):
        return
    check_not_frozen(ev, person.freezes)
    since = require_prerequisite(ev, person, "BK_NGANH", law)
    years, minimum = ev.param("bk_ttg.years_after_bk"), ev.param("bk_ttg.min_rating")
    period = require_years_after(ev, person, since, years, minimum)
    initiatives, fighters = ev.param("bk_ttg.initiatives"), ev.param("bk_ttg.cstdcs_count")
    if int(initiatives.value):
        require_initiatives(
            ev,
            person,
            period,
            "CO_SO",
            int(initiatives.value),
            key="initiatives",
            text=f"Trong thời gian đó có {initiatives.value} sáng kiến được công nhận, áp dụng ở "
            "cơ sở, chưa dùng cho khen thưởng khác",
            citation=initiatives.citation,
        )
    if int(fighters.value):
        require_fighter_count(ev, person, period, fighters)
    other_paths_note(ev, "bk_ttg.other_paths")


@rule(
    "BK_TTG",
    effective=dt.date(2015, 1, 1),
    title="Bằng khen của Thủ tướng Chính phủ — Nghị định 91/2017",
    basis=f"{LAW_2003}; điểm c khoản 1 Điều 38 NĐ 91/2017/NĐ-CP",
)
def bk_ttg_2015(ev: Evaluation) -> None:
    """Đã được Bằng khen của Viện trưởng VKSND tối cao, sau đó có 5 năm liên tục trở lên hoàn
    thành xuất sắc nhiệm vụ tính đến năm đề nghị, trong thời gian đó có 5 sáng kiến được công
    nhận, áp dụng ở cơ sở, chưa dùng cho khen thưởng khác. Các trường hợp khác của khoản 1 Điều
    38 (phong trào thi đua, thành tích có phạm vi ảnh hưởng) chưa được kiểm tra tự động."""
    _bk_ttg(ev, law="Điểm c khoản 1 Điều 38 NĐ 91/2017/NĐ-CP")


@rule(
    "BK_TTG",
    effective=dt.date(2024, 1, 1),
    title="Bằng khen của Thủ tướng Chính phủ — Luật 06/2022/QH15",
    basis=f"Điểm b khoản 1 Điều 73 {LAW_2022}; Điều 42 NĐ 152/2025/NĐ-CP (hồ sơ)",
)
def bk_ttg_2024(ev: Evaluation) -> None:
    """Đã được Bằng khen của Viện trưởng VKSND tối cao, sau đó có 5 năm liên tục trở lên tính
    đến năm đề nghị hoàn thành tốt nhiệm vụ trở lên, trong thời gian đó có 3 lần đạt Chiến sĩ
    thi đua cơ sở (danh hiệu đạt trước 2024 vẫn được tính). Các trường hợp khác của khoản 1
    Điều 73 chưa được kiểm tra tự động."""
    _bk_ttg(ev, law=f"Điểm b khoản 1 Điều 73 {LAW_2022}")


@rule(
    "HCLD3",
    effective=dt.date(2024, 1, 1),
    title="Huân chương Lao động hạng Ba — Luật 06/2022/QH15",
    basis=f"Điểm e khoản 1 Điều 44 {LAW_2022}; khoản 2 Điều 46 NĐ 98/2023/NĐ-CP (từ 1/7/2025: "
    "khoản 2 Điều 44 NĐ 152/2025/NĐ-CP)",
)
def hcld3_2024(ev: Evaluation) -> None:
    """Đã được Bằng khen của Thủ tướng Chính phủ, sau đó có 5 năm liên tục trở lên tính đến
    năm đề nghị hoàn thành tốt nhiệm vụ trở lên, trong thời gian đó có ít nhất 1 năm hoàn thành
    xuất sắc nhiệm vụ và 3 lần đạt Chiến sĩ thi đua cơ sở. Các trường hợp khác của khoản 1 Điều
    44 và khen thưởng quá trình cống hiến chưa được kiểm tra tự động."""
    person = ev.subject
    if not check_employed(ev, person):
        return
    check_not_frozen(ev, person.freezes)
    since = require_prerequisite(ev, person, "BK_TTG", f"Điểm e khoản 1 Điều 44 {LAW_2022}")
    years, minimum = ev.param("hcld3.years_after_bk_ttg"), ev.param("hcld3.min_rating")
    period = require_years_after(ev, person, since, years, minimum)
    require_excellent_year(ev, person, period, ev.param("hcld3.excellent_years"))
    require_fighter_count(ev, person, period, ev.param("hcld3.cstdcs_count"))
    public_consultation_note(ev, "hcld3.public_consultation")
    other_paths_note(ev, "hcld3.other_paths")
