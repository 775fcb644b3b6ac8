"""Forms of the certificate pages: a blank's settings and field positions, starting a print
job, reissuing a certificate."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.documents.certificates.layout import ALIGNMENTS, FIELDS, PAPER_CHOICES, QR

MM = {"min_value": Decimal("0"), "max_value": Decimal("1000"), "decimal_places": 1}
POSITION_PARTS = ("enabled", "x", "y", "width", "size", "align", "bold")


class CertificateFormForm(forms.Form):
    """The settings of a certificate form and, per field, its box on the sheet."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Tên mẫu phôi"), max_length=200)
    codes = forms.CharField(
        label=_("Mã danh hiệu, hình thức in trên mẫu này"),
        max_length=300,
        help_text=_("Các mã cách nhau bởi dấu phẩy, ví dụ: BK_NGANH"),
    )
    paper = forms.ChoiceField(label=_("Khổ giấy"), choices=PAPER_CHOICES)
    serial_prefix = forms.RegexField(
        label=_("Ký hiệu số vào sổ"),
        regex=r"^[A-Za-z]{1,6}$",
        max_length=6,
        error_messages={"invalid": _("Ký hiệu chỉ gồm 1–6 chữ cái không dấu, ví dụ BK.")},
    )
    place = forms.CharField(label=_("Địa danh"), max_length=60)
    achievement_text = forms.CharField(
        label=_("Dòng thành tích"),
        max_length=300,
        help_text=_("{nam} được thay bằng năm thành tích."),
    )
    active = forms.BooleanField(label=_("Đang dùng"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in FIELDS.items():
            self.fields[f"{key}_enabled"] = forms.BooleanField(label=_("In"), required=False)
            self.fields[f"{key}_x"] = forms.DecimalField(label=_("x (mm)"), **MM)
            self.fields[f"{key}_y"] = forms.DecimalField(label=_("y (mm)"), **MM)
            width_label = _("Cạnh (mm)") if key == QR else _("Rộng tối đa (mm)")
            self.fields[f"{key}_width"] = forms.DecimalField(label=width_label, **MM)
            self.fields[f"{key}_size"] = forms.DecimalField(
                label=_("Cỡ chữ (pt)"),
                min_value=Decimal("0"),
                max_value=Decimal("100"),
                decimal_places=1,
                required=key != QR,
            )
            self.fields[f"{key}_align"] = forms.ChoiceField(
                label=_("Căn lề"), choices=list(ALIGNMENTS.items())
            )
            self.fields[f"{key}_bold"] = forms.BooleanField(label=_("Đậm"), required=False)
            for part in POSITION_PARTS:
                self.fields[f"{key}_{part}"].position_of = str(label)

    @staticmethod
    def initial_from(form) -> dict:
        initial = {
            "version": form.version,
            "name": form.name,
            "codes": ", ".join(form.codes),
            "paper": form.paper,
            "serial_prefix": form.serial_prefix,
            "place": form.place,
            "achievement_text": form.achievement_text,
            "active": form.active,
        }
        for key in FIELDS:
            spot = form.positions.get(key, {})
            for part in POSITION_PARTS:
                initial[f"{key}_{part}"] = spot.get(part, "left" if part == "align" else 0)
        return initial

    def rows(self) -> list[dict]:
        """One row per certificate field with its bound inputs, for the positions table."""
        return [
            {"key": key, "label": label, **{part: self[f"{key}_{part}"] for part in POSITION_PARTS}}
            for key, label in FIELDS.items()
        ]

    def values(self) -> dict:
        """The model values from the cleaned data."""
        data = self.cleaned_data
        positions = {}
        for key in FIELDS:
            positions[key] = {
                "enabled": data[f"{key}_enabled"],
                "x": float(data[f"{key}_x"]),
                "y": float(data[f"{key}_y"]),
                "width": float(data[f"{key}_width"]),
                "size": float(data[f"{key}_size"] or 0),
                "align": data[f"{key}_align"],
                "bold": data[f"{key}_bold"],
            }
        return {
            "name": data["name"].strip(),
            "codes": [code for code in data["codes"].split(",")],
            "paper": data["paper"],
            "serial_prefix": data["serial_prefix"],
            "place": data["place"].strip(),
            "achievement_text": data["achievement_text"],
            "active": data["active"],
            "positions": positions,
        }


class JobStartForm(forms.Form):
    with_frame = forms.BooleanField(
        label=_("In kèm khung mẫu (khi in thử trên giấy trắng)"), required=False
    )


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do cấp lại"),
        max_length=255,
        help_text=_("Ví dụ: bản cũ bị mất, hư hỏng."),
    )
