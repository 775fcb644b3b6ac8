"""Excel exports: a cluster's ranking and a scorecard with its review, as .xlsx files."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

RANKING_SHEET = "XepHang"
SCORECARD_SHEET = "PhieuCham"
RANKING_HEADERS = (
    "Hạng",
    "Mã đơn vị",
    "Đơn vị",
    "Điểm tự chấm",
    "Điểm sau thẩm định",
    "Điểm thưởng",
    "Điểm trừ",
    "Số tiêu chí đạt tối đa",
    "Xếp loại",
    "Trạng thái phiếu",
)
SCORECARD_HEADERS = (
    "Số TT",
    "Tiêu chí",
    "Loại",
    "Điểm tối đa",
    "Tự chấm",
    "Giải trình",
    "Sau thẩm định",
    "Chênh lệch lớn",
)


def _header(sheet, row: int, headers, widths) -> None:
    for index, (title, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=row, column=index, value=title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{row + 1}"


def _save(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ranking_workbook(cluster, ranking) -> bytes:
    """Title rows, then one row per scorecard in ranking order (drafts last, unranked)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = RANKING_SHEET
    sheet["A1"] = f"Kết quả chấm điểm, xếp hạng {cluster.get_kind_display().lower()}: {cluster}"
    sheet["A1"].font = Font(bold=True, size=13)
    state = getattr(cluster, "scoring_review", None)
    sheet["A2"] = (
        "Kết quả chính thức (đã kết thúc thẩm định)"
        if state and state.is_closed
        else "Kết quả tạm tính (chưa kết thúc thẩm định)"
    )
    _header(sheet, 4, RANKING_HEADERS, (7, 14, 40, 14, 16, 12, 10, 14, 14, 16))
    for result in ranking:
        card = result.scorecard
        sheet.append(
            [
                result.rank,
                card.unit.code,
                card.unit.full_name,
                float(result.self_totals.total),
                float(result.final_totals.total),
                float(result.final_totals.bonus),
                float(result.final_totals.deduction),
                result.at_maximum,
                result.band,
                card.get_status_display(),
            ]
        )
    return _save(workbook)


def scorecard_workbook(result) -> bytes:
    """One scorecard: each criterion with the self score, explanation, final points."""
    card = result.scorecard
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SCORECARD_SHEET
    sheet["A1"] = f"Phiếu tự chấm điểm: {card.unit.full_name} – {card.cluster}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = f"Bảng tiêu chí: {card.table}"
    _header(sheet, 4, SCORECARD_HEADERS, (8, 60, 16, 12, 10, 40, 14, 14))
    notes = {e.criterion_id: e.note for e in card.entries.all()}
    for line in result.lines:
        criterion = line.criterion
        sheet.append(
            [
                criterion.code,
                criterion.title,
                criterion.get_kind_display(),
                float(
                    -criterion.max_points if criterion.kind == "DEDUCTION" else criterion.max_points
                ),
                float(line.self_points),
                notes.get(criterion.pk, ""),
                float(line.final),
                "Có" if line.flagged else "",
            ]
        )
    sheet.append([])
    sheet.append(["", "Tổng điểm tự chấm", "", "", float(result.self_totals.total)])
    sheet.append(["", "Tổng điểm sau thẩm định", "", "", "", "", float(result.final_totals.total)])
    sheet.append(["", "Xếp loại", "", "", "", "", result.band])
    return _save(workbook)
