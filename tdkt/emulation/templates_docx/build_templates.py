"""Build the Word templates of the emulation app with python-docx.

The generated ``giao_uoc.docx`` is committed; officers may edit it in Word and replace it, as
long as the ``{{ … }}`` and ``{%tr … %}`` tags stay. Rebuild with
``uv run --frozen python tdkt/emulation/templates_docx/build_templates.py``.
"""

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def _centered(document, text: str, *, bold=False, size=13):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    return paragraph


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


def build_covenant(path: Path) -> None:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    _centered(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    _centered(document, "Độc lập – Tự do – Hạnh phúc", bold=True)
    _centered(document, "{{ place_and_date }}", size=12).runs[0].italic = True
    _centered(document, "BẢN GIAO ƯỚC THI ĐUA NĂM {{ year }}", bold=True, size=14)
    _centered(document, "{{ kind }}: {{ cluster_name }}", bold=True)
    _centered(document, "Đơn vị tổ chức: {{ organiser }}", size=12)
    document.add_paragraph("{{ preamble }}")
    document.add_paragraph("Các đơn vị thành viên thống nhất giao ước thi đua các chỉ tiêu sau:")
    _table(
        document,
        ["STT", "Chỉ tiêu", "Mức chỉ tiêu"],
        "t in targets",
        ["{{ t.position }}", "{{ t.text }}", "{{ t.level }}"],
    )
    document.add_paragraph("")
    document.add_paragraph("Đại diện các đơn vị thành viên ký giao ước:")
    _table(
        document,
        ["STT", "Đơn vị", "Vai trò", "Người ký", "Thời điểm ký"],
        "s in signatures",
        ["{{ s.index }}", "{{ s.unit }}", "{{ s.role }}", "{{ s.signer }}", "{{ s.when }}"],
    )
    document.add_paragraph("{{ status }}")
    document.save(path)


if __name__ == "__main__":
    build_covenant(HERE / "giao_uoc.docx")
