"""The statistics forms carry the wording of the published templates of Circular 02/2023/TT-BNV
(docs/official-forms.md says where it was taken from): titles, form numbers, column headings,
column numbers, row labels, codes and units of measure are written out below as literals, not
read from ``layouts.py``, so an edit there that breaks the official wording fails here. Each file
is also read a second time with the standard library alone (zip + XML), as any other
spreadsheet reader would, and must show the same cells as openpyxl."""

import datetime as dt
from io import BytesIO

import pytest
from openpyxl import load_workbook

from tdkt.reports.official_forms.report import official_form
from tdkt.reports.tests.official_forms_reading import read_package

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)

EACH = "(Mỗi hình thức khen thưởng ghi riêng một cột)"
MINISTRY_AND_PROVINCE = "bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương"
SUBJECT_ROWS = [
    ("- Tập thể", "Tập thể"),
    ("Trong đó: Doanh nghiệp", "Doanh nghiệp"),
    ("- Hộ gia đình", "Hộ"),
    ("- Cá nhân", "Người"),
    ("+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên", "Người"),
    ("+ Lãnh đạo cấp vụ, sở, ngành và tương đương", "Người"),
    ("+ Doanh nhân", "Người"),
    ("+ Các cấp lãnh đạo khác từ phó phòng trở lên", "Người"),
    (
        "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu "
        "(công nhân, nông dân, …)",
        "Người",
    ),
]
METHOD_ROWS = [
    "- Thường xuyên",
    "- Chuyên đề",
    "- Đột xuất",
    "- Đối ngoại",
    "- Cống hiến",
    "- Niên hạn",
    "- Kháng chiến",
]


def _codes(labels, first, width=2, skip=()):
    """Number the rows that are not sections (sections are given as ``("1. …", None)``)."""
    out, number = [], first
    for label, measure in labels:
        if measure is None:
            out.append((label, "", ""))
            continue
        while number in skip:
            number += 1
        out.append((label, f"{number:0{width}d}", measure))
        number += 1
    return out


