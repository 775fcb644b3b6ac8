"""Collective emulation titles: Tập thể lao động tiên tiến, Tập thể lao động xuất sắc, Cờ thi
đua ngành Kiểm sát nhân dân and Cờ thi đua của Chính phủ.

Every rule reads a ``UnitHistory``. A fact that was never recorded (the unit's own rating, its
members' results, the cluster's choice of leading unit) gives an unknown condition, so the
verdict asks for review instead of saying "not eligible". Comparative judgements the law leaves
to the councils ("most outstanding", "exceeded the targets", "a new model") are unknown
conditions too. Qualitative criteria settled at the unit's own review meeting (regular emulation,
solidarity) and council votes are procedure notes: shown, not judged.
"""

import datetime as dt

from tdkt.rules.engine import Evaluation
from tdkt.rules.library.collective_checks import (
    check_advanced,
    check_cluster_leader,
    check_completed,
    check_exceeded_targets,
    check_fighters,
    check_no_warned,
    check_title_same_day,
    check_unit_rating,
    check_unit_type,
    judgement,
    later_cluster_vote,
    later_movement,
    member_stats,
    percent,
    share_value,
)
from tdkt.rules.library.common import check_not_frozen, describe_awards
from tdkt.rules.registry import UNIT, rule

LAW_2003 = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013)"
LAW_2022 = "Luật Thi đua, khen thưởng 06/2022/QH15"
TT_2019 = "Thông tư 01/2019/TT-VKSTC"
TT_2024 = "Thông tư 02/2024/TT-VKSTC"


def _ttldtt(ev: Evaluation, citation: str) -> None:
    check_not_frozen(ev, ev.subject.freezes)
    stats = member_stats(ev)
    check_unit_rating(ev, "ttldtt.min_rating")
    check_advanced(ev, stats, "ttldtt.advanced_share_above", strict=True)
    check_no_warned(ev, stats, "ttldtt.no_warned_members")
    later_movement(ev, citation)


@rule(
    "TTLDTT",
    effective=dt.date(2015, 1, 1),
    title="Tập thể lao động tiên tiến — Luật TĐKT 2003",
    basis=f"Điều 28 {LAW_2003}; {TT_2019}",
    subject=UNIT,
)
def ttldtt_2015(ev: Evaluation) -> None:
    """Tập thể hoàn thành tốt nhiệm vụ và kế hoạch được giao; trên 50% thành viên đạt Lao động
    tiên tiến; không có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên; phong trào thi đua
    thường xuyên, nội bộ đoàn kết; không đang bị tạm dừng xét khen thưởng."""
    _ttldtt(ev, f"Điều 28 {LAW_2003}")


@rule(
    "TTLDTT",
    effective=dt.date(2024, 1, 1),
    title="Tập thể lao động tiên tiến — Luật 06/2022/QH15",
    basis=f"Điều 28 {LAW_2022} (chưa đối chiếu được toàn văn); Nghị định 98/2023/NĐ-CP",
    subject=UNIT,
)
def ttldtt_2024(ev: Evaluation) -> None:
    """Chưa đối chiếu được toàn văn Điều 28 Luật 06/2022/QH15, nên tạm áp dụng tiêu chuẩn cũ:
    hoàn thành tốt nhiệm vụ, trên 50% thành viên đạt Lao động tiên tiến, phong trào thi đua
    thường xuyên, nội bộ đoàn kết. Điều kiện "không có thành viên bị kỷ luật từ cảnh cáo trở
    lên" có thể đã bị bỏ như với Tập thể lao động xuất sắc: đơn vị có thành viên như vậy thì
    cần xem xét."""
    _ttldtt(ev, f"Điều 28 {LAW_2022}")


