"""Forms of the proposal pages; validation of the business lives in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.catalog.models import AwardType
from tdkt.people.forms import ReasonField, _date
from tdkt.proposals.models import (
    Procedure,
    ProposalStatus,
    RoundKind,
    RoundStatus,
    SimplifiedCase,
)

NOTE = forms.Textarea(attrs={"rows": 2})
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AwardTypeChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.code})"


class RoundForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Tên đợt"), max_length=200)
    kind = forms.ChoiceField(label=_("Loại đợt"), choices=RoundKind.choices)
    year = forms.IntegerField(label=_("Năm xét"), min_value=2000, max_value=2100)
    movement = forms.ModelChoiceField(
        label=_("Phong trào (đợt chuyên đề)"), queryset=None, required=False
    )
    simplified_case = forms.ChoiceField(
        label=_("Trường hợp thủ tục đơn giản (đợt đột xuất)"),
        choices=[("", "—")] + list(SimplifiedCase.choices),
        required=False,
    )
    submission_deadline = forms.DateField(label=_("Hạn nộp hồ sơ"), widget=DATE)
    appraisal_working_days = forms.IntegerField(
        label=_("Số ngày làm việc thẩm định"),
        required=False,
        min_value=1,
        max_value=120,
        help_text=_(
            "Nếu nhập, hạn thẩm định được tính bằng số ngày làm việc này sau hạn nộp (trừ thứ "
            "Bảy, Chủ nhật và ngày nghỉ lễ, Tết trong lịch nghỉ); khi đó để trống ô hạn thẩm định."
        ),
    )
    appraisal_deadline = forms.DateField(label=_("Hạn thẩm định"), widget=DATE, required=False)
    award_types = AwardTypeChoice(
        label=_("Danh hiệu, hình thức nhận đề nghị"),
        queryset=AwardType.objects.order_by("sort_order", "code"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Đợt Kỷ niệm chương chỉ nhận Kỷ niệm chương, và Kỷ niệm chương chỉ xét trong đợt đó; "
            "đợt cấp Nhà nước chỉ nhận danh hiệu, hình thức cấp Nhà nước."
        ),
    )
    note = forms.CharField(
        label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, movements=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["movement"].queryset = movements


class RoundFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Năm xét"), required=False, min_value=2000, max_value=2100)
    kind = forms.ChoiceField(
        label=_("Loại đợt"), choices=[("", _("Tất cả"))] + list(RoundKind.choices), required=False
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=[("", _("Tất cả"))] + list(RoundStatus.choices),
        required=False,
    )


class ProposalFilterForm(forms.Form):
    q = forms.CharField(label=_("Đơn vị"), required=False, max_length=200)
    year = forms.IntegerField(label=_("Năm xét"), required=False, min_value=2000, max_value=2100)
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=[("", _("Tất cả"))] + list(ProposalStatus.choices),
        required=False,
    )
    round = forms.ModelChoiceField(
        label=_("Đợt"), queryset=None, required=False, empty_label=_("Tất cả")
    )

    def __init__(self, *args, rounds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.short_name


class ProposalCreateForm(forms.Form):
    unit = UnitChoice(label=_("Đơn vị đề nghị"), queryset=None)
    note = forms.CharField(
        label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.full_name} — {obj.unit.short_name}"


class SingleAwardChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.code})"


class PersonCodeField(forms.CharField):
    """A person typed by staff code, for units too large for a list of their staff."""

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.queryset = queryset

    def clean(self, value):
        code = (super().clean(value) or "").strip()
        if not code:
            return None
        person = self.queryset.filter(code=code).first()
        if person is None:
            raise forms.ValidationError(
                _("Không có cán bộ đang công tác mã %(code)s trong đơn vị."),
                params={"code": code},
            )
        return person


PERSON_LIST_LIMIT = 1500


class LineForm(forms.Form):
    award_type = SingleAwardChoice(label=_("Danh hiệu, hình thức"), queryset=None)
    person = PersonChoice(label=_("Cá nhân"), queryset=None, required=False)
    candidate_unit = UnitChoice(label=_("hoặc tập thể"), queryset=None, required=False)
    achievement = forms.CharField(
        label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, award_types=None, persons=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_type"].queryset = award_types
        self.fields["candidate_unit"].queryset = units
        if persons.count() > PERSON_LIST_LIMIT:
            self.fields["person"] = PersonCodeField(
                label=_("Cá nhân (mã cán bộ)"), queryset=persons, required=False, max_length=20
            )
        else:
            self.fields["person"].queryset = persons


class DocumentForm(forms.Form):
    item = forms.ModelChoiceField(label=_("Thành phần hồ sơ"), queryset=None)
    file = forms.FileField(
        label=_("Tệp (PDF, DOCX, XLSX, JPG, PNG; tối đa 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args, items=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AppraisalForm(forms.Form):
    """The sector officer's decision on one line."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    decision = forms.ChoiceField(
        label=_("Kết quả thẩm định"),
        choices=[
            ("ACCEPTED", _("Đạt")),
            ("RETURNED", _("Trả lại để đơn vị bổ sung, chỉnh sửa")),
            ("REJECTED", _("Không chấp nhận")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Nội dung cần bổ sung hoặc lý do không chấp nhận"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class ResubmitForm(forms.Form):
    """The unit's resubmission of a line returned for correction."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    achievement = forms.CharField(
        label=_("Tóm tắt thành tích (đã chỉnh sửa)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    note = forms.CharField(
        label=_("Đã bổ sung, chỉnh sửa những gì"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class AppraisalQueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái dòng"),
        choices=[
            ("SUBMITTED", _("Chờ thẩm định")),
            ("RETURNED", _("Trả lại để bổ sung")),
            ("ACCEPTED", _("Thẩm định đạt")),
            ("REJECTED", _("Không chấp nhận")),
        ],
        required=False,
    )
    round = forms.ModelChoiceField(label=_("Đợt"), queryset=None, required=False)

    def __init__(self, *args, rounds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds


class ChecklistItemForm(forms.Form):
    """A component of a code's dossier for a legal period (add: with its procedure; edit: with
    its order and the version the page was opened with)."""

    procedure = forms.ChoiceField(label=_("Thủ tục"), choices=Procedure.choices)
    name = forms.CharField(label=_("Thành phần hồ sơ"), max_length=300)
    valid_from = _date(_("Áp dụng từ ngày"))
    valid_to = _date(_("Áp dụng đến ngày"), required=False)
    position = forms.IntegerField(label=_("Thứ tự"), min_value=1, max_value=999)
    mandatory = forms.BooleanField(label=_("Bắt buộc phải có khi nộp"), required=False)
    unsure = forms.BooleanField(
        label=_("Căn cứ pháp lý chưa chắc chắn"),
        required=False,
        help_text=_("Đánh dấu khi nguồn pháp lý của thành phần này chưa được xác nhận chắc chắn."),
    )
    citation = forms.CharField(label=_("Căn cứ"), max_length=200, required=False)
    reason = ReasonField()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, adding: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if adding:
            del self.fields["position"]
            del self.fields["version"]
        else:
            del self.fields["procedure"]
