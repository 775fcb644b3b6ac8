"""Forms of the organisation pages."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EARLIEST = dt.date(2015, 1, 1)
TOO_EARLY = _("Hệ thống lưu cơ cấu tổ chức từ ngày 01/01/2015.")


class TreeQueryForm(forms.Form):
    """The date and search text of the unit tree; an invalid date falls back to today."""

    day = forms.DateField(label=_("Cơ cấu tại ngày"), required=False, widget=DATE_INPUT)
    q = forms.CharField(label=_("Tìm đơn vị"), required=False, max_length=100)

    def clean_day(self):
        day = self.cleaned_data.get("day")
        if day and day < EARLIEST:
            raise forms.ValidationError(TOO_EARLY)
        return day


class UnitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    code = forms.CharField(label=_("Mã đơn vị"), max_length=40)
    short_name = forms.CharField(label=_("Tên ngắn"), max_length=120)
    full_name = forms.CharField(label=_("Tên đầy đủ"), max_length=255)
    valid_from = forms.DateField(label=_("Hiệu lực từ"), widget=DATE_INPUT)
    valid_to = forms.DateField(label=_("Hiệu lực đến"), required=False, widget=DATE_INPUT)
    sort_order = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=100000)
    reason = forms.CharField(
        label=_("Lý do thay đổi"),
        max_length=255,
        help_text=_("Bắt buộc: lý do được lưu trong lịch sử thay đổi."),
    )


class UnitChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        period = f"{obj.valid_from:%d/%m/%Y}–{obj.valid_to:%d/%m/%Y}" if obj.valid_to else ""
        return f"{obj.short_name} ({obj.code}{', ' + period if period else ''})"


class ChildUnitForm(forms.Form):
    code = forms.CharField(label=_("Mã đơn vị"), max_length=40)
    short_name = forms.CharField(label=_("Tên ngắn"), max_length=120)
    full_name = forms.CharField(label=_("Tên đầy đủ"), max_length=255)
    unit_type = forms.ChoiceField(label=_("Loại đơn vị"))
    valid_from = forms.DateField(label=_("Hiệu lực từ"), widget=DATE_INPUT)
    sort_order = forms.IntegerField(label=_("Thứ tự"), min_value=0, initial=0)
    reason = forms.CharField(label=_("Lý do, văn bản"), max_length=255)

    def __init__(self, *args, **kwargs):
        from tdkt.org.models import UnitType

        super().__init__(*args, **kwargs)
        self.fields["unit_type"].choices = UnitType.choices


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại sự kiện"))
    date = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_INPUT)
    predecessors = UnitChoices(label=_("Đơn vị trước"), queryset=None)
    successors = UnitChoices(label=_("Đơn vị sau"), queryset=None, required=False)
    close_predecessors = forms.BooleanField(
        label=_("Kết thúc hiệu lực các đơn vị trước vào ngày liền trước"),
        required=False,
        initial=True,
    )
    decision = forms.CharField(label=_("Văn bản"), max_length=200, required=False)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reason = forms.CharField(label=_("Lý do thay đổi"), max_length=255)

    def __init__(self, *args, units, **kwargs):
        from tdkt.org.models import EventKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = EventKind.choices
        for name in ("predecessors", "successors"):
            self.fields[name].queryset = units
            self.fields[name].widget.attrs["size"] = 12
