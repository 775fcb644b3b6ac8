"""The Supreme Procuracy's apparatus, the high and military procuracies, and division templates.

Names follow legal-digest §9: the 27 internal units in force from 1/7/2025 (NQ 1745 of the
National Assembly Standing Committee) and the numbered departments (*Vụ 1*, *Vụ 16*, *Cục 2*…)
they replaced. Where the exact former name is not known the closest common name is used.
"""

from dataclasses import dataclass

SUPREME_DECISION = "Nghị quyết số 1745/NQ-UBTVQH15 của Ủy ban Thường vụ Quốc hội"
REFORM_DECISION = "Nghị quyết số 84/2025/UBTVQH15 ngày 27/6/2025 của Ủy ban Thường vụ Quốc hội"


@dataclass(frozen=True)
class SupremeUnit:
    code: str
    """Suffix of the unit code: ``VP`` → ``VKSNDTC-VP``."""
    name: str
    staff: int
    """Expected current staff at scale 1."""
    since_reform: bool = False
    """True when the unit begins on 1/7/2025 (it replaced earlier units)."""


CURRENT_SUPREME_UNITS: tuple[SupremeUnit, ...] = (
    SupremeUnit("UBKS", "Ủy ban Kiểm sát", 4),
    SupremeUnit("VP", "Văn phòng", 45),
    SupremeUnit("CTAN", "Vụ Công tố và Kiểm sát điều tra án an ninh", 28, True),
    SupremeUnit("CTTT", "Vụ Công tố và Kiểm sát điều tra án trật tự xã hội", 32, True),
    SupremeUnit("CTKT", "Vụ Công tố và Kiểm sát điều tra án kinh tế, tham nhũng", 38, True),
    SupremeUnit("CTMT", "Vụ Công tố và Kiểm sát điều tra án ma túy", 26, True),
    SupremeUnit("CTTP", "Vụ Công tố và Kiểm sát điều tra án tư pháp", 24, True),
    SupremeUnit("XXHS", "Vụ Công tố và Kiểm sát xét xử hình sự", 34, True),
    SupremeUnit("PTHN", "Viện Công tố và Kiểm sát xét xử phúc thẩm tại Hà Nội", 90, True),
    SupremeUnit("PTDN", "Viện Công tố và Kiểm sát xét xử phúc thẩm tại Đà Nẵng", 70, True),
    SupremeUnit("PTHCM", "Viện Công tố và Kiểm sát xét xử phúc thẩm tại TP Hồ Chí Minh", 90, True),
    SupremeUnit("CQDT", "Cơ quan điều tra", 70),
    SupremeUnit("GGTH", "Vụ Kiểm sát giam giữ và thi hành án hình sự", 26, True),
    SupremeUnit("DS", "Vụ Kiểm sát án dân sự", 30, True),
    SupremeUnit("HC", "Vụ Kiểm sát án hành chính, kinh doanh, thương mại", 26, True),
    SupremeUnit("THADS", "Vụ Kiểm sát thi hành án dân sự", 22),
    SupremeUnit("KNTC", "Vụ Kiểm sát giải quyết khiếu nại, tố cáo về tư pháp", 22, True),
    SupremeUnit("HTQT", "Vụ Hợp tác quốc tế và tương trợ tư pháp về hình sự", 22),
    SupremeUnit("PC", "Vụ Pháp chế", 20, True),
    SupremeUnit("TCCB", "Vụ Tổ chức cán bộ", 28),
    SupremeUnit("TKCD", "Cục Thống kê tội phạm và chuyển đổi số", 30, True),
    SupremeUnit("TC", "Cục Tài chính", 30, True),
    SupremeUnit("TT", "Thanh tra", 20),
    SupremeUnit("DHKS", "Trường Đại học Kiểm sát", 90),
    SupremeUnit("KHKS", "Viện Khoa học kiểm sát", 30, True),
    SupremeUnit("BVPL", "Báo Bảo vệ pháp luật", 60),
)
"""The 26 civil internal units valid today; the 27th is the central military procuracy."""

FORMER_SUPREME_UNITS: tuple[tuple[str, str], ...] = (
    ("V1", "Vụ Thực hành quyền công tố và kiểm sát điều tra án an ninh (Vụ 1)"),
    ("V2", "Vụ Thực hành quyền công tố và kiểm sát điều tra án trật tự xã hội (Vụ 2)"),
    ("V3", "Vụ Thực hành quyền công tố và kiểm sát điều tra án kinh tế (Vụ 3)"),
    ("V4", "Vụ Thực hành quyền công tố và kiểm sát điều tra án ma túy (Vụ 4)"),
    ("V5", "Vụ Thực hành quyền công tố và kiểm sát điều tra án tham nhũng, chức vụ (Vụ 5)"),
    ("V6", "Vụ Thực hành quyền công tố và kiểm sát điều tra án xâm phạm hoạt động tư pháp (Vụ 6)"),
    ("V7", "Vụ Thực hành quyền công tố và kiểm sát xét xử hình sự (Vụ 7)"),
    ("V8", "Vụ Kiểm sát tạm giữ, tạm giam và thi hành án hình sự (Vụ 8)"),
    ("V9", "Vụ Kiểm sát việc giải quyết các vụ, việc dân sự, hôn nhân và gia đình (Vụ 9)"),
    ("V10", "Vụ Kiểm sát giải quyết các vụ án hành chính, kinh doanh, thương mại (Vụ 10)"),
    ("V12", "Vụ Kiểm sát và giải quyết đơn khiếu nại, tố cáo trong hoạt động tư pháp (Vụ 12)"),
    ("V14", "Vụ Pháp chế và Quản lý khoa học (Vụ 14)"),
    ("V16", "Vụ Thi đua – Khen thưởng (Vụ 16)"),
    ("C2", "Cục Thống kê tội phạm và Công nghệ thông tin (Cục 2)"),
    ("C3", "Cục Kế hoạch – Tài chính (Cục 3)"),
    ("TCKS", "Tạp chí Kiểm sát"),
    ("TDBD", "Trường Đào tạo, bồi dưỡng nghiệp vụ kiểm sát tại TP Hồ Chí Minh"),
)
"""Internal units that existed only before 1/7/2025 (valid 1/1/2015 → 30/6/2025)."""

