"""Certificate PDFs: the page has the form's size, shows the texts, honours the positions,
embeds the QR of the verification address, and renders to an image."""

import datetime as dt
import re
import subprocess

import pytest

from tdkt.documents.certificates import services
from tdkt.documents.certificates.models import CertificateForm
from tdkt.documents.certificates.rendering import (
    page_for,
    qr_data_uri,
    render_certificates,
    render_in_batches,
    sample_page,
    verification_url,
    vietnamese_date,
)
from tdkt.documents.tests.certificates.conftest import pdf_text

pytestmark = pytest.mark.django_db


def _pages(decision, user):
    forms = services.forms_by_code()
    certificates = services.certificates_issue(awards=decision.granted, forms=forms, user=user)
    return [
        page_for(award, certificates[award.pk], services.form_for(award, forms))
        for award in decision.granted
    ], certificates


def _words(content: bytes) -> dict[str, tuple[float, float]]:
    """Each word of the first page with its top-left corner in points."""
    html = pdf_text(content, "-bbox", "-f", "1", "-l", "1")
    found = {}
    for x, y, word in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)<', html):
        found.setdefault(word, (float(x), float(y)))
    return found


def test_the_pdf_shows_name_unit_achievement_decision_and_serial(decision, users):
    pages, certificates = _pages(decision, users["sector"])

    content = render_certificates(pages)

    text = pdf_text(content)
    serial = certificates[decision.granted[0].pk].serial
    assert "Ông Đặng Văn Đức" in text
    assert "Kiểm sát viên, VKSND thành phố Hà Nội" in text
    assert "Đã có thành tích xuất sắc trong công tác năm 2025" in text
    assert "123/QĐ-VKSTC" in text and "Hà Nội, ngày 15 tháng 12 năm 2025" in text
    assert "VIỆN TRƯỞNG" in text and "Nguyễn Văn Ký" in text
    assert f"Số: {serial}" in text and serial == "BK-2025-000001"
    assert "Bà Trần Thị Bình" in text
    assert "VKSND khu vực 1 – Phú Thọ" in text and "VKSND tỉnh Phú Thọ" in text


def test_each_page_has_the_size_of_its_form_and_renders_to_an_image(decision, users, tmp_path):
    pages, _certificates = _pages(decision, users["sector"])
    path = tmp_path / "certificates.pdf"
    path.write_bytes(render_certificates(pages))

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )

    assert "Pages:           3" in info
    assert "1190.55 x 841.89 pts (A3)" in info  # the sector's certificate is A3 landscape
    image = next(tmp_path.glob("p*.png"))
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and image.stat().st_size > 1000


def test_moving_a_field_moves_it_on_the_page(decision, users):
    award = decision.granted[0]
    form = CertificateForm.objects.get(codes=["BK_NGANH"])
    pages, certificates = _pages(decision, users["sector"])
    before = _words(render_certificates(pages[:1]))["Số:"]

    form.positions["serial"]["x"] += 50  # millimetres
    form.positions["serial"]["y"] -= 20
    moved = render_certificates([page_for(award, certificates[award.pk], form)])
    after = _words(moved)["Số:"]

    mm = 72 / 25.4
    assert after[0] - before[0] == pytest.approx(50 * mm, abs=1)
    assert before[1] - after[1] == pytest.approx(20 * mm, abs=1)


def test_a_disabled_field_is_not_printed(decision, users):
    award = decision.granted[0]
    form = CertificateForm.objects.get(codes=["BK_NGANH"])
    _pages_, certificates = _pages(decision, users["sector"])
    form.positions["signer"]["enabled"] = False

    text = pdf_text(render_certificates([page_for(award, certificates[award.pk], form)]))

    assert "Nguyễn Văn Ký" not in text and "Đặng Văn Đức" in text


def _dark_share(content: bytes, box: dict) -> float:
    """The share of dark pixels inside ``box`` (millimetres) of the first page, at 72 dpi."""
    mm = 72 / 25.4
    crop = [str(round(box[k] * mm)) for k in ("x", "y")] + [str(round(box["width"] * mm))] * 2
    done = subprocess.run(
        ["pdftoppm", "-r", "72", "-gray", "-f", "1", "-l", "1", "-x", crop[0], "-y", crop[1],
         "-W", crop[2], "-H", crop[3], "-"],
        input=content, capture_output=True, check=True,
    )  # fmt: skip
    pixels = done.stdout.split(b"\n", 3)[3]  # after the PGM header
    return sum(1 for value in pixels if value < 128) / len(pixels)


