"""Forms of the emulation pages. They validate input; services do the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.catalog.models import LegalDocument
from tdkt.emulation.models import ClusterKind, MovementKind, ReviewStage

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


class MovementFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm theo tên phong trào"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("vd. văn hóa công sở")}),
    )
    kind = forms.ChoiceField(
        label=_("Loại"), required=False, choices=[("", _("Tất cả")), *MovementKind.choices]
    )
    year = forms.IntegerField(label=_("Đang diễn ra năm"), required=False, **YEAR_FIELD)


class MovementForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Tên phong trào"), max_length=200)
    kind = forms.ChoiceField(label=_("Loại phong trào"), choices=MovementKind.choices)
    launched_by = UnitNameChoice(label=_("Đơn vị phát động"), queryset=None)
    document_number = forms.CharField(
        label=_("Số văn bản phát động"),
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("vd. 15/KH-VKSTC")}),
    )
    document_date = forms.DateField(
        label=_("Ngày văn bản phát động"), required=False, widget=DATE_INPUT
    )
    start_year = forms.IntegerField(label=_("Từ năm"), min_value=2000, max_value=2100)
    end_year = forms.IntegerField(label=_("Đến năm"), min_value=2000, max_value=2100)
    content = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    targets = forms.CharField(
        label=_("Mục tiêu, chỉ tiêu"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    participants = UnitNameMultipleChoice(
        label=_("Đơn vị tham gia (gồm các đơn vị trực thuộc)"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("Giữ Ctrl để chọn nhiều đơn vị."),
    )

    def __init__(self, *args, launchers, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["launched_by"].queryset = launchers
        self.fields["participants"].queryset = participants


class MovementReviewForm(forms.Form):
    stage = forms.ChoiceField(label=_("Loại"), choices=ReviewStage.choices)
    held_on = forms.DateField(label=_("Ngày tổ chức"), widget=DATE_INPUT)
    summary = forms.CharField(
        label=_("Kết quả chính"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    report = forms.FileField(
        label=_("Báo cáo (PDF hoặc Word .docx, tối đa 10 MB)"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".pdf,.docx,application/pdf,"
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        ),
    )


class AwardChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        subject = obj.person.full_name if obj.person_id else obj.unit.short_name
        return f"{obj.year} · {obj.award_type.name} · {subject} · {obj.decision_number}"


class MovementAwardsForm(forms.Form):
    awards = AwardChoice(
        label=_("Khen thưởng theo đợt, chuyên đề của phong trào"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["awards"].queryset = candidates


class PeriodForm(forms.Form):
    year = forms.IntegerField(widget=forms.HiddenInput, **YEAR_FIELD)
    deadline = forms.DateField(label=_("Hạn đăng ký"), widget=DATE_INPUT)
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


class RegistrationStartForm(forms.Form):
    unit = UnitNameChoice(label=_("Đơn vị đăng ký"), queryset=None)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ReopenForm(forms.Form):
    until = forms.DateField(label=_("Mở lại đến ngày"), widget=DATE_INPUT)


class RegistrationForm(forms.Form):
    """One title select per collective (``c_<unit id>``) and per person (``p_<person id>``)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, unit_rows, person_rows, names, **kwargs):
        from tdkt.emulation.services.registrations import COLLECTIVE_TITLES, PERSON_TITLES

        super().__init__(*args, **kwargs)
        blank = [("", _("— không đăng ký —"))]
        collective = blank + [(c, names.get(c, c)) for c in COLLECTIVE_TITLES]
        personal = blank + [(c, names.get(c, c)) for c in PERSON_TITLES]
        for row in unit_rows:
            self.fields[f"c_{row.subject.pk}"] = forms.ChoiceField(
                label=row.subject.short_name, choices=collective, required=False, initial=row.code
            )
        for row in person_rows:
            self.fields[f"p_{row.subject.pk}"] = forms.ChoiceField(
                label=row.subject.full_name, choices=personal, required=False, initial=row.code
            )

    def targets(self, prefix: str) -> dict[int, str]:
        return {
            int(name[2:]): value
            for name, value in self.cleaned_data.items()
            if name.startswith(prefix)
        }
