"""Forms of the catalog pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.catalog.models import DocumentKind, LegalDocument

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REASON_HELP = _("Bắt buộc: lý do được lưu trong lịch sử thay đổi.")


class AwardTypeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Tên"), max_length=200)
    authority = forms.CharField(label=_("Thẩm quyền quyết định"), max_length=200)
    sort_order = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=10000)
    reason = forms.CharField(label=_("Lý do thay đổi"), max_length=255, help_text=REASON_HELP)


class LegalDocumentForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60)
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Trích yếu"), max_length=300)
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=200)
    issued_on = forms.DateField(label=_("Ngày ban hành"), required=False, widget=DATE_INPUT)
    effective_from = forms.DateField(label=_("Hiệu lực từ"), widget=DATE_INPUT)
    effective_to = forms.DateField(label=_("Hiệu lực đến"), required=False, widget=DATE_INPUT)
    replaced_by = forms.ModelChoiceField(
        label=_("Được thay thế bởi"), queryset=LegalDocument.objects.all(), required=False
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reason = forms.CharField(label=_("Lý do thay đổi"), max_length=255, help_text=REASON_HELP)
