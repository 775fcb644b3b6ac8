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
    group = forms.ModelChoiceField(label=_("Nhóm"), queryset=None, empty_label=_("— chọn nhóm —"))
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
    indicator_target = forms.DecimalField(
        label=_("Giá trị chỉ tiêu đạt điểm tối đa"),
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text=_(
            "Điểm = điểm tối đa × giá trị / mức này (không vượt điểm tối đa). "
            "Để trống: 100 (chỉ tiêu là tỷ lệ %)."
        ),
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


class DeadlineForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    deadline = forms.DateField(
        label=_("Hạn tự chấm điểm"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Hết ngày này, phiếu tự chấm của các đơn vị không sửa, nộp được nữa."),
    )


class ClusterFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)
    q = forms.CharField(label=_("Tên cụm, khối"), max_length=100, required=False)


class ScorecardForm(forms.Form):
    """One points field and one explanation per criterion of the scorecard's table."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c_{criterion.pk}"] = forms.DecimalField(
                label=f"{criterion.code}. {criterion.title}",
                required=False,
                max_digits=7,
                decimal_places=2,
                error_messages={
                    "invalid": _("Tiêu chí %(code)s: hãy nhập một số.") % {"code": criterion.code},
                    "max_decimal_places": _("Tối đa hai chữ số thập phân."),
                },
                widget=forms.NumberInput(
                    attrs={
                        **POINTS_INPUT,
                        "min": str(criterion.lowest),
                        "max": str(criterion.highest),
                        "class": "form-control form-control-sm text-end",
                        "style": "width:6.5rem",
                    }
                ),
            )
            self.fields[f"n_{criterion.pk}"] = forms.CharField(
                label=_("Giải trình"),
                required=False,
                max_length=500,
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            )

    def points(self) -> dict:
        return {c.pk: self.cleaned_data.get(f"c_{c.pk}") for c in self.criteria}

    def notes(self) -> dict:
        return {c.pk: self.cleaned_data.get(f"n_{c.pk}", "") for c in self.criteria}


class EvidenceForm(forms.Form):
    criterion = forms.ModelChoiceField(
        label=_("Tiêu chí"),
        queryset=None,
        empty_label=_("— chọn tiêu chí —"),
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"required": _("Hãy chọn tiêu chí của tài liệu.")},
    )
    file = forms.FileField(
        label=_("Tệp"),
        help_text=_("PDF, Word (.docx), Excel (.xlsx), ảnh PNG/JPEG; tối đa 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.xlsx,.png,.jpg,.jpeg", "class": "form-control"}
        ),
        error_messages={"required": _("Hãy chọn tệp cần tải lên.")},
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = criteria


class ReviewForm(forms.Form):
    """The reviewer's points for each criterion, with a reason where it differs."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"p_{criterion.pk}"] = forms.DecimalField(
                label=f"{criterion.code}. {criterion.title}",
                max_digits=7,
                decimal_places=2,
                error_messages={
                    "invalid": _("Tiêu chí %(code)s: hãy nhập một số.") % {"code": criterion.code},
                    "required": _("Tiêu chí %(code)s: hãy nhập điểm.") % {"code": criterion.code},
                },
                widget=forms.NumberInput(
                    attrs={
                        **POINTS_INPUT,
                        "class": "form-control form-control-sm text-end",
                        "style": "width:6.5rem",
                    }
                ),
            )
            self.fields[f"r_{criterion.pk}"] = forms.CharField(
                label=_("Lý do điều chỉnh"),
                required=False,
                max_length=500,
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            )

    def changes(self) -> dict:
        return {
            c.pk: (self.cleaned_data[f"p_{c.pk}"], self.cleaned_data.get(f"r_{c.pk}", ""))
            for c in self.criteria
        }


class RecuseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Lý do từ chối thẩm định"), max_length=500)


class VoteOpenForm(forms.Form):
    leading = forms.ModelMultipleChoiceField(
        label=_("Đơn vị dẫn đầu (đề nghị Cờ thi đua ngành)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    excellent = forms.ModelMultipleChoiceField(
        label=_("Đề nghị Tập thể lao động xuất sắc"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    advanced = forms.ModelMultipleChoiceField(
        label=_("Đề nghị Tập thể lao động tiên tiến"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    place = forms.CharField(label=_("Địa điểm họp"), max_length=200, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("leading", "excellent", "advanced"):
            self.fields[name].queryset = units


class BallotForm(forms.Form):
    """One choice per candidate; nothing identifies the voter in what is stored."""

    def __init__(self, *args, candidates, **kwargs):
        from tdkt.scoring.models import Choice

        super().__init__(*args, **kwargs)
        self.candidates = candidates
        for candidate in candidates:
            self.fields[f"k_{candidate.pk}"] = forms.ChoiceField(
                label=f"{candidate.unit.short_name} — {candidate.get_kind_display()}",
                choices=Choice.choices,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                error_messages={"required": _("Hãy chọn ý kiến.")},
            )

    def choices(self) -> dict:
        return {c.pk: self.cleaned_data[f"k_{c.pk}"] for c in self.candidates}


class IndicatorImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp chỉ tiêu (Excel .xlsx hoặc CSV)"),
        help_text=_("Các cột: Mã đơn vị, Năm, Mã chỉ tiêu, Giá trị. Tối đa 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv", "class": "form-control"}),
        error_messages={"required": _("Hãy chọn tệp cần nhập.")},
    )


class IndicatorFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)
    code = forms.CharField(label=_("Mã chỉ tiêu"), max_length=40, required=False)
    unit = forms.CharField(label=_("Mã đơn vị"), max_length=40, required=False)
