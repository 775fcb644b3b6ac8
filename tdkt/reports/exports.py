"""Commendation records as files: a PDF from the printable page, and an Excel workbook with
one sheet per part of the record. The pages and the API download the same bytes."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tdkt.documents.pdf import render_pdf
from tdkt.reports.records import PersonRecord, UnitRecord

DATE = "DD/MM/YYYY"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
REVOKED = "Đã hủy bỏ"
STANDING = "Còn hiệu lực"
AWARD_HEADERS = (
    ("Năm", 8),
    ("Danh hiệu, hình thức", 40),
    ("Mã", 12),
    ("Loại hình", 26),
    ("Số quyết định", 22),
    ("Ngày quyết định", 14),
    ("Cơ quan quyết định", 34),
    ("Người ký", 24),
    ("Trạng thái", 28),
)


def _sheet(workbook: Workbook, title: str, headers) -> object:
    sheet = workbook.create_sheet(title)
    bold = Font(bold=True)
    for index, (header, width) in enumerate(headers, start=1):
        sheet.cell(row=1, column=index, value=header).font = bold
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def _append(sheet, values) -> None:
    """Append a row; text that looks like a formula stays text (names come from user input)."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"
        elif hasattr(cell.value, "year") and not isinstance(cell.value, int):
            cell.number_format = DATE


def _status(award) -> str:
    if not award.revoked:
        return STANDING
    when = f" ngày {award.revoked_on:%d/%m/%Y}" if award.revoked_on else ""
    reason = f": {award.revocation_reason}" if award.revocation_reason else ""
    return f"{REVOKED}{when}{reason}"


def _award_row(award, *, holder: str | None = None) -> list:
    row = [
        award.year,
        award.award_type.name,
        award.award_type.code,
        award.get_kind_display(),
        award.decision_number,
        award.decision_date,
        award.authority,
        award.signer,
        _status(award),
    ]
    return row if holder is None else [*row, holder]


def _totals_sheet(workbook: Workbook, record) -> None:
    sheet = _sheet(
        workbook,
        "TongHop",
        (("Danh hiệu, hình thức", 40), ("Số lần (không tính đã hủy)", 24), ("Các năm", 40)),
    )
    for total in record.totals:
        _append(sheet, [total.name, total.count, total.years_label])
    if record.revoked_count:
        _append(sheet, [REVOKED + " (không tính)", record.revoked_count, ""])


RESULTS = {"achieved": "Đạt", "missed": "Không đạt", "pending": "Chưa có kết quả"}


def _registrations_sheet(workbook: Workbook, record, *, with_subject: bool) -> None:
    """DangKy: one row per registered title and year, with the result; revoked titles of the
    year are named in their own column and never make a target achieved."""
    subject = (("Tập thể", 30),) if with_subject else ()
    sheet = _sheet(
        workbook,
        "DangKy",
        (
            ("Năm", 8),
            *subject,
            ("Danh hiệu đăng ký", 34),
            ("Đơn vị đăng ký", 30),
            ("Kết quả", 12),
            ("Danh hiệu được công nhận trong năm", 40),
            ("Danh hiệu đã hủy bỏ (không tính)", 34),
        ),
    )
    for year in record.registrations:
        for title in year.titles:
            _append(
                sheet,
                [
                    title.year,
                    *((title.subject,) if with_subject else ()),
                    title.name,
                    title.registered_by,
                    RESULTS[title.result],
                    ", ".join(title.granted),
                    ", ".join(title.revoked),
                ],
            )


def _used_for(initiative) -> str:
    award = initiative.used_for
    if award is None:
        return ""
    holder = f" — {award.person.full_name}" if award.person_id else ""
    return f"{award.award_type.name} {award.year}{holder}"


