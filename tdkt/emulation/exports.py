"""Excel exports of the emulation app (openpyxl)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from tdkt.emulation.models import MemberRole

BOLD = Font(bold=True)


def _sheet(sheet, title: str, headers: list[str]):
    """Title ``sheet``, write a bold, frozen header row."""
    sheet.title = title
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = BOLD
    sheet.freeze_panes = "A2"
    return sheet


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def clusters_workbook(clusters) -> bytes:
    """One row per member of each cluster: year, kind, cluster, organiser, unit, role."""
    workbook = Workbook()
    sheet = _sheet(
        workbook.active,
        "Cụm, khối",
        ["Năm", "Loại", "Cụm, khối", "Đơn vị tổ chức", "Mã đơn vị", "Đơn vị thành viên",
         "Vai trò", "Ngày bầu", "Minh họa"],
    )  # fmt: skip
    order = {MemberRole.HEAD: 0, MemberRole.DEPUTY: 1, MemberRole.MEMBER: 2}
    for cluster in clusters:
        members = sorted(cluster.members.all(), key=lambda m: (order[m.role], m.unit.code))
        for member in members:
            sheet.append(
                [
                    cluster.year,
                    cluster.get_kind_display(),
                    cluster.name,
                    cluster.organiser.short_name,
                    member.unit.code,
                    member.unit.short_name,
                    member.get_role_display(),
                    member.elected_on,
                    "Có" if cluster.synthetic else "",
                ]
            )
            if member.elected_on:
                sheet.cell(sheet.max_row, 8).number_format = "DD/MM/YYYY"
    for column, width in zip("ABCDEFGHI", (7, 14, 28, 28, 14, 40, 24, 12, 9), strict=True):
        sheet.column_dimensions[column].width = width
    return _save(workbook)
