"""The Word and PDF documents of the decision flow: opened with python-docx (page, margins,
fonts, content) and rendered to PNG and text with poppler."""

import datetime as dt
import io
import subprocess

import docx
import pytest
from django.urls import reverse
from django.utils import timezone
from docx.shared import Mm, Pt

from tdkt.awards import decision_documents as documents
from tdkt.awards import decisions, services
from tdkt.awards.decisions import DecisionData, TransmissionData
from tdkt.catalog.models import AwardType
from tdkt.documents import registry
from tdkt.initiatives.models import EffectScope, Initiative, Status
from tdkt.testing import assert_fonts_embedded

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _check_layout(content: bytes) -> str:
    """Decree 30/2020: A4, margins top/bottom 20–25 mm, left 30–35, right 15–20; Times New
    Roman 13–14 pt; the national heading. Returns the document's text."""
    document = docx.Document(io.BytesIO(content))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)

    def within(value, low, high):  # Word stores margins in twips: allow 0.1 mm of rounding
        return Mm(low - 0.1) <= value <= Mm(high + 0.1)

    assert within(section.top_margin, 20, 25) and within(section.bottom_margin, 20, 25)
    assert within(section.left_margin, 30, 35) and within(section.right_margin, 15, 20)
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and Pt(13) <= normal.size <= Pt(14)
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run.font.name in (None, "Times New Roman")
    text = _text(document)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    return text


def _pdf_text(content: bytes, tmp_path) -> str:
    assert content.startswith(b"%PDF")
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(content)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", pdf, tmp_path / "page"],
                   check=True)  # fmt: skip
    png = next(tmp_path.glob("page*.png"))
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 1000
    result = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, check=True)
    return result.stdout.decode()


@pytest.fixture
def decision(round_2026, passed, users):
    return decisions.decision_record(
        round_=round_2026,
        lines=[passed["duc"], passed["binh"], passed["hanoi_unit"]],
        data=DecisionData(
            number="125/QĐ-VKSTC",
            signed_on=TODAY,
            signer="Nguyễn Huy Tiến",
            signer_title="Viện trưởng",
            summary="Về việc khen thưởng tổng kết năm 2026",
        ),
        user=users["sector"],
    )


def test_every_template_is_registered_and_renders_its_sample():
    from tdkt.awards import word_templates
    from tdkt.documents.rendering import fill_template

    for key in (word_templates.DECISION, word_templates.SUBMISSION, word_templates.REPORT):
        template = registry.get(key)
        content = fill_template(template, template.default_path.read_bytes(), template.sample())
        _check_layout(content)


def test_the_decision_with_its_list_in_word(client, decision, users):
    client.force_login(users["sector"])
    response = client.get(reverse("awards:decision-document", args=[decision.pk, "docx"]))

    assert response["Content-Type"] == DOCX
    text = _check_layout(response.content)
    assert "Số: 125/QĐ-VKSTC" in text and "QUYẾT ĐỊNH" in text
    assert "VIỆN TRƯỞNG VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO" in text
    assert "DANH SÁCH KÈM THEO" in text
    assert "Đặng Văn Đức" in text and "Trần Thị Bình" in text
    assert "Chiến sĩ thi đua cơ sở" in text and "2.530.000" in text
    # 2,530,000 + 759,000 + 3,795,000
    assert "Tổng cộng: 3 trường hợp, 7.084.000 đồng." in text
    assert "NGUYỄN HUY TIẾN" not in text and "Nguyễn Huy Tiến" in text


def test_the_decision_as_pdf(client, decision, users, tmp_path):
    client.force_login(users["sector"])
    response = client.get(reverse("awards:decision-document", args=[decision.pk, "pdf"]))

    text = _pdf_text(response.content, tmp_path)
    assert "QUYẾT ĐỊNH" in text and "125/QĐ-VKSTC" in text
    assert "Đặng Văn Đức" in text and "7.084.000" in text
    assert_fonts_embedded(response.content)


def test_a_unit_officer_gets_the_extract_of_their_units(client, round_2026, passed, users):
    decision = decisions.decision_record(
        round_=round_2026,
        lines=[passed["duc"], passed["cuong"]],
        data=DecisionData(number="7/QĐ", signed_on=TODAY, signer="Nguyễn Huy Tiến"),
        user=users["sector"],
    )
    client.force_login(users["phu_tho_officer"])
    response = client.get(reverse("awards:decision-document", args=[decision.pk, "docx"]))
    text = _check_layout(response.content)
    assert "Lê Văn Cường" in text and "Đặng Văn Đức" not in text
    assert "Tặng thưởng 2 trường hợp" in text  # the decision as signed
    assert "TRÍCH DANH SÁCH KÈM THEO" in text
    assert "Tổng cộng: 1 trường hợp, 759.000 đồng." in text


