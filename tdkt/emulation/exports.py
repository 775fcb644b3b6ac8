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


STATUS_LABELS = {
    "achieved": "Đạt",
    "missed": "Chưa đạt",
    "unregistered": "Không đăng ký",
}


def comparison_workbook(rows, year: int, names: dict[str, str]) -> bytes:
    """Registration against result: a summary per unit (with the sector total) and every line."""
    workbook = Workbook()
    summary = _sheet(
        workbook.active,
        "Tổng hợp",
        ["Đơn vị", "Số danh hiệu đăng ký", "Đạt", "Chưa đạt", "Khen thưởng không đăng ký"],
    )
    for row in rows:
        summary.append(
            [row.registration.unit.short_name, row.registered, row.achieved,
             row.registered - row.achieved, row.unregistered]
        )  # fmt: skip
    total = [sum(r.registered for r in rows), sum(r.achieved for r in rows)]
    summary.append(
        [f"Toàn ngành (trong phạm vi) năm {year}", total[0], total[1], total[0] - total[1],
         sum(r.unregistered for r in rows)]
    )  # fmt: skip
    for cell in summary[summary.max_row]:
        cell.font = BOLD
    detail = _sheet(
        workbook.create_sheet(),
        "Chi tiết",
        ["Đơn vị đăng ký", "Cá nhân, tập thể", "Đơn vị", "Danh hiệu đăng ký", "Được khen thưởng",
         "Kết quả"],
    )  # fmt: skip
    for row in rows:
        for line in row.lines:
            detail.append(
                [row.registration.unit.short_name, line.subject, line.unit,
                 names.get(line.registered, line.registered),
                 ", ".join(names.get(c, c) for c in line.granted.split(", ") if c),
                 STATUS_LABELS[line.status]]
            )  # fmt: skip
    for sheet, widths in ((summary, (40, 20, 10, 10, 26)), (detail, (30, 30, 30, 34, 34, 16))):
        for column, width in zip("ABCDEF", widths, strict=False):
            sheet.column_dimensions[column].width = width
    return _save(workbook)


def registration_workbook(registration, unit_rows, person_rows, names: dict[str, str]) -> bytes:
    """A unit's registration: its collectives and its staff with their target titles and the
    early warnings, as officers send it upward."""
    workbook = Workbook()
    collectives = _sheet(workbook.active, "Tập thể", ["Tập thể", "Danh hiệu đăng ký", "Cảnh báo"])
    for row in unit_rows:
        if row.code:
            collectives.append(
                [row.subject.short_name, names.get(row.code, row.code), "; ".join(row.warnings)]
            )
    persons = _sheet(
        workbook.create_sheet(),
        "Cá nhân",
        ["Mã cán bộ", "Họ và tên", "Đơn vị", "Danh hiệu đăng ký", "Cảnh báo"],
    )
    for row in person_rows:
        if row.code:
            person = row.subject
            persons.append(
                [person.code, person.full_name, person.unit.short_name,
                 names.get(row.code, row.code), "; ".join(row.warnings)]
            )  # fmt: skip
    for sheet, widths in ((collectives, (36, 40, 60)), (persons, (12, 30, 30, 40, 60))):
        for column, width in zip("ABCDE", widths, strict=False):
            sheet.column_dimensions[column].width = width
    return _save(workbook)
