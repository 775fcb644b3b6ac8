"""Build the Word template of the council minutes with python-docx.

The generated ``bien_ban_hop_hoi_dong.docx`` is committed; the sector officer may edit it in
Word and replace it (Danh mục → Mẫu văn bản) as long as the ``{{ … }}`` and ``{%tr … %}`` tags
stay. Layout of Decree 30/2020/NĐ-CP: A4, Times New Roman 14 pt, margins top and bottom
20 mm, left 30 mm, right 15 mm, the national heading beside the issuing body. Rebuild with
``uv run --frozen python tdkt/council/templates_docx/build_templates.py``.
"""

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"


def _paragraph(container, text: str, *, bold=False, italic=False, size=14, center=False):
    paragraph = container.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.italic = italic
    run.font.size = Pt(size)
    return paragraph


def _heading(document) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    _paragraph(left, "{{ unit_upper }}", size=13, center=True)
    _paragraph(left, "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", bold=True, size=13, center=True)
    _paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13, center=True)
    _paragraph(right, "Độc lập – Tự do – Hạnh phúc", bold=True, size=14, center=True)
    _paragraph(right, "{{ place_and_date }}", italic=True, size=14, center=True)


def _table(document, headers: list[str], loop: str, cells: list[str]):
    table = document.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    for index, header in enumerate(headers):
        table.rows[0].cells[index].text = header
        table.rows[0].cells[index].paragraphs[0].runs[0].bold = True
    table.rows[1].cells[0].text = "{%tr for " + loop + " %}"
    for index, cell in enumerate(cells):
        table.rows[2].cells[index].text = cell
    table.rows[3].cells[0].text = "{%tr endfor %}"
    return table


def build_minutes(path: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    _heading(document)
    _paragraph(document, "BIÊN BẢN", bold=True, center=True)
    _paragraph(document, "Họp {{ council }}", bold=True, center=True)
    document.add_paragraph(
        "Thời gian: ngày {{ day }}; mở bỏ phiếu lúc {{ opened }}, kết thúc bỏ phiếu lúc "
        "{{ closed }}. Địa điểm: {{ place }}."
    )
    document.add_paragraph(
        "Thành phần: Hội đồng có {{ member_count }} thành viên biểu quyết; có mặt "
        "{{ present_count }} thành viên ({{ quorum }}). {{ quorum_note }}"
    )
    _table(
        document,
        ["STT", "Thành viên", "Vai trò", "Có mặt", "Bỏ phiếu"],
        "m in members",
        ["{{ m.index }}", "{{ m.name }}", "{{ m.role }}", "{{ m.present }}", "{{ m.turnout }}"],
    )
    document.add_paragraph("")
    document.add_paragraph(
        "Hội đồng đã xem xét {{ item_count }} trường hợp và bỏ phiếu kín. Số phiếu bỏ: "
        "{{ turnout }} (trong đó {{ written }} phiếu gửi bằng văn bản). Kết quả kiểm phiếu:"
    )
    _table(
        document,
        ["STT", "Đối tượng", "Đơn vị", "Danh hiệu, hình thức", "Đồng ý", "Không đồng ý",
         "Không biểu quyết", "Không bỏ phiếu", "Tỷ lệ", "Kết quả"],
        "r in rows",
        ["{{ r.position }}", "{{ r.candidate }}", "{{ r.unit }}", "{{ r.award }}",
         "{{ r.agree }}", "{{ r.disagree }}", "{{ r.abstain }}", "{{ r.not_voted }}",
         "{{ r.computation }}", "{{ r.result }}"],
    )  # fmt: skip
    document.add_paragraph("")
    document.add_paragraph(
        "Kết luận: Hội đồng thống nhất đề nghị {{ passed_count }} trường hợp; "
        "{{ failed_count }} trường hợp không đủ số phiếu."
    )
    document.add_paragraph("{{ unsure_note }}")
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _paragraph(left, "THƯ KÝ", bold=True, center=True)
    _paragraph(left, "{{ secretary }}", center=True)
    _paragraph(right, "CHỦ TỊCH HỘI ĐỒNG", bold=True, center=True)
    _paragraph(right, "{{ chair }}", center=True)
    document.save(path)


if __name__ == "__main__":
    build_minutes(HERE / "bien_ban_hop_hoi_dong.docx")