def test_the_proposal_submission(client, passed, users, tmp_path):
    client.force_login(users["hanoi_officer"])
    proposal = passed["duc"].proposal
    word = client.get(reverse("awards:proposal-document", args=[proposal.pk, "docx"]))
    pdf = client.get(reverse("awards:proposal-document", args=[proposal.pk, "pdf"]))

    text = _check_layout(word.content)
    assert "TỜ TRÌNH" in text and "VKSND THÀNH PHỐ HÀ NỘI" in text
    assert "Kính gửi: Viện trưởng Viện kiểm sát nhân dân tối cao" in text
    assert "Đặng Văn Đức" in text and "Hoàn thành xuất sắc nhiệm vụ được giao." in text
    assert "Lê Văn Cường" not in text  # Phú Thọ's line is not in Hà Nội's proposal
    assert "Đặng Văn Đức" in _pdf_text(pdf.content, tmp_path)
    client.force_login(users["phu_tho_officer"])
    assert (
        client.get(reverse("awards:proposal-document", args=[proposal.pk, "docx"])).status_code
        == 404
    )


def test_the_transmission_upward(client, round_2026, passed, users, tmp_path):
    transmission = decisions.transmission_record(
        round_=round_2026,
        lines=[passed["duc_tq"]],
        data=TransmissionData(number="45/TTr-VKSTC", sent_on=TODAY, receiver="Thủ tướng Chính phủ"),
        user=users["sector"],
    )
    client.force_login(users["sector"])
    word = client.get(reverse("awards:transmission-document", args=[transmission.pk, "docx"]))
    pdf = client.get(reverse("awards:transmission-document", args=[transmission.pk, "pdf"]))

    text = _check_layout(word.content)
    assert "Số: 45/TTr-VKSTC" in text and "Kính gửi: Thủ tướng Chính phủ" in text
    assert "Bằng khen của Thủ tướng Chính phủ" in text and "Đặng Văn Đức" in text
    assert "45/TTr-VKSTC" in _pdf_text(pdf.content, tmp_path)


def test_the_achievement_report_is_filled_from_the_record(
    client, passed, people, org, users, tmp_path
):
    duc = people["duc"]
    services.award_record(
        award_type=AwardType.objects.get(code="LDTT"),
        person=duc,
        year=2025,
        decision_number="12/QĐ-VKS",
        decision_date=dt.date(2025, 12, 20),
        authority="Viện trưởng VKSND TP Hà Nội",
        reason="Nhập sổ",
    )
    revoked = services.award_record(
        award_type=AwardType.objects.get(code="GK"),
        person=duc,
        year=2024,
        decision_number="3/QĐ",
        decision_date=dt.date(2024, 12, 20),
        reason="Nhập sổ",
    )
    services.award_revoke(award=revoked, expected_version=None, revoked_on=dt.date(2025, 1, 5),
                          reason="Sai")  # fmt: skip
    initiative = Initiative.objects.create(
        title="Sổ tay kiểm sát điện tử",
        unit=org.hanoi,
        year=2025,
        status=Status.RECOGNISED,
        effect_scope=EffectScope.NGANH,
    )
    initiative.authors.add(duc)
    client.force_login(users["hanoi_officer"])
    word = client.get(reverse("awards:line-report", args=[passed["duc"].pk, "docx"]))
    pdf = client.get(reverse("awards:line-report", args=[passed["duc"].pk, "pdf"]))
    unit = client.get(reverse("awards:line-report", args=[passed["hanoi_unit"].pk, "docx"]))

    text = _check_layout(word.content)
    assert "BÁO CÁO THÀNH TÍCH" in text and "Đề nghị tặng Chiến sĩ thi đua cơ sở năm 2026" in text
    assert "Họ và tên: Đặng Văn Đức" in text
    assert "Lao động tiên tiến" in text and "12/QĐ-VKS ngày 20/12/2025" in text
    assert "Giấy khen" not in text  # revoked: not reported
    assert "Sổ tay kiểm sát điện tử" in text and "Toàn ngành" in text
    assert "Hoàn thành xuất sắc nhiệm vụ được giao." in text
    assert "Sổ tay kiểm sát điện tử" in _pdf_text(pdf.content, tmp_path)
    assert "Tên tập thể: VKSND thành phố Hà Nội" in _check_layout(unit.content)
    client.force_login(users["phu_tho_officer"])
    assert (
        client.get(reverse("awards:line-report", args=[passed["duc"].pk, "docx"])).status_code
        == 404
    )


def test_a_broken_replacement_is_explained_not_a_500(client, decision, users):
    from tdkt.awards import word_templates
    from tdkt.documents.models import TemplateReplacement

    broken = docx.Document()
    broken.add_paragraph("{{ rows[ }}")
    buffer = io.BytesIO()
    broken.save(buffer)
    TemplateReplacement.objects.create(key=word_templates.DECISION, content=buffer.getvalue())
    client.force_login(users["sector"])
    response = client.get(
        reverse("awards:decision-document", args=[decision.pk, "docx"]), follow=True
    )
    assert response.status_code == 200
    assert "Không điền được mẫu văn bản" in response.content.decode()


def test_money_text_and_place():
    assert documents.money_text(2530000) == "2.530.000" and documents.money_text(None) == ""
    assert documents.place_and_date(dt.date(2026, 7, 1)) == "Hà Nội, ngày 01 tháng 07 năm 2026"
