"""The results of a tallied meeting as an Excel workbook (totals only, never ballots)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from tdkt.council import selectors

HEADERS = [
    "STT",
    "Đối tượng",
    "Đơn vị đề nghị",
    "Mã",
    "Danh hiệu, hình thức",
    "Đồng ý",
    "Không đồng ý",
    "Không biểu quyết",
    "Không bỏ phiếu",
    "Cách tính",
    "Tham số chưa chắc chắn",
    "Kết quả",
]


def results_workbook(meeting) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kết quả"
    sheet.append([f"{meeting.council} – phiên họp ngày {meeting.date:%d/%m/%Y}"])
    sheet.append(HEADERS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for item in selectors.agenda_of(meeting):
        sheet.append(
            [
                item.position,
                item.line.candidate_name,
                item.line.proposal.unit.short_name,
                item.line.award_type.code,
                item.line.award_type.name,
                item.agree,
                item.disagree,
                item.abstain,
                item.not_voted,
                item.computation,
                "Có" if item.unsure else "",
                "Đạt" if item.passed else "Không đạt",
            ]
        )
    for column, width in zip(
        "ABCDEFGHIJKL", (6, 28, 28, 12, 36, 9, 9, 9, 9, 40, 10, 12), strict=True
    ):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