def test_the_qr_carries_the_verification_address_and_is_drawn_in_its_box(decision, users):
    pages, certificates = _pages(decision, users["sector"])
    token = certificates[decision.granted[0].pk].token
    form = CertificateForm.objects.get(codes=["BK_NGANH"])
    box = form.positions["qr"]

    assert verification_url(token) == f"https://tdkt.example.vn/xac-minh/{token}/"
    assert pages[0].qr_uri == qr_data_uri(verification_url(token))
    assert pages[0].qr_uri.startswith("data:image/png;base64,")
    with_qr = _dark_share(render_certificates(pages[:1]), box)
    form.positions["qr"]["enabled"] = False
    award = decision.granted[0]
    without = render_certificates([page_for(award, certificates[award.pk], form)])
    assert 0.3 < with_qr < 0.7  # a QR code is about half dark modules
    assert _dark_share(without, box) == 0


def test_the_qr_payload_decodes_back_to_the_address():
    import segno

    url = "https://tdkt.example.vn/xac-minh/abc/"
    qr = segno.make(url, error="m", mask=4)

    assert qr.error == "M" and qr.mode == "byte" and qr.mask == 4
    assert qr_data_uri(url) == qr.png_data_uri(scale=1, border=0)


def test_a_reissued_copy_prints_which_reissue_it_is(decision, users):
    _pages_, certificates = _pages(decision, users["sector"])
    award = decision.granted[0]
    certificate = services.certificate_reissue(
        certificate=certificates[award.pk], user=users["sector"], reason="Bản cũ bị mất"
    )
    form = services.form_for(award, services.forms_by_code())

    text = pdf_text(render_certificates([page_for(award, certificate, form)]))

    assert "BK-2025-000001 (cấp lại lần 1)" in text


def test_the_test_print_has_the_grid_labels_and_the_sample(decision):
    form = CertificateForm.objects.get(codes=["GK"])

    text = pdf_text(render_certificates([sample_page(form)], grid=True))

    assert "Bà Nguyễn Thị Mẫu" in text and "GK-2025-000001" in text
    assert "Họ tên người, tên tập thể được khen" in text  # the box labels
    assert "150" in text  # the millimetre scale


def test_batches_join_into_one_pdf_with_every_page(decision, users):
    pages, _certificates = _pages(decision, users["sector"])
    told = []

    content = render_in_batches([pages[:2], pages[2:]], on_batch=told.append)

    assert told == [2, 1]
    assert pdf_text(content).count("Số: BK-2025-") == 3


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (dt.date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (dt.date(2025, 12, 15), "ngày 15 tháng 12 năm 2025"),
        (dt.date(2025, 3, 9), "ngày 09 tháng 3 năm 2025"),
    ],
)
def test_dates_are_written_as_decree_30_asks(day, text):
    assert vietnamese_date(day) == text


def test_an_imported_award_without_a_decision_row_prints_from_its_own_fields(people, users):
    from tdkt.awards.services import award_record
    from tdkt.catalog.models import AwardType

    award = award_record(
        award_type=AwardType.objects.get(code="GK"),
        year=2023,
        decision_number="12/QĐ-VKS",
        decision_date=dt.date(2024, 1, 8),
        person=people["hanoi_division"],
        signer="Lê Thị Ký",
        reason="Nhập lịch sử",
    )
    forms = services.forms_by_code()
    certificate = services.certificates_issue(awards=[award], forms=forms, user=users["sector"])

    page = page_for(award, certificate[award.pk], services.form_for(award, forms))
    text = pdf_text(render_certificates([page]))

    assert "Bà Trần Thị Bình" in text and "Lê Thị Ký" in text
    assert "ngày 08 tháng 01 năm 2024" in text and "năm 2023" in text
    assert certificate[award.pk].serial == "GK-2024-000001"