def _ttldxs(ev: Evaluation, citation: str, *, among_ttldtt: bool, sector_quota: bool) -> None:
    check_not_frozen(ev, ev.subject.freezes)
    stats = member_stats(ev)
    check_unit_rating(ev, "ttldxs.min_rating")
    check_completed(ev, stats)
    check_advanced(ev, stats, "ttldxs.advanced_share_at_least", strict=False)
    check_fighters(ev, stats)
    check_no_warned(ev, stats, "ttldxs.no_warned_members")
    if among_ttldtt:
        check_title_same_day(
            ev, "TTLDTT", "Được lựa chọn trong số tập thể đạt Tập thể lao động tiên tiến", citation
        )
    later_movement(ev, citation)
    if sector_quota:
        share = ev.param("ttldxs.quota_share_of_ttldtt")
        minimum = ev.param("ttldxs.quota_minimum")
        limit = percent(share_value(share.value))
        ev.findings.later(
            "quota",
            f"Số Tập thể lao động xuất sắc của đơn vị không quá {limit} số tập thể đạt Tập thể "
            f"lao động tiên tiến, tối thiểu {minimum.value} (kiểm tra theo đơn vị)",
            share.citation,
        )


@rule(
    "TTLDXS",
    effective=dt.date(2015, 1, 1),
    title="Tập thể lao động xuất sắc — Luật TĐKT 2003",
    basis=f"Điều 27 {LAW_2003}; {TT_2019}",
    subject=UNIT,
)
def ttldxs_2015(ev: Evaluation) -> None:
    """Được chọn trong số tập thể đạt Tập thể lao động tiên tiến; hoàn thành xuất sắc nhiệm vụ;
    100% thành viên hoàn thành nhiệm vụ, ít nhất 70% đạt Lao động tiên tiến; có thành viên đạt
    Chiến sĩ thi đua cơ sở; không có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên."""
    _ttldxs(ev, f"Điều 27 {LAW_2003}", among_ttldtt=True, sector_quota=False)


@rule(
    "TTLDXS",
    effective=dt.date(2024, 1, 1),
    title="Tập thể lao động xuất sắc — Luật 06/2022/QH15, Thông tư 01/2019/TT-VKSTC",
    basis=f"Điều 27 {LAW_2022}; Nghị định 98/2023/NĐ-CP; {TT_2019} (đến 30/9/2024)",
    subject=UNIT,
)
def ttldxs_2024(ev: Evaluation) -> None:
    """Hoàn thành xuất sắc nhiệm vụ; 100% thành viên hoàn thành nhiệm vụ, ít nhất 70% đạt Lao
    động tiên tiến; có thành viên đạt Chiến sĩ thi đua cơ sở (Điều 27 Luật 06/2022/QH15). Luật
    mới bỏ điều kiện về kỷ luật và việc chọn trong số Tập thể lao động tiên tiến."""
    _ttldxs(ev, f"Điều 27 {LAW_2022}", among_ttldtt=False, sector_quota=False)


@rule(
    "TTLDXS",
    effective=dt.date(2024, 10, 1),
    title="Tập thể lao động xuất sắc — Luật 06/2022/QH15, Thông tư 02/2024/TT-VKSTC",
    basis=f"Điều 27 {LAW_2022}; Điều 18 {TT_2024}",
    subject=UNIT,
)
def ttldxs_2024_10(ev: Evaluation) -> None:
    """Tiêu chuẩn của Điều 27 Luật 06/2022/QH15; với ngành KSND, hoàn thành xuất sắc nhiệm vụ
    là vượt các chỉ tiêu, nhiệm vụ của chương trình, kế hoạch năm được phê duyệt. Số Tập thể lao
    động xuất sắc không quá 20% số Tập thể lao động tiên tiến, tối thiểu 01 (kiểm tra theo đơn
    vị, Điều 18 Thông tư 02/2024/TT-VKSTC)."""
    _ttldxs(ev, f"Điều 27 {LAW_2022}; Điều 18 {TT_2024}", among_ttldtt=False, sector_quota=True)


