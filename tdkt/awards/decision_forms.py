"""Forms of decisions and transmissions; the services do the checking and the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.awards.decisions import SECTOR_AUTHORITY, SECTOR_SIGNER_TITLE
from tdkt.catalog.models import CommendationKind
from tdkt.people.forms import _date

REVOKED_CHOICES = [("", _("Tất cả")), ("no", _("Còn hiệu lực")), ("yes", _("Đã hủy bỏ"))]


class DecisionFilterForm(forms.Form):
    q = forms.CharField(label=_("Số, trích yếu"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Năm ký"), required=False, min_value=2000, max_value=2100)
    round = forms.ModelChoiceField(
        label=_("Đợt"), queryset=None, required=False, empty_label=_("Tất cả")
    )
    authority = forms.CharField(label=_("Cơ quan quyết định"), required=False, max_length=200)
    revoked = forms.ChoiceField(label=_("Hiệu lực"), choices=REVOKED_CHOICES, required=False)

    def __init__(self, *args, rounds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds


class LinePickMixin(forms.Form):
    """The lines ticked on the page (``lines``) and the versions they were shown with
    (``stamp``: "pk:version,…"), so that a change made meanwhile is refused."""

    lines = forms.TypedMultipleChoiceField(
        label=_("Dòng đề nghị"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    stamp = forms.CharField(widget=forms.HiddenInput, required=False)

    def set_lines(self, pks):
        self.fields["lines"].choices = [(pk, pk) for pk in pks]

    def expected_versions(self) -> dict[int, int]:
        versions = {}
        for part in (self.cleaned_data.get("stamp") or "").split(","):
            pk, _sep, version = part.partition(":")
            if pk.isdigit() and version.isdigit():
                versions[int(pk)] = int(version)
        return versions


class DecisionForm(LinePickMixin):
    number = forms.CharField(label=_("Số quyết định"), max_length=60)
    signed_on = _date(_("Ngày ký"))
    signer = forms.CharField(label=_("Người ký"), max_length=120)
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"), max_length=120, required=False, initial=SECTOR_SIGNER_TITLE
    )
    authority = forms.CharField(
        label=_("Cơ quan quyết định"), max_length=200, initial=SECTOR_AUTHORITY
    )
    kind = forms.ChoiceField(
        label=_("Loại hình"), choices=CommendationKind.choices, initial=CommendationKind.CONG_TRANG
    )
    summary = forms.CharField(
        label=_("Trích yếu"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class UpperDecisionForm(DecisionForm):
    """The upper authority's decision on transmitted lines."""

    authority = forms.CharField(
        label=_("Cơ quan quyết định"),
        max_length=200,
        help_text=_("Ví dụ: Thủ tướng Chính phủ, Chủ tịch nước."),
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=120, required=False)


class NotAwardedForm(LinePickMixin):
    reason = forms.CharField(
        label=_("Lý do không khen thưởng"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class TransmissionForm(LinePickMixin):
    number = forms.CharField(label=_("Số tờ trình"), max_length=60)
    sent_on = _date(_("Ngày trình"))
    receiver = forms.CharField(
        label=_("Cơ quan nhận"),
        max_length=200,
        help_text=_("Ví dụ: Thủ tướng Chính phủ (qua Ban Thi đua – Khen thưởng Trung ương)."),
    )
    summary = forms.CharField(
        label=_("Trích yếu"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DecisionRevokeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    revoked_on = _date(_("Ngày hủy bỏ"))
    reason = forms.CharField(
        label=_("Lý do hủy bỏ"),
        max_length=255,
        help_text=_(
            "Bắt buộc. Mọi khen thưởng của quyết định vẫn được lưu, đánh dấu đã hủy bỏ, và "
            "không còn được tính."
        ),
    )
