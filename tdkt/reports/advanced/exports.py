"""The list of advanced models as an Excel workbook."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

HEADERS = (
    ("Năm", 8),
    ("Tên điển hình", 40),
    ("Cá nhân, tập thể", 34),
    ("Đơn vị quản lý", 34),
    ("Tỉnh, thành phố", 22),
    ("Nguồn phát hiện", 22),
    ("Thành tích, lý do", 60),
    ("Số bài viết", 12),
    ("Số đơn vị nhân rộng", 14),
    ("Công khai", 10),
)


def _text(value):
    """User text never becomes a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def models_workbook(models) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "DienHinh"
    for index, (header, width) in enumerate(HEADERS, start=1):
        sheet.cell(row=1, column=index, value=header).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    for model in models:
        sheet.append(
            [
                model.year,
                _text(model.title),
                _text(model.subject_name),
                model.owner_unit.full_name,
                model.province.short_name if model.province else "Trung ương, quân sự",
                model.get_source_kind_display(),
                _text(model.reason),
                model.story_count,
                model.adoption_count,
                "Có" if model.published else "Không",
            ]
        )
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
