"""Forms of the emulation pages. They validate input; services do the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.catalog.models import LegalDocument
from tdkt.emulation.models import ClusterKind

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YEAR_FIELD = {"min_value": 2015, "max_value": 2100}


class UnitNameChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.short_name


class UnitNameMultipleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.short_name


class UserNameChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.display_name


class ClusterFilterForm(forms.Form):
    """Filters of the cluster list; the organiser choice is limited to the user's scope."""

    year = forms.IntegerField(label=_("Năm"), required=False, **YEAR_FIELD)
    kind = forms.ChoiceField(
        label=_("Loại"), required=False, choices=[("", _("Cụm và khối")), *ClusterKind.choices]
    )
    organiser = UnitNameChoice(
        label=_("Đơn vị tổ chức"), required=False, queryset=None, empty_label=_("Tất cả")
    )
    q = forms.CharField(
        label=_("Tìm theo tên cụm hoặc đơn vị"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("vd. cum 1, ha noi")}),
    )

    def __init__(self, *args, organisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers


class OrganiserPickForm(forms.Form):
    """First step of creating a cluster: who organises it, for which year."""

    organiser = UnitNameChoice(label=_("Đơn vị tổ chức"), queryset=None)
    year = forms.IntegerField(label=_("Năm thi đua"), **YEAR_FIELD)

    def __init__(self, *args, organisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers


class ClusterForm(forms.Form):
    """A cluster's name, kind, members and roles, follower and regulation."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(label=_("Loại"), choices=ClusterKind.choices)
    name = forms.CharField(
        label=_("Tên cụm, khối"),
        max_length=120,
        widget=forms.TextInput(attrs={"placeholder": _("vd. Cụm 1, Khối các Vụ nghiệp vụ")}),
    )
    members = UnitNameMultipleChoice(
        label=_("Đơn vị thành viên"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Mỗi đơn vị chỉ thuộc một cụm, khối của cùng đơn vị tổ chức trong năm."),
    )
    head = UnitNameChoice(
        label=_("Cụm trưởng, khối trưởng"),
        queryset=None,
        required=False,
        empty_label=_("— chưa xác định —"),
    )
    deputy = UnitNameChoice(
        label=_("Cụm phó, khối phó (do các thành viên bầu)"),
        queryset=None,
        required=False,
        empty_label=_("— chưa bầu —"),
    )
    deputy_elected_on = forms.DateField(
        label=_("Ngày bầu cụm phó, khối phó"), required=False, widget=DATE_INPUT
    )
    follower = UserNameChoice(
        label=_("Thành viên Hội đồng TĐKT theo dõi"),
        queryset=None,
        required=False,
        empty_label=_("— chưa phân công —"),
    )
    regulation = forms.ModelChoiceField(
        label=_("Quy chế, hướng dẫn hoạt động"),
        queryset=LegalDocument.objects.order_by("-effective_from", "number"),
        required=False,
        empty_label=_("— không có —"),
    )
    synthetic = forms.BooleanField(
        label=_("Phân cụm minh họa (không phải danh sách chính thức)"), required=False
    )
    reason = forms.CharField(
        label=_("Lý do thay đổi"),
        max_length=255,
        required=False,
        help_text=_("Được lưu trong lịch sử thay đổi."),
    )

    def __init__(self, *args, units, followers, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("members", "head", "deputy"):
            self.fields[name].queryset = units
        self.fields["follower"].queryset = followers


class CopyClustersForm(forms.Form):
    """Confirmation of creating next year's clusters."""

    confirm = forms.BooleanField(
        label=_("Tôi đã xem danh sách và muốn tạo cụm, khối cho năm sau"), required=True
    )


class CovenantForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    preamble = forms.CharField(
        label=_("Nội dung chung"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    place = forms.CharField(label=_("Địa điểm ký"), required=False, max_length=120)


class CovenantTargetForm(forms.Form):
    text = forms.CharField(
        label=_("Chỉ tiêu"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    value = forms.DecimalField(
        label=_("Mức chỉ tiêu"), required=False, max_digits=12, decimal_places=2, min_value=0
    )
    measure = forms.CharField(
        label=_("Đơn vị tính"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"placeholder": _("vd. %, vụ, điểm")}),
    )


CovenantTargetFormSet = forms.formset_factory(
    CovenantTargetForm, extra=3, max_num=40, validate_max=True
)


class CovenantSignForm(forms.Form):
    unit = forms.IntegerField(widget=forms.HiddenInput)
