"""Build the Word templates of decisions with python-docx, in the Decree 30/2020 layout.

A4, Times New Roman 13 pt (14 pt titles), margins top 20 mm, bottom 20 mm, left 30 mm, right
15 mm, the national heading beside the issuing body. The generated ``.docx`` files are
committed; officers may edit them in Word and replace them from the UI (Danh mục → Mẫu văn
bản) as long as the ``{{ … }}`` and ``{%tr … %}`` tags stay. Rebuild with
``uv run --frozen python tdkt/awards/templates_docx/build_templates.py``.
"""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"


def _document():
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(3)
    for name in ("Table Grid",):
        document.styles[name].font.name = FONT
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    return document


def _run(paragraph, text, *, bold=False, italic=False, size=13):
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    run.font.name = FONT
    return run


def _heading(document, issuer_upper: str, issuer: str, number: str, place: str):
    """The two-column heading: issuing body and number left, national heading right."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(65), Mm(100)
    p = left.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, issuer_upper, size=12)
    p = left.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, issuer, bold=True, size=12)
    p = left.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, number, size=13)
    p = right.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, place, italic=True, size=13)


def _title(document, text, *, size=14):
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, text, bold=True, size=size)
    return p


def _centered(document, text, *, bold=False, italic=False):
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, text, bold=bold, italic=italic)
    return p


def _para(document, text, *, bold=False, italic=False):
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.first_line_indent = Mm(10)
    _run(p, text, bold=bold, italic=italic)
    return p


def _list_table(document, headers, loop, cells, widths):
    table = document.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    for index, header in enumerate(headers):
        cell = table.rows[0].cells[index]
        cell.text = ""
        _run(cell.paragraphs[0], header, bold=True, size=12)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    table.rows[1].cells[0].text = "{%tr for " + loop + " %}"
    for index, text in enumerate(cells):
        cell = table.rows[2].cells[index]
        cell.text = ""
        _run(cell.paragraphs[0], text, size=12)
    table.rows[3].cells[0].text = "{%tr endfor %}"
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)
    return table


def _signature(document, title_var: str, signer_var: str):
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    _run(p, "Nơi nhận:", bold=True, italic=True, size=12)
    p = left.add_paragraph()
    _run(p, "{{ recipients_note }}", size=11)
    p = right.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "{{ " + title_var + "|upper }}", bold=True)
    for _blank in range(3):
        right.add_paragraph()
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "{{ " + signer_var + " }}", bold=True)


LIST_HEADERS = ["STT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu, hình thức", "Tiền thưởng (đồng)"]
LIST_CELLS = ["{{ r.index }}", "{{ r.name }}", "{{ r.position }}", "{{ r.award }}", "{{ r.money }}"]
LIST_WIDTHS = [12, 45, 55, 35, 18]


def build_decision(path: Path) -> None:
    document = _document()
    _heading(
        document, "{{ issuer_upper }}", "{{ issuer }}", "Số: {{ number }}", "{{ place_and_date }}"
    )
    _title(document, "QUYẾT ĐỊNH")
    _centered(document, "{{ summary }}", bold=True)
    _title(document, "{{ authority|upper }}", size=13)
    _para(document, "{% for basis in bases %}{{ basis }}\n{% endfor %}", italic=True)
    _centered(document, "QUYẾT ĐỊNH:", bold=True)
    _para(
        document,
        "Điều 1. Tặng thưởng {{ count }} trường hợp có tên trong danh sách kèm theo Quyết định "
        "này ({{ kind }}), năm thành tích {{ years }}.",
    )
    _para(
        document,
        "Điều 2. Tiền thưởng thực hiện theo quy định hiện hành: tổng cộng {{ money_total }} đồng "
        "(mức lương cơ sở {{ base_salary }} đồng áp dụng tại ngày ký).",
    )
    _para(
        document,
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các đơn vị có liên quan và "
        "các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
    )
    _signature(document, "signer_title", "signer")
    document.add_page_break()
    _title(document, "{{ list_title }}", size=14)
    _centered(
        document,
        "(Kèm theo Quyết định số {{ number }} ngày {{ day }} của {{ authority }})",
        italic=True,
    )
    _list_table(document, LIST_HEADERS, "r in rows", LIST_CELLS, LIST_WIDTHS)
    _centered(document, "Tổng cộng: {{ list_count }} trường hợp, {{ list_money }} đồng.", bold=True)
    document.save(path)


def build_submission(path: Path) -> None:
    document = _document()
    _heading(
        document, "{{ issuer_upper }}", "{{ issuer }}", "Số: {{ number }}", "{{ place_and_date }}"
    )
    _title(document, "TỜ TRÌNH")
    _centered(document, "{{ summary }}", bold=True)
    _centered(document, "Kính gửi: {{ receiver }}")
    _para(document, "{{ preamble }}")
    _para(
        document,
        "{{ issuer }} trân trọng đề nghị {{ receiver }} xem xét, khen thưởng {{ count }} "
        "trường hợp có tên trong danh sách kèm theo.",
    )
    _para(
        document,
        "Hồ sơ kèm theo gồm: tờ trình kèm danh sách, báo cáo thành tích, biên bản "
        "họp Hội đồng Thi đua – Khen thưởng và các tài liệu liên quan.",
    )
    _signature(document, "signer_title", "signer")
    _title(document, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", size=14)
    _centered(document, "(Kèm theo Tờ trình số {{ number }} ngày {{ day }})", italic=True)
    _list_table(
        document,
        ["STT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu, hình thức", "Tóm tắt thành tích"],
        "r in rows",
        [
            "{{ r.index }}",
            "{{ r.name }}",
            "{{ r.position }}",
            "{{ r.award }}",
            "{{ r.achievement }}",
        ],
        [12, 40, 45, 35, 33],
    )
    document.save(path)


def build_report(path: Path) -> None:
    document = _document()
    _heading(document, "{{ issuer_upper }}", "{{ issuer }}", "", "{{ place_and_date }}")
    _title(document, "BÁO CÁO THÀNH TÍCH")
    _centered(document, "Đề nghị tặng {{ award }} năm {{ year }}", bold=True)
    document.add_paragraph().add_run("I. SƠ LƯỢC LÝ LỊCH").bold = True
    _para(document, "{% for row in profile %}{{ row.label }}: {{ row.value }}\n{% endfor %}")
    document.add_paragraph().add_run("II. THÀNH TÍCH ĐẠT ĐƯỢC").bold = True
    _para(document, "{{ achievement }}")
    document.add_paragraph().add_run("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG").bold = True
    _list_table(
        document,
        ["Năm", "Danh hiệu, hình thức", "Số, ngày quyết định", "Cơ quan quyết định"],
        "a in awards",
        ["{{ a.year }}", "{{ a.award }}", "{{ a.decision }}", "{{ a.authority }}"],
        [15, 60, 45, 45],
    )
    document.add_paragraph().add_run("IV. SÁNG KIẾN").bold = True
    _list_table(
        document,
        ["Năm", "Tên sáng kiến", "Phạm vi ảnh hưởng"],
        "i in initiatives",
        ["{{ i.year }}", "{{ i.title }}", "{{ i.scope }}"],
        [15, 105, 45],
    )
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", bold=True, size=12)
    p = right.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "NGƯỜI BÁO CÁO THÀNH TÍCH", bold=True, size=12)
    for _blank in range(3):
        right.add_paragraph()
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "{{ name }}", bold=True)
    document.save(path)


if __name__ == "__main__":
    build_decision(HERE / "quyet_dinh_khen_thuong.docx")
    build_submission(HERE / "to_trinh_khen_thuong.docx")
    build_report(HERE / "bao_cao_thanh_tich.docx")
