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
