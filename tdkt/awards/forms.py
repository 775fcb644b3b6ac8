"""Forms of the award register; services do the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.catalog.models import AwardType, CommendationKind, SubjectKind
from tdkt.people.forms import ReasonField, _date


class AwardTypeChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: AwardType) -> str:
        return f"{obj.name} ({obj.code})"


class AwardForm(forms.Form):
    """A decided award for a person (``subject="P"``) or a unit (``"C"``)."""

    award_type = AwardTypeChoice(label=_("Danh hiệu, hình thức"), queryset=AwardType.objects.none())
    year = forms.IntegerField(label=_("Năm thành tích"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(
        label=_("Loại hình"), choices=CommendationKind.choices, initial=CommendationKind.CONG_TRANG
    )
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    decision_date = _date(_("Ngày quyết định"))
    signer = forms.CharField(label=_("Người ký"), max_length=120, required=False)
    authority = forms.CharField(label=_("Cơ quan quyết định"), max_length=200, required=False)
    reason = ReasonField()

    def __init__(self, *args, subject: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_type"].queryset = AwardType.objects.filter(
            subject__in=[subject, SubjectKind.BOTH]
        ).order_by("sort_order", "code")


class AwardEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Loại hình"), choices=CommendationKind.choices)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    decision_date = _date(_("Ngày quyết định"))
    signer = forms.CharField(label=_("Người ký"), max_length=120, required=False)
    authority = forms.CharField(label=_("Cơ quan quyết định"), max_length=200, required=False)
    reason = ReasonField()


class RevokeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    revoked_on = _date(_("Ngày hủy bỏ"))
    reason = ReasonField(
        label=_("Lý do hủy bỏ"),
        help_text=_("Bắt buộc. Khen thưởng vẫn được lưu, đánh dấu đã hủy bỏ, và không được tính."),
    )


class InitiativeChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        scope = obj.get_effect_scope_display() or "chưa ghi phạm vi"
        return f"{obj.title} ({obj.year}, {scope})"


class AwardInitiativesForm(forms.Form):
    """The initiatives an individual award rests on, among its person's recognised ones that
    back no other award."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    initiatives = InitiativeChoice(
        label=_("Sáng kiến làm căn cứ"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Sáng kiến “%(value)s” không còn chọn được (có thể vừa được dùng cho khen thưởng "
                "khác); hãy tải lại trang."
            ),
            "invalid_pk_value": _("“%(pk)s” không phải là mã sáng kiến hợp lệ."),
        },
        help_text=_(
            "Mỗi sáng kiến chỉ làm căn cứ cho một khen thưởng; bỏ chọn để trả sáng kiến về "
            "trạng thái chưa dùng."
        ),
    )
    reason = ReasonField()

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiatives"].queryset = choices
