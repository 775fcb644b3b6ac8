"""Forms that edit persons and their facts. They validate input; services do the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.people.models import (
    AbsenceReason,
    DisciplineLevel,
    FreezeReason,
    Gender,
    Position,
    Rank,
    TaskRating,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REASON_HELP = _("Bắt buộc: lý do được lưu trong lịch sử thay đổi.")


def _date(label, required=True):
    return forms.DateField(label=label, required=required, widget=DATE_INPUT)


class ReasonField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Lý do thay đổi"))
        kwargs.setdefault("help_text", REASON_HELP)
        kwargs.setdefault("max_length", 255)
        super().__init__(**kwargs)


class PersonForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    gender = forms.ChoiceField(label=_("Giới tính"), choices=Gender.choices)
    date_of_birth = _date(_("Ngày sinh"))
    rank = forms.ChoiceField(label=_("Ngạch"), choices=[("", "—"), *Rank.choices], required=False)
    position = forms.ChoiceField(
        label=_("Chức vụ"), choices=[("", "—"), *Position.choices], required=False
    )
    recruitment_date = _date(_("Ngày tuyển dụng"))
    leaving_date = _date(_("Ngày thôi công tác"), required=False)
    reason = ReasonField()


class RatingForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    rating = forms.ChoiceField(label=_("Xếp loại"), choices=TaskRating.choices)
    reason = ReasonField()


class AbsenceForm(forms.Form):
    reason_code = forms.ChoiceField(label=_("Lý do nghỉ"), choices=AbsenceReason.choices)
    start = _date(_("Từ ngày"))
    end = _date(_("Đến ngày"))
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)
    reason = ReasonField()


class DisciplineForm(forms.Form):
    level = forms.ChoiceField(label=_("Hình thức kỷ luật"), choices=DisciplineLevel.choices)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60)
    decided_on = _date(_("Ngày quyết định"))
    start = _date(_("Thời hạn từ"))
    end = _date(_("Thời hạn đến"))
    grounds = forms.CharField(label=_("Nội dung vi phạm"), max_length=255, required=False)
    reason = ReasonField()


class FreezeForm(forms.Form):
    reason_code = forms.ChoiceField(label=_("Lý do tạm dừng"), choices=FreezeReason.choices)
    start = _date(_("Từ ngày"))
    end = _date(_("Đến ngày"), required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)
    reason = ReasonField()


FACT_FORMS = {
    "rating": (RatingForm, _("Xếp loại hằng năm")),
    "absence": (AbsenceForm, _("Thời gian nghỉ")),
    "discipline": (DisciplineForm, _("Kỷ luật")),
    "freeze": (FreezeForm, _("Tạm dừng xét khen thưởng")),
}


class MoveForm(forms.Form):
    """Transfer to another unit; the choice of units is limited to the user's reach."""

    unit = forms.ModelChoiceField(label=_("Đơn vị mới"), queryset=None)
    position = forms.ChoiceField(label=_("Chức vụ"), choices=Position.choices)
    start = _date(_("Từ ngày"))
    reason = ReasonField(label=_("Lý do, quyết định điều động"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = lambda unit: unit.full_name


class FreezeCloseForm(forms.Form):
    end = _date(_("Kết thúc ngày"))
    reason = ReasonField()
