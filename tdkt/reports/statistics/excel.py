"""Excel workbooks of the statistics (one sheet per table) and of the drill-down lists."""

import io
import re

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from tdkt.reports.statistics.figures import Statistics

BOLD = Font(bold=True)
INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(title: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    base = INVALID_SHEET_CHARS.sub("-", title)[:31]
    name, n = base, 2
    while name in used:
        name = f"{base[:28]} ({n})"
        n += 1
    used.add(name)
    return name


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _scope_line(stats: Statistics) -> str:
    scope = stats.scope
    unit = scope.unit.full_name if scope.unit else _("toàn bộ phạm vi của người lập")
    return _("Từ năm %(a)s đến năm %(b)s – %(unit)s") % {
        "a": scope.year_from, "b": scope.year_to, "unit": unit,
    }  # fmt: skip


def statistics_workbook(stats: Statistics) -> bytes:
    """A summary sheet, then one sheet per table with its title, scope, headings and note."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Tổng hợp")
    s = stats.summary
    summary.append([_("Thống kê thi đua, khen thưởng")])
    summary["A1"].font = BOLD
    summary.append([_scope_line(stats)])
    for label, value in (
        (_("Số khen thưởng (không tính khen thưởng đã hủy bỏ)"), s.awards),
        (_("Trong đó cá nhân"), s.persons),
        (_("Khen thưởng đã hủy bỏ, không tính"), s.revoked_left_out),
        (_("Tổng tiền thưởng (đồng)"), s.money),
        (_("Khen thưởng chưa có số tiền thưởng"), s.unpriced),
    ):
        summary.append([label, value])
    summary.column_dimensions["A"].width = 55
    used = {summary.title}
    for table in stats.tables:
        sheet = workbook.create_sheet(_sheet_title(table.title, used))
        sheet.append([table.title])
        sheet["A1"].font = BOLD
        sheet.append([_scope_line(stats)])
        sheet.append([""] + [str(c) for c in table.columns])
        for cell in sheet[3]:
            cell.font = BOLD
        for row in table.all_rows:
            sheet.append([row.label] + [c.value for c in row.cells])
        if table.note:
            sheet.append([])
            sheet.append([table.note])
        sheet.column_dimensions["A"].width = 60
    return _save(workbook)


def award_list_workbook(awards) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Khen thưởng"))
    sheet.append([_("Năm"), _("Mã"), _("Danh hiệu, hình thức"), _("Loại hình"), _("Cá nhân"),
                  _("Tập thể"), _("Đơn vị khi khen thưởng"), _("Số quyết định"),
                  _("Ngày quyết định"), _("Cơ quan quyết định"),
                  _("Tiền thưởng (đồng)")])  # fmt: skip
    for a in awards.iterator(chunk_size=2000):
        sheet.append([
            a.year, a.award_type.code, a.award_type.name, a.get_kind_display(),
            a.person.full_name if a.person_id else "", a.unit.short_name if a.unit_id else "",
            a.holder_unit.short_name, a.decision_number, a.decision_date, a.authority, a.money,
        ])  # fmt: skip
    return _save(workbook)


def line_list_workbook(lines) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Dòng đề nghị"))
    sheet.append([_("Năm"), _("Đợt"), _("Đơn vị đề nghị"), _("Đối tượng"), _("Mã"),
                  _("Danh hiệu, hình thức"), _("Trạng thái")])  # fmt: skip
    for line in lines.iterator(chunk_size=2000):
        sheet.append([
            line.year, line.proposal.round.name, line.proposal.unit.short_name,
            line.candidate_name, line.award_type.code, line.award_type.name,
            line.get_status_display(),
        ])  # fmt: skip
    return _save(workbook)
