"""Draw a statistics form as an Excel workbook in the official layout.

The sheet has the reporting unit's heading on the left and the national heading on the right,
the form number with its circular and due date, the title and period, the table with its
merged column headings and column numbers, the figures, a note on the cells to fill in by hand,
and the signature block. It prints on A4 landscape, fitted to the page width, with the table
headings repeated on every page.
"""

import datetime as dt
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from tdkt.org.models import Unit
from tdkt.reports.official_forms.figures import Figures
from tdkt.reports.official_forms.layouts import CIRCULAR, DUE, Column

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập – Tự do – Hạnh phúc"
RECEIVER = "Đơn vị nhận báo cáo: Bộ Nội vụ (Ban Thi đua – Khen thưởng Trung ương)"
MANUAL_NOTE = (
    "Ô tô màu: nhập thủ công (số liệu không có trong hệ thống); khi nhập, cộng thêm vào ô "
    "tổng số tương ứng."
)
MANUAL_FILL = PatternFill("solid", fgColor="FFF2CC")
FONT = "Times New Roman"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _font(**kwargs) -> Font:
    return Font(name=FONT, size=kwargs.pop("size", 12), **kwargs)


def place_of(unit: Unit, ancestors: list[Unit]) -> str:
    """The place written before the date: the province of a provincial-level unit or of its
    subunits, Hà Nội for the Supreme Procuracy and its units."""
    for candidate in [unit, *reversed(ancestors)]:
        if candidate.unit_type == "PROVINCIAL":
            name = candidate.short_name
            for prefix in ("VKSND thành phố ", "VKSND tỉnh ", "VKSND TP ", "VKSND "):
                if name.startswith(prefix):
                    return name[len(prefix) :]
            return name
    return "Hà Nội"