def _co_nganh_2019(ev: Evaluation, citation: str) -> None:
    check_not_frozen(ev, ev.subject.freezes)
    check_unit_type(ev)
    check_title_same_day(
        ev, "TTLDXS", "Được lựa chọn trong số tập thể đạt Tập thể lao động xuất sắc", citation
    )
    check_exceeded_targets(ev, citation)
    judgement(
        ev,
        "new_model",
        "Có nhân tố mới, mô hình mới để các tập thể khác học tập; thực hành tiết kiệm, chống lãng "
        "phí, chống tham nhũng",
        citation,
    )
    later_cluster_vote(ev)


@rule(
    "CO_NGANH",
    effective=dt.date(2015, 1, 1),
    title="Cờ thi đua ngành Kiểm sát nhân dân — Thông tư 01/2019/TT-VKSTC",
    basis=f"Điều 20 {TT_2019}; {LAW_2003}",
    subject=UNIT,
)
def co_nganh_2015(ev: Evaluation) -> None:
    """Đơn vị thuộc VKSND tối cao, VKSND cấp cao, VKSND cấp tỉnh, được chọn trong số tập thể đạt
    Tập thể lao động xuất sắc; hoàn thành vượt mức chỉ tiêu, có nhân tố mới, mô hình mới, thực
    hành tiết kiệm, chống tham nhũng (Hội đồng nhận định); được từ 80% thành viên cụm, khối thi
    đua đồng ý."""
    _co_nganh_2019(ev, f"Điều 20 {TT_2019}")


@rule(
    "CO_NGANH",
    effective=dt.date(2024, 1, 1),
    title="Cờ thi đua ngành Kiểm sát nhân dân — Luật 06/2022/QH15, Thông tư 01/2019/TT-VKSTC",
    basis=f"Điều 26 {LAW_2022}; Nghị định 98/2023/NĐ-CP; Điều 20 {TT_2019} (đến 30/9/2024)",
    subject=UNIT,
)
def co_nganh_2024(ev: Evaluation) -> None:
    """Từ 1/1/2024 đến 30/9/2024 ngành vẫn áp dụng Điều 20 Thông tư 01/2019/TT-VKSTC trên nền
    Luật 06/2022/QH15: được chọn trong số tập thể đạt Tập thể lao động xuất sắc (theo tiêu chuẩn
    mới), hoàn thành vượt mức chỉ tiêu, có mô hình mới (Hội đồng nhận định), được từ 80% thành
    viên cụm, khối thi đua đồng ý."""
    _co_nganh_2019(ev, f"Điều 20 {TT_2019}; Điều 26 {LAW_2022}")


@rule(
    "CO_NGANH",
    effective=dt.date(2024, 10, 1),
    title="Cờ thi đua ngành Kiểm sát nhân dân — Thông tư 02/2024/TT-VKSTC",
    basis=f"Điều 26 {LAW_2022}; Điều 17 {TT_2024}",
    subject=UNIT,
)
def co_nganh_2024_10(ev: Evaluation) -> None:
    """Tặng hằng năm cho tập thể dẫn đầu cụm, khối thi đua do ngành tổ chức, đạt tiêu chuẩn Tập
    thể lao động xuất sắc, tiêu biểu trong toàn ngành (Điều 17 Thông tư 02/2024/TT-VKSTC). Chưa
    rõ Thông tư còn giữ tỷ lệ 80% phiếu của cụm, khối hay không."""
    citation = f"Điều 17 {TT_2024}"
    check_not_frozen(ev, ev.subject.freezes)
    check_cluster_leader(ev, f"Là tập thể dẫn đầu cụm, khối thi đua năm {ev.year}", citation)
    check_title_same_day(ev, "TTLDXS", "Đạt tiêu chuẩn Tập thể lao động xuất sắc", citation)
    ev.findings.later(
        "exemplary",
        "Tiêu biểu, xuất sắc trong toàn ngành; vượt chỉ tiêu, đổi mới cách tổ chức phong trào "
        "thi đua, nhân rộng điển hình (Hội đồng Thi đua – Khen thưởng ngành thẩm định)",
        citation,
    )
    later_cluster_vote(ev)


