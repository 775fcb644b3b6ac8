from django import forms
from django.utils.translation import gettext_lazy as _


class ReplacementForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Word (.docx) đã sửa"),
        help_text=_(
            "Tải bản mẫu hiện hành về, sửa trong Word (giữ nguyên các thẻ {{ … }} và {% … %}), "
            "rồi tải lên. Tệp được điền thử với dữ liệu mẫu trước khi dùng."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )
    note = forms.CharField(label=_("Ghi chú thay đổi"), max_length=255, required=False)
