"""Excel export of decisions: one row per decision, with its awards and money."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

SHEET = "QuyetDinh"
HEADERS = (
    "Số TT",
    "Số quyết định",
    "Ngày ký",
    "Người ký",
    "Chức vụ người ký",
    "Cơ quan quyết định",
    "Loại hình",
    "Trích yếu",
    "Đợt đề nghị",
    "Số khen thưởng",
    "Tiền thưởng (đồng)",
    "Hiệu lực",
)
WIDTHS = (7, 20, 12, 24, 20, 36, 22, 44, 30, 12, 16, 24)


def decisions_workbook(decisions) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet["A1"] = "Danh sách quyết định khen thưởng"
    sheet["A1"].font = Font(bold=True, size=13)
    for index, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = sheet.cell(row=3, column=index, value=title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A4"
    for number, decision in enumerate(decisions, start=1):
        validity = (
            f"Đã hủy bỏ ngày {decision.revoked_on:%d/%m/%Y}: {decision.revocation_reason}"
            if decision.revoked
            else "Còn hiệu lực"
        )
        sheet.append(
            [
                number,
                decision.number,
                decision.signed_on,
                decision.signer,
                decision.signer_title,
                decision.authority,
                decision.get_kind_display(),
                decision.summary,
                decision.round.name if decision.round_id else "",
                decision.award_count,
                int(decision.money_total) if decision.money_total is not None else None,
                validity,
            ]
        )
        sheet.cell(row=sheet.max_row, column=3).number_format = "DD/MM/YYYY"
        sheet.cell(row=sheet.max_row, column=11).number_format = "#,##0"
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
