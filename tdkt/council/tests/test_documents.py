"""The minutes as a Word document (content, A4, Decree 30/2020 margins, Times New Roman) and as
a PDF (rendered to PNG and text with poppler, its font embedded)."""

import io
import subprocess

import pytest
from django.urls import reverse
from docx import Document

from tdkt.council.documents import minutes_docx
from tdkt.council.models import Choice, MemberRole
from tdkt.council.services.ballots import ballot_cast, written_ballot_record
from tdkt.council.services.meetings import attendance_set, voting_close, voting_open
from tdkt.documents import registry
from tdkt.testing import assert_fonts_embedded

pytestmark = pytest.mark.django_db


@pytest.fixture
def tallied(ready_meeting, council, seats, users):
    absent = council.members.get(user=seats["uy.vien.3"])
    present = council.members.exclude(pk=absent.pk).exclude(role=MemberRole.SECRETARY)
    attendance_set(
        meeting=ready_meeting,
        member_ids=[m.pk for m in present],
        user=users["sector"],
        expected_version=ready_meeting.version,
    )
    ready_meeting.refresh_from_db()
    meeting = voting_open(
        meeting=ready_meeting, user=users["sector"], expected_version=ready_meeting.version
    )
    items = list(meeting.items.values_list("pk", flat=True))
    for name in ["chu.tich", "pho.chu.tich", "uy.vien.1", "uy.vien.2"]:
        ballot_cast(meeting=meeting, user=seats[name], choices=dict.fromkeys(items, Choice.AGREE))
    written_ballot_record(
        meeting=meeting,
        member=absent,
        user=seats["thu.ky"],
        choices=dict.fromkeys(items, Choice.ABSTAIN),
    )
    return voting_close(meeting=meeting, user=seats["chu.tich"])


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_template_is_registered():
    template = registry.get("council.minutes")
    assert template is not None and template.default_path.exists()


def test_minutes_content_and_layout(tallied, seats):
    document = Document(io.BytesIO(minutes_docx(tallied)))
    text = _text(document)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập – Tự do – Hạnh phúc" in text
    assert "BIÊN BẢN" in text and tallied.council.name in text
    assert "có 5 thành viên biểu quyết; có mặt 4 thành viên" in text
    assert "4/5, đủ tối thiểu 66,7% tổng số thành viên" in text
    assert "(trong đó 1 phiếu gửi bằng văn bản)" in text
    assert "Gửi phiếu bằng văn bản" in text and "Vắng mặt" in text
    assert "4/5 = 80,0% < 90% tổng số thành viên" in text  # CSTĐ ngành: not reached
    assert "4/5 = 80,0% > 50% tổng số thành viên" in text  # majority codes: reached
    assert "Không đạt" in text and "Đạt" in text
    assert "thống nhất đề nghị 2 trường hợp; 1 trường hợp không đủ số phiếu" in text
    assert seats["chu.tich"].display_name in text
    section = document.sections[0]
    measured = {
        "width": section.page_width.mm,
        "height": section.page_height.mm,
        "top": section.top_margin.mm,
        "bottom": section.bottom_margin.mm,
        "left": section.left_margin.mm,
        "right": section.right_margin.mm,
    }
    expected = {"width": 210, "height": 297, "top": 20, "bottom": 20, "left": 30, "right": 15}
    for key, value in expected.items():
        assert abs(measured[key] - value) < 0.1, key
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14


def test_minutes_never_contain_a_members_choice(tallied, seats):
    """The written ballot's member is named as having voted in writing; what they chose
    (abstain) appears only inside the totals."""
    document = Document(io.BytesIO(minutes_docx(tallied)))
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text for cell in row.cells]
            if seats["uy.vien.3"].display_name in cells:
                assert not any(str(label) in cells for label in Choice.labels)


def test_minutes_as_pdf(client, tallied, seats, users, tmp_path):
    """Given a tallied meeting, when the sector officer downloads the PDF minutes, then page 1
    renders, the text holds the heading, title, council, meeting date and each candidate with
    its tally and outcome, and its font is embedded."""
    client.force_login(users["sector"])
    response = client.get(reverse("council:minutes-pdf", args=[tallied.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert f"bien-ban-hop-hoi-dong-{tallied.pk}-20261215.pdf" in response["Content-Disposition"]
    pdf = tmp_path / "bien-ban.pdf"
    pdf.write_bytes(response.content)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", pdf, tmp_path / "page"],
                   check=True)  # fmt: skip
    png = next(tmp_path.glob("page*.png"))
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 1000
    result = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, check=True)
    text = " ".join(result.stdout.decode().split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "BIÊN BẢN" in text
    assert tallied.council.name in text and "ngày 15/12/2026" in text
    assert "có 5 thành viên biểu quyết; có mặt 4 thành viên" in text
    for item in tallied.items.select_related("line__person").order_by("position"):
        outcome = "Đạt" if item.passed else "Không đạt"
        assert item.line.candidate_name in text
        tally = f"{item.agree} {item.disagree} {item.abstain} {item.not_voted}"
        assert tally in text, (item.line.candidate_name, tally)
        assert outcome in text
    assert "4/5 = 80,0% < 90% tổng số thành viên" in text
    assert "thống nhất đề nghị 2 trường hợp; 1 trường hợp không đủ số phiếu" in text
    assert seats["chu.tich"].display_name in text
    assert_fonts_embedded(response.content)
