"""The officer's Excel copy of a consultation's comments (with the senders' details)."""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HEADERS = (
    "Số",
    "Nhận lúc",
    "Về người, tập thể",
    "Nội dung ý kiến",
    "Họ tên người gửi",
    "Liên hệ",
    "Kết quả xem xét",
    "Nhận xét của cán bộ",
)
WIDTHS = (7, 17, 28, 60, 22, 24, 22, 40)


def comments_workbook(consultation, comments) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Ý kiến"
    sheet.append([consultation.title])
    sheet["A1"].font = Font(bold=True)
    sheet.append(HEADERS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for comment in comments.iterator(chunk_size=500):
        about = comment.candidate.line.candidate_name if comment.candidate_id else ""
        sheet.append(
            [
                comment.pk,
                timezone.localtime(comment.received_at).strftime("%d/%m/%Y %H:%M"),
                about,
                comment.content,
                comment.author_name,
                comment.contact,
                comment.get_resolution_display() if comment.resolution else "Chưa xem xét",
                comment.resolution_note,
            ]
        )
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.data_type == "f":
                # text typed by the public is never run as a formula
                cell.data_type = "s"
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
