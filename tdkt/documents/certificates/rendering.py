"""Certificates as PDF: each field absolutely positioned, in millimetres, on a page of the
form's size with no margins, so the sheet prints onto the pre-printed blank.

``page_for`` turns an award into the texts of one page; ``render_certificates`` lays pages out
in one WeasyPrint pass; ``render_in_batches`` lays them out a batch at a time (reporting
progress) and joins the pages into one PDF. Only ``file:`` and ``data:`` URLs are fetched.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from tdkt.documents.certificates.layout import FIELDS, PAPERS, QR
from tdkt.documents.pdf import font_faces
from tdkt.people.models import Gender

TEMPLATE = "documents/certificate.html"
QR_MASK = 4
SAMPLE = {
    "recipient": "Bà Nguyễn Thị Mẫu",
    "position": "Kiểm sát viên, VKSND thành phố Hà Nội",
    "decision": "Quyết định số 123/QĐ-VKSTC ngày 15/12/2025",
    "signer_title": "VIỆN TRƯỞNG",
    "signer": "Nguyễn Văn Ký",
    "serial": "Số: BK-2025-000001",
}
"""The texts of a test print (the achievement and place lines come from the form)."""


@dataclass
class Spot:
    key: str
    label: str
    text: str
    x: float
    y: float
    width: float
    size: float
    align: str
    bold: bool


@dataclass
class Page:
    """One sheet: the form it prints on and its fields, ready for the template."""

    form_key: str
    width: int
    height: int
    spots: list[Spot] = field(default_factory=list)
    qr: Spot | None = None
    qr_uri: str = ""
    grid: dict | None = None


def verification_url(token: str) -> str:
    """The public address a certificate's QR code carries."""
    return settings.TDKT_SITE_URL.rstrip("/") + reverse("certificates:verify", args=[token])


def qr_data_uri(payload: str) -> str:
    """``payload`` as a QR code (error correction M, no quiet zone: the blank leaves room)
    in a PNG ``data:`` URL of one pixel per module. The page draws it with
    ``image-rendering: pixelated``, so the PDF asks viewers and printers not to smooth it and
    the modules stay sharp squares at any size. (An SVG was as sharp but cost four times as
    much to draw: about 35 ms per page against 8.) The mask pattern is fixed: every mask
    decodes alike, and choosing the "best" one cost 13 ms per code."""
    return segno.make(payload, error="m", mask=QR_MASK).png_data_uri(scale=1, border=0)


def vietnamese_date(day) -> str:
    """``ngày 05 tháng 01 năm 2026``: Decree 30/2020 writes days under 10 and the months
    January and February with a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def texts_for(award, certificate, form) -> dict[str, str]:
    """The text of every field for ``award`` printed on ``form``."""
    decision = award.decision
    if award.person_id:
        person = award.person
        courtesy = "Bà" if person.gender == Gender.FEMALE else "Ông"
        recipient = f"{courtesy} {person.full_name}"
        position = ", ".join(
            part for part in (person.get_position_display(), award.holder_unit.full_name) if part
        )
    else:
        recipient = award.unit.full_name
        parent = award.unit.parent
        position = parent.full_name if parent is not None else ""
    signer_title = decision.signer_title if decision is not None else ""
    return {
        "recipient": recipient,
        "position": position,
        "achievement": form.achievement_text.replace("{nam}", str(award.year)),
        "decision": (f"Quyết định số {award.decision_number} ngày {award.decision_date:%d/%m/%Y}"),
        "place_date": f"{form.place}, {vietnamese_date(award.decision_date)}",
        "signer_title": signer_title.upper(),
        "signer": (decision.signer if decision is not None else "") or award.signer,
        "serial": f"Số: {certificate.printed_serial}",
    }


def build_page(form, texts: dict[str, str], qr_payload: str) -> Page:
    """The page of ``form`` with ``texts`` in the enabled fields and the QR of ``qr_payload``."""
    paper = PAPERS[form.paper]
    page = Page(form_key=f"f{form.pk or 0}", width=paper.width, height=paper.height)
    for key, label in FIELDS.items():
        spot = form.positions.get(key) or {}
        if not spot.get("enabled"):
            continue
        placed = Spot(
            key=key,
            label=str(label),
            text=texts.get(key, ""),
            x=spot["x"],
            y=spot["y"],
            width=spot["width"],
            size=spot["size"],
            align=spot.get("align", "left"),
            bold=bool(spot.get("bold")),
        )
        if key == QR:
            page.qr, page.qr_uri = placed, qr_data_uri(qr_payload)
        else:
            page.spots.append(placed)
    return page


def page_for(award, certificate, form) -> Page:
    return build_page(
        form, texts_for(award, certificate, form), verification_url(certificate.token)
    )


def sample_page(form) -> Page:
    """A test print of ``form`` with sample texts."""
    texts = {
        **SAMPLE,
        "achievement": form.achievement_text.replace("{nam}", "2025"),
        "place_date": f"{form.place}, ngày 15 tháng 12 năm 2025",
        "serial": f"Số: {form.serial_prefix}-2025-000001",
    }
    return build_page(form, texts, verification_url("mau-thu-khong-co-gia-tri"))


def _grid(page: Page) -> dict:
    """Lines every 10 mm, labelled every 50 mm, for a test print."""
    return {
        "x": [(mm, mm % 50 == 0) for mm in range(10, page.width, 10)],
        "y": [(mm, mm % 50 == 0) for mm in range(10, page.height, 10)],
    }


def _html(pages: Sequence[Page], *, frame: bool, grid: bool) -> str:
    """One style rule per form and field (the positions are the form's, the same on each of
    its pages), so hundreds of pages add no per-element styles to parse."""
    forms = {}
    for page in pages:
        forms.setdefault(page.form_key, page)
        if grid:
            page.grid = _grid(page)
    return render_to_string(
        TEMPLATE,
        {
            "pages": pages,
            "forms": forms.values(),
            "frame": frame,
            "grid": grid,
            "font_faces": font_faces(),
        },
    )


def _document(html: str):
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    return HTML(string=html, base_url=str(Path.cwd()), url_fetcher=fetcher).render()


def render_certificates(pages: Sequence[Page], *, frame: bool = False, grid: bool = False) -> bytes:
    """``pages`` as one PDF, laid out in a single pass. ``frame`` draws a light border for
    plain paper; ``grid`` draws the millimetre grid and every field's box (test print)."""
    return _document(_html(pages, frame=frame, grid=grid)).write_pdf()


def render_in_batches(
    pages: Iterable[Sequence[Page]],
    *,
    frame: bool = False,
    on_batch: Callable[[int], None] | None = None,
) -> bytes:
    """The pages of every batch joined into one PDF; ``on_batch(n)`` is told after each batch
    is laid out, with the number of its pages."""
    documents = []
    for batch in pages:
        documents.append(_document(_html(batch, frame=frame, grid=False)))
        if on_batch is not None:
            on_batch(len(batch))
    if not documents:
        raise ValueError("render_in_batches needs at least one page")
    all_pages = [page for document in documents for page in document.pages]
    return documents[0].copy(all_pages).write_pdf()
