"""What a certificate form lays out: the paper sizes and the fields printed onto a blank.

Pure data and checks, no database: a form stores, for every field, where its box starts (the
top-left corner, in millimetres from the top-left corner of the sheet), how wide it may grow,
the font size and the alignment inside the box. The QR code is a square box whose side is its
width. Checks return Vietnamese messages naming the field at fault.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Paper:
    label: str
    width: int
    height: int
    """Millimetres, as printed (landscape sheets are wider than tall)."""


PAPERS: dict[str, Paper] = {
    "A4_LANDSCAPE": Paper(_("A4 khổ ngang (297 × 210 mm)"), 297, 210),
    "A4_PORTRAIT": Paper(_("A4 khổ dọc (210 × 297 mm)"), 210, 297),
    "A3_LANDSCAPE": Paper(_("A3 khổ ngang (420 × 297 mm)"), 420, 297),
    "A3_PORTRAIT": Paper(_("A3 khổ dọc (297 × 420 mm)"), 297, 420),
}
PAPER_CHOICES = [(key, paper.label) for key, paper in PAPERS.items()]

ALIGNMENTS = {"left": _("Trái"), "center": _("Giữa"), "right": _("Phải")}

QR = "qr"
FIELDS: dict[str, str] = {
    "recipient": _("Họ tên người, tên tập thể được khen"),
    "position": _("Chức vụ, đơn vị"),
    "achievement": _("Thành tích"),
    "decision": _("Số, ngày quyết định"),
    "place_date": _("Địa danh, ngày tháng"),
    "signer_title": _("Chức vụ người ký"),
    "signer": _("Họ tên người ký"),
    "serial": _("Số vào sổ (số hiệu)"),
    QR: _("Mã QR xác minh"),
}
"""The fields of a certificate in printing order, with their Vietnamese labels."""

MIN_FONT, MAX_FONT = 6, 48
MIN_QR, MAX_QR = 12, 60
"""Font sizes in points; the QR side in millimetres (below 12 mm phones read it badly)."""

OUTSIDE = (
    "“{field}” nằm ngoài tờ giấy {width} × {height} mm: "
    "cần 0 ≤ x, x + rộng ≤ {width} và 0 ≤ y ≤ {limit}."
)
BAD_FONT = "Cỡ chữ của “{field}” phải từ {low} đến {high} pt."
BAD_QR = "Cạnh mã QR phải từ {low} đến {high} mm."
BAD_WIDTH = "Độ rộng của “{field}” phải lớn hơn 0."
BAD_ALIGN = "Căn lề của “{field}” không hợp lệ."
MISSING_FIELD = "Thiếu vị trí của “{field}”."
NOTHING_ENABLED = "Hãy in ít nhất một trường."
UNKNOWN_PAPER = "Khổ giấy không hợp lệ."

PT_TO_MM = 25.4 / 72


def _spot(x, y, width, size, align="center", enabled=True, bold=False) -> dict:
    return {
        "enabled": enabled,
        "x": x,
        "y": y,
        "width": width,
        "size": size,
        "align": align,
        "bold": bold,
    }


def default_positions(paper_key: str) -> dict[str, dict]:
    """Sensible starting positions for ``paper_key``: the fields centred in the right half of a
    landscape blank (the left half holds the printed emblem and title) or under the title of a
    portrait one. The officer then aligns them with a test print."""
    paper = PAPERS[paper_key]
    w, h = paper.width, paper.height
    landscape = w > h
    left = w * 0.36 if landscape else w * 0.1
    span = w - left - w * 0.06
    top = h * 0.40
    scale = w / 297
    body = round(15 * min(scale, 1.3))
    return {
        "recipient": _spot(left, top, span, body + 5, bold=True),
        "position": _spot(left, top + 12 * scale, span, body),
        "achievement": _spot(left, top + 22 * scale, span, body),
        "decision": _spot(left, h * 0.78, span * 0.48, round(12 * min(scale, 1.2)), align="left"),
        "place_date": _spot(left + span * 0.5, h * 0.66, span * 0.5, body - 1),
        "signer_title": _spot(left + span * 0.5, h * 0.71, span * 0.5, body - 1, bold=True),
        "signer": _spot(left + span * 0.5, h * 0.88, span * 0.5, body, bold=True),
        "serial": _spot(w * 0.06, h * 0.90, 70 * min(scale, 1.2), 10, align="left"),
        QR: _spot(w * 0.06, h * 0.90 - 32, 26, 0, align="left"),
    }


def _rounded(positions: dict[str, dict]) -> dict[str, dict]:
    return {
        key: {
            **spot,
            "x": round(spot["x"], 1),
            "y": round(spot["y"], 1),
            "width": round(spot["width"], 1),
        }
        for key, spot in positions.items()
    }


def seed_positions(paper_key: str) -> dict[str, dict]:
    """``default_positions`` rounded to tenths of a millimetre, as stored."""
    return _rounded(default_positions(paper_key))


def check_positions(paper_key: str, positions: dict[str, dict]) -> list[tuple[str, str]]:
    """Every problem of ``positions`` on ``paper_key`` as ``(field, message)``; empty when the
    layout prints inside the sheet."""
    paper = PAPERS.get(paper_key)
    if paper is None:
        return [("paper", str(_(UNKNOWN_PAPER)))]
    problems: list[tuple[str, str]] = []
    for key, label in FIELDS.items():
        spot = positions.get(key)
        if spot is None:
            problems.append((key, str(_(MISSING_FIELD)).format(field=label)))
            continue
        problems.extend((key, message) for message in _check_spot(key, str(label), spot, paper))
    if not any(spot.get("enabled") for spot in positions.values()):
        problems.append(("", str(_(NOTHING_ENABLED))))
    return problems


def _check_spot(key: str, label: str, spot: dict, paper: Paper) -> list[str]:
    if not spot.get("enabled"):
        return []
    messages = []
    x, y, width, size = spot["x"], spot["y"], spot["width"], spot["size"]
    if width <= 0:
        messages.append(str(_(BAD_WIDTH)).format(field=label))
    if key == QR:
        if not MIN_QR <= width <= MAX_QR:
            messages.append(str(_(BAD_QR)).format(low=MIN_QR, high=MAX_QR))
        height = width
    else:
        if not MIN_FONT <= size <= MAX_FONT:
            messages.append(str(_(BAD_FONT)).format(field=label, low=MIN_FONT, high=MAX_FONT))
        height = size * PT_TO_MM * 1.3
        if spot.get("align") not in ALIGNMENTS:
            messages.append(str(_(BAD_ALIGN)).format(field=label))
    limit = round(paper.height - height, 1)
    if x < 0 or x + width > paper.width or y < 0 or y > limit:
        messages.append(
            str(_(OUTSIDE)).format(field=label, width=paper.width, height=paper.height, limit=limit)
        )
    return messages