SUPREME_EVENTS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...] = (
    # kind, predecessors, successors, note
    ("RENAME", ("V1",), ("CTAN",), "Đổi tên Vụ 1."),
    ("RENAME", ("V2",), ("CTTT",), "Đổi tên Vụ 2."),
    ("MERGE", ("V3", "V5"), ("CTKT",), "Hợp nhất Vụ 3 và Vụ 5."),
    ("RENAME", ("V4",), ("CTMT",), "Đổi tên Vụ 4."),
    ("RENAME", ("V6",), ("CTTP",), "Đổi tên Vụ 6."),
    ("RENAME", ("V7",), ("XXHS",), "Đổi tên Vụ 7."),
    ("RENAME", ("V8",), ("GGTH",), "Đổi tên Vụ 8."),
    ("RENAME", ("V9",), ("DS",), "Đổi tên Vụ 9."),
    ("RENAME", ("V10",), ("HC",), "Đổi tên Vụ 10."),
    ("RENAME", ("V12",), ("KNTC",), "Đổi tên Vụ 12."),
    ("SPLIT", ("V14",), ("PC", "KHKS"), "Tách Vụ 14 thành Vụ Pháp chế và Viện Khoa học kiểm sát."),
    ("MERGE", ("V16",), ("VP",), "Sáp nhập Vụ Thi đua – Khen thưởng vào Văn phòng."),
    ("RENAME", ("C2",), ("TKCD",), "Đổi tên Cục 2."),
    ("RENAME", ("C3",), ("TC",), "Đổi tên Cục 3."),
    ("MERGE", ("TCKS",), ("BVPL",), "Sáp nhập Tạp chí Kiểm sát vào Báo Bảo vệ pháp luật."),
    ("MERGE", ("TDBD",), ("DHKS",), "Sáp nhập Trường Đào tạo, bồi dưỡng vào Trường Đại học."),
)
"""How the former internal units became the current ones on 1/7/2025."""

HIGH_PROCURACIES: tuple[tuple[str, str, str, str], ...] = (
    # code suffix, city, decision number suffix, successor appellate institute
    ("HN", "Hà Nội", "VC1", "PTHN"),
    ("DN", "Đà Nẵng", "VC2", "PTDN"),
    ("HCM", "TP Hồ Chí Minh", "VC3", "PTHCM"),
)
"""The three high procuracies (VKSND cấp cao), valid 1/1/2015 → 30/6/2025."""

HIGH_DIVISIONS: tuple[tuple[str, str, str], ...] = (
    ("V1", "Viện 1", "Viện Thực hành quyền công tố và kiểm sát xét xử phúc thẩm án hình sự"),
    ("V2", "Viện 2", "Viện Kiểm sát xét xử phúc thẩm án dân sự, hôn nhân và gia đình"),
    ("V3", "Viện 3", "Viện Kiểm sát xét xử phúc thẩm án hành chính, kinh doanh, thương mại"),
    ("VP", "Văn phòng", "Văn phòng"),
    ("TCCB", "Phòng Tổ chức cán bộ", "Phòng Tổ chức cán bộ"),
)

PROVINCIAL_DIVISIONS: tuple[tuple[str, str, str, float], ...] = (
    # code suffix, short name, full name, share of the division staff
    ("P01", "Phòng 1", "Phòng Thực hành quyền công tố và kiểm sát điều tra án hình sự", 0.19),
    ("P02", "Phòng 2", "Phòng Thực hành quyền công tố và kiểm sát xét xử án hình sự", 0.16),
    ("P03", "Phòng 3", "Phòng Kiểm sát tạm giữ, tạm giam và thi hành án hình sự", 0.10),
    ("P04", "Phòng 4", "Phòng Kiểm sát giải quyết các vụ án dân sự, hôn nhân và gia đình", 0.12),
    (
        "P05",
        "Phòng 5",
        "Phòng Kiểm sát giải quyết các vụ án hành chính, kinh doanh, thương mại",
        0.08,
    ),
    ("P06", "Phòng 6", "Phòng Kiểm sát thi hành án dân sự", 0.08),
    ("P07", "Phòng Tổ chức cán bộ", "Phòng Tổ chức cán bộ", 0.09),
    ("P08", "Văn phòng", "Văn phòng", 0.18),
)
"""The eight divisions given to every provincial procuracy."""

PROFESSIONAL_DIVISIONS = ("P01", "P02", "P03", "P04", "P05", "P06")
"""Divisions whose staff may have been sent to the new area procuracies in 2025."""

MILITARY_REGIONS: tuple[tuple[str, str, int], ...] = (
    # code suffix, name, military area procuracies under it
    ("QK1", "Quân khu 1", 2),
    ("QK2", "Quân khu 2", 2),
    ("QK3", "Quân khu 3", 2),
    ("QK4", "Quân khu 4", 2),
    ("QK5", "Quân khu 5", 2),
    ("QK7", "Quân khu 7", 2),
    ("QK9", "Quân khu 9", 2),
    ("THD", "Thủ đô Hà Nội", 1),
    ("HQ", "Quân chủng Hải quân", 1),
)
"""Military-region procuracies (VKS quân sự quân khu và tương đương) and their area count."""