def _bytes(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def person_record_workbook(record: PersonRecord) -> bytes:
    """Sheets: ThongTin (who), KhenThuong (every award), SangKien, XepLoai, DangKy
    (registered titles and results), TongHop."""
    person = record.person
    workbook = Workbook()
    workbook.remove(workbook.active)
    info = _sheet(workbook, "ThongTin", (("Mục", 26), ("Nội dung", 60)))
    for label, value in (
        ("Họ và tên", person.full_name),
        ("Mã cán bộ", person.code),
        ("Ngày sinh", person.date_of_birth),
        ("Giới tính", person.get_gender_display()),
        ("Chức vụ", person.get_position_display()),
        ("Đơn vị", person.unit.full_name if person.unit else ""),
        ("Ngày tuyển dụng", person.recruitment_date),
        ("Lập ngày", record.made_on),
    ):
        _append(info, [label, value])
    awards = _sheet(workbook, "KhenThuong", AWARD_HEADERS)
    for award in record.awards:
        _append(awards, _award_row(award))
    initiatives = _sheet(
        workbook,
        "SangKien",
        (
            ("Năm", 8),
            ("Tên sáng kiến", 50),
            ("Ngày công nhận", 14),
            ("Cơ quan công nhận", 34),
            ("Phạm vi ảnh hưởng", 18),
            ("Đã dùng cho", 34),
        ),
    )
    for item in record.initiatives:
        used = f"{item.used_for.award_type.name} {item.used_for.year}" if item.used_for else ""
        _append(
            initiatives,
            [
                item.year,
                item.title,
                item.recognised_on,
                item.recognising_body,
                item.get_effect_scope_display(),
                used,
            ],
        )
    ratings = _sheet(workbook, "XepLoai", (("Năm", 8), ("Xếp loại", 50)))
    for rating in record.ratings:
        _append(ratings, [rating.year, rating.get_rating_display()])
    _registrations_sheet(workbook, record, with_subject=False)
    _totals_sheet(workbook, record)
    return _bytes(workbook)


def unit_record_workbook(record: UnitRecord) -> bytes:
    """Sheets: ThongTin, KhenThuongTapThe (with the holding unit), XepLoai, CaNhan (staff
    awards per year and type), DangKy (collective registrations and results), SangKien
    (recognised initiatives of the unit and its staff, with the award each backs), TongHop."""
    unit = record.unit
    workbook = Workbook()
    workbook.remove(workbook.active)
    info = _sheet(workbook, "ThongTin", (("Mục", 26), ("Nội dung", 70)))
    for label, value in (
        ("Tên đơn vị", unit.full_name),
        ("Mã đơn vị", unit.code),
        ("Loại đơn vị", unit.get_unit_type_display()),
        ("Hiệu lực từ", unit.valid_from),
        ("Các đơn vị tiền thân", "; ".join(u.full_name for u in record.predecessors)),
        ("Lập ngày", record.made_on),
    ):
        _append(info, [label, value])
    awards = _sheet(workbook, "KhenThuongTapThe", (*AWARD_HEADERS, ("Đơn vị được khen", 40)))
    for award in record.awards:
        _append(awards, _award_row(award, holder=award.unit.full_name))
    ratings = _sheet(workbook, "XepLoai", (("Năm", 8), ("Xếp loại", 50), ("Đơn vị", 40)))
    for rating in record.ratings:
        _append(ratings, [rating.year, rating.get_rating_display(), rating.unit.full_name])
    people = _sheet(
        workbook, "CaNhan", (("Năm", 8), *((name, 16) for _code, name in record.member_codes))
    )
    for year in record.member_years:
        _append(people, [year.year, *year.counts])
    _registrations_sheet(workbook, record, with_subject=True)
    initiatives = _sheet(
        workbook,
        "SangKien",
        (
            ("Năm", 8),
            ("Tên sáng kiến", 50),
            ("Tác giả", 40),
            ("Đơn vị", 30),
            ("Ngày công nhận", 14),
            ("Cơ quan công nhận", 34),
            ("Phạm vi ảnh hưởng", 18),
            ("Làm căn cứ cho khen thưởng", 44),
        ),
    )
    for row in record.initiatives:
        item = row.initiative
        _append(
            initiatives,
            [
                item.year,
                item.title,
                ", ".join(row.authors),
                row.unit,
                item.recognised_on,
                item.recognising_body,
                item.get_effect_scope_display(),
                _used_for(item),
            ],
        )
    _totals_sheet(workbook, record)
    return _bytes(workbook)


def record_filename(record: PersonRecord | UnitRecord, extension: str) -> str:
    """``ho-so-khen-thuong-<person or unit code>.<extension>``."""
    subject = record.person if isinstance(record, PersonRecord) else record.unit
    return f"ho-so-khen-thuong-{subject.code}.{extension}"


def person_record_pdf(record: PersonRecord) -> bytes:
    return render_pdf("reports/pdf/person_record.html", {"record": record})


def unit_record_pdf(record: UnitRecord) -> bytes:
    return render_pdf("reports/pdf/unit_record.html", {"record": record})