class _Sheet:
    def __init__(self, sheet, width: int):
        self.sheet = sheet
        self.width = width
        self.row = 1

    def cell(self, row, column, value, *, font=None, align=None, box=False, fill=None):
        cell = self.sheet.cell(row=row, column=column, value=value)
        cell.font = font or _font()
        cell.alignment = align or CENTRE
        if box:
            cell.border = BOX
        if fill is not None:
            cell.fill = fill
        return cell

    def merge(self, row1, col1, row2, col2):
        if (row1, col1) != (row2, col2):
            self.sheet.merge_cells(start_row=row1, start_column=col1, end_row=row2, end_column=col2)

    def line(self, text, *, font=None, align=None, height=None):
        """A full-width line of text."""
        self.cell(self.row, 1, text, font=font, align=align or CENTRE)
        self.merge(self.row, 1, self.row, self.width)
        if height:
            self.sheet.row_dimensions[self.row].height = height
        self.row += 1

    def pair(self, left, right, *, left_font=None, right_font=None, split=None):
        """Two blocks side by side: the left ~45% and the right the rest of the width."""
        split = split or max(2, self.width * 45 // 100)
        self.cell(self.row, 1, left, font=left_font)
        self.merge(self.row, 1, self.row, split)
        self.cell(self.row, split + 1, right, font=right_font)
        self.merge(self.row, split + 1, self.row, self.width)
        self.row += 1


def _place_columns(columns, first_col: int, top: int, depth: int, put) -> None:
    """Place a heading tree over ``depth`` rows: the leaves all sit on the last row, a leaf
    spans down from its parent, and a parent with a shallower subtree than its neighbours
    spans down so that its own children reach the last row (as the published forms do)."""
    col = first_col
    for column in columns:
        span = len(column.leaves())
        bottom = top + depth - column.depth()
        put(top, col, bottom, col + span - 1, column)
        if column.children:
            _place_columns(column.children, col, bottom + 1, depth - (bottom - top + 1), put)
        col += span


def form_workbook(
    figures: Figures, *, unit: Unit, ancestors: list[Unit], year: int, made_on: dt.date
) -> bytes:
    """The form filled with ``figures`` for ``unit`` and ``year``, as .xlsx bytes."""
    layout = figures.layout
    leaves = layout.leaves()
    fixed = 3 if layout.measure_column else 2
    width = fixed + len(leaves)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Bieu {layout.code}.N"
    out = _Sheet(sheet, width)
    bold = _font(bold=True)

    parent = ancestors[-1] if ancestors else None
    out.pair(
        (parent.full_name.upper() if parent else ""),
        NATIONAL,
        left_font=_font(),
        right_font=bold,
    )
    out.pair(unit.full_name.upper(), MOTTO, left_font=bold, right_font=bold)
    out.row += 1
    out.pair(layout.form_number, f"Đơn vị báo cáo: {unit.full_name}", left_font=bold)
    out.pair(CIRCULAR, RECEIVER, left_font=_font(italic=True, size=11))
    out.pair(DUE, "", left_font=_font(italic=True, size=11))
    out.row += 1
    out.line(layout.title, font=_font(bold=True, size=14), height=36)
    out.line(f"Năm {year}", font=bold)
    out.line(
        f"(Số liệu từ ngày 01/01/{year} đến ngày 31/12/{year}; {layout.subtitle.lower()})",
        font=_font(italic=True, size=11),
    )
    if layout.measure_note:
        out.cell(out.row, width - 1, layout.measure_note, font=_font(italic=True), align=LEFT)
        out.merge(out.row, width - 1, out.row, width)
        out.row += 1
    out.row += 1

    # Table headings.
    depth = layout.header_depth()
    head = out.row
    titles = ["", "Mã số"] + (["Đơn vị tính"] if layout.measure_column else [])
    for index, title in enumerate(titles, start=1):
        out.cell(head, index, title, font=bold, box=True)
        out.merge(head, index, head + depth - 1, index)

    def put(r1, c1, r2, c2, column: Column):
        out.cell(r1, c1, column.label, font=bold, box=True)
        out.merge(r1, c1, r2, c2)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                sheet.cell(row=r, column=c).border = BOX

    _place_columns(layout.columns, fixed + 1, head, depth, put)
    for r in range(head, head + depth):
        sheet.row_dimensions[r].height = 48
    numbers = head + depth
    letters = ["A", "B", "C"][:fixed]
    for index, label in enumerate(letters, start=1):
        out.cell(numbers, index, label, font=bold, box=True)
    for first, span, label in layout.column_numbers():
        out.cell(numbers, fixed + first + 1, label, font=bold, box=True)
        out.merge(numbers, fixed + first + 1, numbers, fixed + first + span)
        for index in range(first + 1, first + span + 1):
            sheet.cell(row=numbers, column=fixed + index).border = BOX
    sheet.print_title_rows = f"{head}:{numbers}"

    # Figures.
    row_number = numbers + 1
    manual_seen = False
    for row in layout.rows:
        font = bold if (row.section or row.total) else _font()
        label_align = Alignment(
            horizontal="left", vertical="center", wrap_text=True, indent=row.indent * 2
        )
        out.cell(row_number, 1, row.label, font=font, align=label_align, box=True)
        out.cell(row_number, 2, row.code, font=font, box=True)
        if layout.measure_column:
            out.cell(row_number, 3, row.measure, font=font, box=True)
        for index, leaf in enumerate(leaves, start=1):
            column = fixed + index
            if row.section:
                out.cell(row_number, column, None, box=True)
                continue
            value = figures.value(row.key, leaf.key)
            fill = None
            if value is None:
                fill = MANUAL_FILL
                manual_seen = True
            out.cell(row_number, column, value, font=font, box=True, fill=fill)
        row_number += 1

    out.row = row_number + 1
    notes = ([MANUAL_NOTE] if manual_seen else []) + list(layout.notes)
    for note in notes:
        out.cell(out.row, 1, f"Ghi chú: {note}", font=_font(italic=True, size=11), align=LEFT)
        out.merge(out.row, 1, out.row, width)
        sheet.row_dimensions[out.row].height = 30
        if note == MANUAL_NOTE:
            sheet.cell(row=out.row, column=1).fill = MANUAL_FILL
        out.row += 1
    out.row += 1
    date_line = (
        f"{place_of(unit, ancestors)}, ngày {made_on.day:02d} tháng {made_on.month:02d} "
        f"năm {made_on.year}"
    )
    out.pair("", date_line, right_font=_font(italic=True))
    out.pair("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", left_font=bold, right_font=bold)
    out.pair(
        "(Ký, ghi rõ họ tên)",
        "(Ký, đóng dấu, ghi rõ họ tên)",
        left_font=_font(italic=True),
        right_font=_font(italic=True),
    )

    sheet.column_dimensions["A"].width = 46
    sheet.column_dimensions["B"].width = 7
    if layout.measure_column:
        sheet.column_dimensions["C"].width = 11
    for index in range(fixed + 1, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 11 if len(leaves) > 8 else 16
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    workbook.properties.title = f"{layout.form_number} – {layout.title}"
    workbook.properties.creator = "TĐKT"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