def _co_cp_facts(ev: Evaluation) -> list[str]:
    """What the digest records about Government flags: they go to units that also lead the
    sector's movement, so the sector flag of the year is shown as context, not required."""
    return describe_awards(ev.subject, "CO_NGANH", range(ev.year, ev.year + 1))


@rule(
    "CO_CP",
    effective=dt.date(2015, 1, 1),
    title="Cờ thi đua của Chính phủ — Luật TĐKT 2003, Nghị định 91/2017",
    basis=f"Điều 25 {LAW_2003}; Điều 11 Nghị định 91/2017/NĐ-CP",
    subject=UNIT,
)
def co_cp_2015(ev: Evaluation) -> None:
    """Hoàn thành vượt mức các chỉ tiêu, nhiệm vụ; là tập thể tiêu biểu xuất sắc nhất trong
    phong trào thi đua của ngành; nội bộ đoàn kết, thực hành tiết kiệm, chống tham nhũng (Hội
    đồng nhận định). Viện trưởng VKSND tối cao đề nghị Chính phủ tặng."""
    citation = f"Điều 25 {LAW_2003}; Điều 11 NĐ 91/2017/NĐ-CP"
    check_not_frozen(ev, ev.subject.freezes)
    check_exceeded_targets(ev, citation)
    judgement(
        ev,
        "most_outstanding",
        "Là tập thể tiêu biểu xuất sắc nhất trong phong trào thi đua của ngành",
        citation,
        _co_cp_facts(ev),
    )
    judgement(
        ev,
        "integrity",
        "Nội bộ đoàn kết; đi đầu thực hành tiết kiệm, chống lãng phí, chống tham nhũng",
        citation,
    )


@rule(
    "CO_CP",
    effective=dt.date(2024, 1, 1),
    title="Cờ thi đua của Chính phủ — Luật 06/2022/QH15",
    basis=f"Điều 25 {LAW_2022}; Nghị định 98/2023/NĐ-CP; {TT_2024}",
    subject=UNIT,
)
def co_cp_2024(ev: Evaluation) -> None:
    """Tặng hằng năm cho tập thể tiêu biểu xuất sắc nhất trong số các tập thể dẫn đầu cụm, khối
    thi đua, đã hoàn thành vượt mức chỉ tiêu, nhiệm vụ; nội bộ đoàn kết, tổ chức đảng trong
    sạch, vững mạnh, đi đầu thực hành tiết kiệm, chống lãng phí, chống tham nhũng (khoản 1 Điều
    25 Luật 06/2022/QH15). Viện trưởng VKSND tối cao đề nghị Chính phủ tặng."""
    citation = f"Khoản 1 Điều 25 {LAW_2022}"
    check_not_frozen(ev, ev.subject.freezes)
    check_cluster_leader(
        ev, f"Nằm trong số tập thể dẫn đầu cụm, khối thi đua năm {ev.year}", citation
    )
    check_exceeded_targets(ev, citation)
    judgement(
        ev,
        "most_outstanding",
        "Tiêu biểu xuất sắc nhất trong số các tập thể dẫn đầu cụm, khối thi đua",
        citation,
        _co_cp_facts(ev),
    )
    judgement(
        ev,
        "integrity",
        "Nội bộ đoàn kết, tổ chức đảng trong sạch, vững mạnh; đi đầu thực hành tiết kiệm, chống "
        "lãng phí, chống tham nhũng",
        citation,
    )
    ev.findings.later(
        "other_paths",
        "Khoản 2, 3 Điều 25: tập thể dẫn đầu cụm, khối do Hội đồng Thi đua – Khen thưởng Trung "
        "ương tổ chức, hoặc dẫn đầu phong trào thi đua do Thủ tướng phát động từ 5 năm trở lên "
        "(xét riêng)",
        f"Khoản 2, 3 Điều 25 {LAW_2022}",
    )
