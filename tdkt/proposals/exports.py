"""Excel export of proposals: one row per line, with its verdict and the state of its dossier."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from tdkt.rules.verdicts import OUTCOME_LABELS, Outcome

SHEET = "DeNghi"
HEADERS = (
    "Số TT",
    "Đợt đề nghị",
    "Năm xét",
    "Đơn vị đề nghị",
    "Trạng thái đề nghị",
    "Cá nhân, tập thể được đề nghị",
    "Mã",
    "Danh hiệu, hình thức",
    "Kết quả kiểm tra điều kiện",
    "Kiểm tra lúc",
    "Hồ sơ",
    "Trạng thái dòng",
)
WIDTHS = (7, 32, 9, 30, 16, 30, 12, 36, 22, 16, 34, 20)
NO_RULE_LABEL = "Chưa có quy tắc"


def outcome_label(outcome: str) -> str:
    try:
        return OUTCOME_LABELS[Outcome(outcome)]
    except ValueError:
        return NO_RULE_LABEL


def proposals_workbook(proposals, checklists) -> bytes:
    """Title row, then one row per line of ``proposals``; a proposal without lines gets one
    row with its unit and state only."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet["A1"] = "Danh sách đề nghị khen thưởng"
    sheet["A1"].font = Font(bold=True, size=13)
    for index, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = sheet.cell(row=3, column=index, value=title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A4"
    by_proposal: dict[int, list] = {}
    for line, checklist in checklists:
        by_proposal.setdefault(line.proposal_id, []).append((line, checklist))
    row, number = 4, 0
    for proposal in proposals:
        head = [
            proposal.round.name,
            proposal.round.year,
            proposal.unit.short_name,
            proposal.get_status_display(),
        ]
        for line, checklist in by_proposal.get(proposal.pk, [(None, None)]):
            number += 1
            values = [number, *head]
            if line is None:
                values += [""] * 7
            else:
                dossier = (
                    "Đủ thành phần bắt buộc"
                    if checklist.complete
                    else "Thiếu: " + "; ".join(item.name for item in checklist.missing)
                )
                values += [
                    line.candidate_name,
                    line.award_type.code,
                    line.award_type.name,
                    outcome_label(line.outcome),
                    line.checked_at.strftime("%d/%m/%Y %H:%M") if line.checked_at else "",
                    dossier,
                    line.get_status_display(),
                ]
            for column, value in enumerate(values, start=1):
                sheet.cell(row=row, column=column, value=value)
            row += 1
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


APPRAISAL_SHEET = "ThamDinh"
APPRAISAL_HEADERS = (
    "Số TT",
    "Đợt đề nghị",
    "Đơn vị đề nghị",
    "Cá nhân, tập thể được đề nghị",
    "Mã",
    "Danh hiệu, hình thức",
    "Hạn thẩm định",
    "Ngày làm việc còn lại",
    "Quá hạn",
    "Trạng thái dòng",
    "Bước thẩm định gần nhất",
)
APPRAISAL_WIDTHS = (7, 32, 30, 30, 12, 36, 14, 12, 10, 22, 48)


def appraisal_workbook(lines, *, last_steps: dict) -> bytes:
    """One row per line of the appraisal queue; ``line.days_left`` and ``line.overdue`` set by
    the caller, ``last_steps`` maps a line's id to its latest ``LineAppraisal``."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = APPRAISAL_SHEET
    sheet["A1"] = "Danh sách dòng đề nghị – thẩm định"
    sheet["A1"].font = Font(bold=True, size=13)
    for index, (title, width) in enumerate(
        zip(APPRAISAL_HEADERS, APPRAISAL_WIDTHS, strict=True), start=1
    ):
        cell = sheet.cell(row=3, column=index, value=title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A4"
    for number, line in enumerate(lines, start=1):
        step = last_steps.get(line.pk)
        last = ""
        if step is not None:
            last = f"{step.get_action_display()} {step.at:%d/%m/%Y}"
            if step.comment:
                last = f"{last}: {step.comment}"
        values = [
            number,
            line.proposal.round.name,
            line.proposal.unit.short_name,
            line.candidate_name,
            line.award_type.code,
            line.award_type.name,
            line.proposal.round.appraisal_deadline.strftime("%d/%m/%Y"),
            line.days_left,
            "Quá hạn" if line.overdue else "",
            line.get_status_display(),
            last,
        ]
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number + 3, column=column, value=value)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
