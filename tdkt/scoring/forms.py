"""Forms of the scoring pages. They validate the shape of input; services enforce the rules."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.org.models import UnitType
from tdkt.scoring.models import CriterionKind, TableStatus

POINTS_INPUT = {"step": "0.01", "inputmode": "decimal"}


def _points(label, **kwargs):
    return forms.DecimalField(
        label=label,
        max_digits=7,
        decimal_places=2,
        widget=forms.NumberInput(attrs=POINTS_INPUT),
        **kwargs,
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class TableFilterForm(forms.Form):
    unit_type = forms.ChoiceField(
        label=_("Loại đơn vị"), choices=[("", _("Tất cả")), *UnitType.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"), choices=[("", _("Tất cả")), *TableStatus.choices], required=False
    )
    year = forms.IntegerField(
        label=_("Áp dụng năm"), min_value=2000, max_value=2100, required=False
    )


class TableForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    unit_type = forms.ChoiceField(label=_("Loại đơn vị"), choices=UnitType.choices)
    name = forms.CharField(label=_("Tên bảng"), max_length=200)
    year_from = forms.IntegerField(label=_("Áp dụng từ năm"), min_value=2000, max_value=2100)
    year_to = forms.IntegerField(
        label=_("Áp dụng đến năm"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_("Để trống nếu áp dụng đến khi có bảng mới."),
    )
    basis = forms.CharField(
        label=_("Căn cứ"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: Quyết định 424/QĐ-VKSTC ngày 25/11/2020."),
    )
    bonus_cap = _points(_("Tổng điểm thưởng tối đa"), min_value=0, initial=Decimal("5"))
    deduction_cap = _points(_("Tổng điểm trừ tối đa"), min_value=0, initial=Decimal("20"))
    disagreement_share = forms.DecimalField(
        label=_("Ngưỡng chênh lệch giữa người thẩm định"),
        max_digits=4,
        decimal_places=2,
        min_value=0,
        max_value=1,
        initial=Decimal("0.25"),
        help_text=_(
            "Tỷ lệ của điểm tối đa: khi điểm của các đơn vị thẩm định cho cùng một tiêu chí "
            "chênh nhau quá mức này, tiêu chí được đánh dấu để cụm trưởng xem xét."
        ),
        widget=forms.NumberInput(attrs={"step": "0.01"}),
    )


class CopyLastYearForm(forms.Form):
    unit_type = forms.ChoiceField(label=_("Loại đơn vị"), choices=UnitType.choices)
    year = forms.IntegerField(label=_("Cho năm"), min_value=2000, max_value=2100)


class GroupForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    code = forms.CharField(label=_("Số thứ tự"), max_length=12)
    title = forms.CharField(label=_("Tên nhóm"), max_length=255)
    parent = forms.ModelChoiceField(
        label=_("Thuộc nhóm"), queryset=None, required=False, empty_label=_("— (nhóm gốc)")
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = groups


class CriterionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    group = forms.ModelChoiceField(label=_("Nhóm"), queryset=None)
    code = forms.CharField(label=_("Số thứ tự"), max_length=12)
    title = forms.CharField(
        label=_("Nội dung tiêu chí"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    kind = forms.ChoiceField(label=_("Loại"), choices=CriterionKind.choices)
    max_points = _points(
        _("Điểm tối đa"),
        help_text=_("Với điểm trừ: số điểm bị trừ nhiều nhất (nhập số dương)."),
    )
    evidence_required = forms.BooleanField(
        label=_("Bắt buộc có tài liệu chứng minh"), required=False
    )
    indicator_code = forms.CharField(
        label=_("Mã chỉ tiêu nghiệp vụ"),
        max_length=40,
        required=False,
        help_text=_("Điền nếu điểm được tính từ chỉ tiêu nghiệp vụ nhập từ tệp."),
    )
    guidance = forms.CharField(
        label=_("Hướng dẫn chấm"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups


class BandsForm(forms.Form):
    """Up to eight bands, each a name and the lowest total that earns it."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    ROWS = 8

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(self.ROWS):
            self.fields[f"name_{i}"] = forms.CharField(
                label=_("Xếp loại %(n)s") % {"n": i + 1}, max_length=60, required=False
            )
            self.fields[f"min_{i}"] = _points(_("từ điểm"), required=False)

    def clean(self):
        data = super().clean()
        bands = []
        for i in range(self.ROWS):
            name, minimum = data.get(f"name_{i}", ""), data.get(f"min_{i}")
            if name and minimum is None:
                self.add_error(f"min_{i}", _("Hãy nhập điểm thấp nhất của mức này."))
            elif minimum is not None and not name:
                self.add_error(f"name_{i}", _("Hãy nhập tên mức xếp loại."))
            elif name:
                bands.append((name, minimum))
        data["bands"] = bands
        return data

    def rows(self):
        return [(self[f"name_{i}"], self[f"min_{i}"]) for i in range(self.ROWS)]