OFFICIAL = {
    "0601": {
        "title": "SỐ PHONG TRÀO THI ĐUA",
        "headings": [
            ["Mã số", "Tổng số", "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua"],
            [
                "Cấp Trung ương (Hội đồng Thi đua – Khen thưởng Trung ương)",
                "Cấp bộ, ban, ngành, đoàn thể trung ương, tỉnh, thành phố trực thuộc Trung ương",
                "Cơ quan, tổ chức, đơn vị",
            ],
        ],
        "numbers": ["A", "B", "1=(2+3+4)", "2", "3", "4"],
        "rows": _codes(
            [
                ("Tổng số", ""),
                ("1. Chia theo phạm vi tổ chức thi đua", None),
                ("- Toàn quốc", ""),
                ("- Bộ, ban, ngành, đoàn thể, địa phương", ""),
                ("- Cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng các cấp tổ chức", ""),
                ("- Cơ quan, tổ chức, đơn vị", ""),
                ("2. Chia theo thời hạn thi đua", None),
                ("- Dưới 1 năm", ""),
                ("- 1 năm", ""),
                ("- Từ 1 năm đến dưới 3 năm", ""),
                ("- Từ 3 năm đến dưới 5 năm", ""),
                ("- Từ 5 năm trở lên", ""),
                ("3. Chia theo phương thức tổ chức phong trào thi đua", None),
                ("- Thi đua theo chuyên đề", ""),
                ("- Thi đua thường xuyên hàng năm", ""),
            ],
            1,
        ),
        "measure_column": False,
        "extra": ["Đơn vị tính: Phong trào"],
    },
    "0602": {
        "title": "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
        "headings": [
            ["Mã số", "Đơn vị tính", "Tổng số", "Chia ra"],
            [
                f"Các loại huân chương, huy chương {EACH}",
                "Giải thưởng Hồ Chí Minh",
                "Giải thưởng Nhà nước",
                f"Danh hiệu vinh dự nhà nước {EACH}",
                "Cờ thi đua của Chính phủ",
                "Bằng khen của Thủ tướng Chính phủ",
                "Danh hiệu “Chiến sĩ thi đua Toàn quốc”",
                f"Các hình thức khen thưởng khác {EACH}",
            ],
            [
                "Huân chương Độc lập hạng Nhất",
                "Huân chương Độc lập hạng Nhì",
                "Huân chương Độc lập hạng Ba",
                "Huân chương Lao động hạng Nhất",
                "Huân chương Lao động hạng Nhì",
                "Huân chương Lao động hạng Ba",
                "Huy chương",
                "Bà mẹ Việt Nam anh hùng",
                "Anh hùng lực lượng vũ trang",
                "Anh hùng Lao động",
                "Nhà giáo ưu tú",
            ],
            ["Tập thể", "Cá nhân"] * 7
            + ["Cá nhân", "Cá nhân"]
            + ["Cá nhân", "Tập thể", "Cá nhân", "Tập thể", "Cá nhân", "Cá nhân"]
            + ["Tập thể", "Tập thể", "Cá nhân", "Cá nhân", "Tập thể", "Cá nhân"],
        ],
        "numbers": ["A", "B", "C", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        "rows": _codes(
            [
                ("Tổng số", ""),
                ("1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng", None),
                ("- Bộ, ban, ngành, đoàn thể Trung ương", "Bộ, ngành"),
                ("- Tỉnh, thành phố trực thuộc Trung ương", "Tỉnh, TP"),
                ("2. Chia theo đối tượng khen thưởng", None),
                *SUBJECT_ROWS,
                ("3. Chia theo phương thức khen thưởng", None),
                *[(label, "") for label in METHOD_ROWS],
            ],
            1,
            width=1,
            skip=(4, 5),
        ),
        "measure_column": True,
    },
    "0603": {
        "title": (
            "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ "
            "TRỰC THUỘC TRUNG ƯƠNG"
        ),
        "headings": [
            ["Mã số", "Đơn vị tính", "Tổng số", "Chia ra"],
            [
                "Bằng khen",
                "Chiến sĩ thi đua cấp bộ, cấp tỉnh",
                f"Cờ thi đua của {MINISTRY_AND_PROVINCE}",
                f"Huy hiệu (kỷ niệm chương) của {MINISTRY_AND_PROVINCE}",
            ],
        ],
        "numbers": ["A", "B", "C", "1", "2", "3", "4", "5"],
        "rows": _codes(
            [
                ("Tổng số", ""),
                ("1. Chia theo đối tượng khen thưởng", None),
                *SUBJECT_ROWS,
                ("2. Chia theo phương thức khen thưởng", None),
                *[(label, "") for label in METHOD_ROWS],
            ],
            1,
        ),
        "measure_column": True,
    },
    "0604": {
        "title": (
            "SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ "
            "TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
        ),
        "headings": [["Mã số", "Đơn vị tính", "Số lượng"]],
        "numbers": ["A", "B", "C", "1"],
        "rows": _codes(
            [
                ("Tổng số", "Tổ chức"),
                ("Chia theo cơ cấu tổ chức bộ máy", None),
                ("- Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương", "Vụ"),
                ("- Cấp phòng, ban hoặc bộ phận thuộc Vụ", "Phòng"),
                ("- Cấp ban thuộc Sở Nội vụ", "Ban"),
                ("- Cấp phòng thuộc Sở Nội vụ", "Phòng"),
            ],
            1,
        ),
        "measure_column": True,
    },
    "0605": {
        "title": (
            "SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ "
            "TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
        ),
        "headings": [["Mã số", "Số lượng (Người)"], ["Tổng số", "Trong đó: Nữ"]],
        "numbers": ["A", "B", "1", "2"],
        "rows": _codes(
            [
                ("Tổng số", ""),
                ("1. Chia theo độ tuổi", None),
                ("- Từ 30 trở xuống", ""),
                ("- Từ 31 đến 40", ""),
                ("- Từ 41 đến 50", ""),
                ("- Từ 51 đến 55", ""),
                ("- Từ 56 đến 60", ""),
                ("- Trên 60 tuổi", ""),
                ("2. Chia theo trình độ đào tạo", None),
                ("- Sơ cấp", ""),
                ("- Trung cấp", ""),
                ("- Cao đẳng", ""),
                ("- Đại học", ""),
                ("- Trên đại học", ""),
                ("3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng", None),
                ("- Dưới 5 năm", ""),
                ("- Từ 5 đến 10 năm", ""),
                ("- Từ 10 năm trở lên", ""),
            ],
            1,
        ),
        "measure_column": False,
    },
}


def _form(users, org, code):
    return official_form(
        user=users["sector"], code=code, year=2024, unit_id=org.hanoi.pk, today=TODAY
    ).content


def _filled(values) -> list:
    return [v for v in values if v not in (None, "")]


@pytest.mark.parametrize("code", list(OFFICIAL))
def test_each_form_carries_the_official_wording(users, org, code):
    """Given a form drawn for Hà Nội, then its form number, title, heading rows, column numbers
    and table rows (label, code, unit of measure) are those of the published template."""
    official = OFFICIAL[code]
    sheet = load_workbook(BytesIO(_form(users, org, code))).active
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert f"Biểu số {code}.N/BNV-TĐKT" in texts
    assert official["title"] in texts
    for text in official.get("extra", []):
        assert text in texts
    head = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "Mã số")
    numbers = next(r for r in range(head, sheet.max_row + 1) if sheet.cell(r, 1).value == "A")
    width = sheet.max_column
    band = [
        _filled(sheet.cell(r, c).value for c in range(1, width + 1)) for r in range(head, numbers)
    ]
    assert band == official["headings"]
    assert _filled(sheet.cell(numbers, c).value for c in range(1, width + 1)) == official["numbers"]
    table = []
    for offset in range(1, len(official["rows"]) + 1):
        r = numbers + offset
        measure = (sheet.cell(r, 3).value or "") if official["measure_column"] else ""
        table.append((sheet.cell(r, 1).value, sheet.cell(r, 2).value or "", measure))
    assert table == official["rows"]
    after = sheet.cell(numbers + len(official["rows"]) + 1, 2).value
    assert after in (None, ""), "the table has rows the template does not have"


@pytest.mark.parametrize("code", list(OFFICIAL))
def test_each_file_reads_the_same_without_openpyxl(users, org, code):
    """Given a form's file, when it is read as a plain Office Open XML package (zip + XML, the
    standard library only), then the package is well formed and shows the very cells, merged
    ranges and sheet size openpyxl shows, the official title and headings among its strings."""
    content = _form(users, org, code)
    package = read_package(content)
    sheet = load_workbook(BytesIO(content)).active
    assert package.sheet_name == sheet.title == f"Bieu {code}.N"
    assert package.dimension == sheet.dimensions
    expected = {
        (c.row, c.column): c.value for row in sheet.iter_rows() for c in row if c.value is not None
    }
    assert package.cells == expected
    assert sorted(package.merged) == sorted(str(m) for m in sheet.merged_cells.ranges)
    strings = set(package.strings)
    official = OFFICIAL[code]
    assert {official["title"], f"Biểu số {code}.N/BNV-TĐKT"} <= strings
    assert {h for row in official["headings"] for h in row} <= strings
