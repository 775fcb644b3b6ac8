"""Forms of the council pages. Every edit form carries the hidden version it was opened with."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.council.models import Choice, MemberRole
from tdkt.org.models import Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CouncilForm(VersionForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Tên hội đồng"), max_length=200)
    valid_from = forms.DateField(label=_("Hiệu lực từ ngày"), widget=DATE)
    valid_to = forms.DateField(label=_("Hiệu lực đến ngày"), widget=DATE, required=False)
    establishing_decision = forms.CharField(
        label=_("Quyết định thành lập"),
        max_length=200,
        required=False,
        help_text=_("Số, ngày của quyết định thành lập hoặc kiện toàn hội đồng."),
    )
    note = forms.CharField(
        label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, units=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Người dùng"), queryset=None)
    role = forms.ChoiceField(
        label=_("Vai trò trong hội đồng"), choices=MemberRole.choices, initial=MemberRole.MEMBER
    )

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda u: f"{u.display_name} ({u.username})"


class MeetingForm(VersionForm):
    date = forms.DateField(label=_("Ngày họp"), widget=DATE)
    place = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)


class AttendanceForm(VersionForm):
    present = forms.MultipleChoiceField(
        label=_("Thành viên có mặt"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [
            (str(m.pk), f"{m.user.display_name} – {m.get_role_display()}") for m in members
        ]


class BallotForm(forms.Form):
    """One choice per agenda item, all required (field ``item_<pk>``)."""

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=str(item.line),
                choices=Choice.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Hãy chọn ý kiến cho dòng này.")},
            )

    def rows(self):
        return [(item, self[f"item_{item.pk}"]) for item in self.items]

    def choices(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"item_{item.pk}"] for item in self.items}


class WrittenBallotForm(BallotForm):
    member = forms.ModelChoiceField(
        label=_("Thành viên vắng mặt gửi phiếu"),
        queryset=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["member"].label_from_instance = lambda m: m.user.display_name
        self.order_fields(["member"])
