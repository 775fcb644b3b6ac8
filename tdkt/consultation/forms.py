"""Forms of the consultation pages; the rules of the business are checked by the services."""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from tdkt.consultation.models import ConsultationStatus, Outcome, Resolution
from tdkt.consultation.services.comments import CONTACT_MAX, CONTENT_MAX, NAME_MAX

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NULL_CHARACTER = _("Nội dung chứa ký tự không hợp lệ (ký tự rỗng); hãy xóa ký tự đó.")


class VietnameseForm(forms.Form):
    """A form whose text fields refuse NUL characters with a Vietnamese message."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.validators = [
                ProhibitNullCharactersValidator(message=NULL_CHARACTER)
                if isinstance(v, ProhibitNullCharactersValidator)
                else v
                for v in field.validators
            ]


class RoundChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.year})"


class ConsultationForm(VietnameseForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Tiêu đề"), max_length=300)
    round = RoundChoice(label=_("Đợt đề nghị"), queryset=None)
    opens_on = forms.DateField(
        label=_("Ngày bắt đầu lấy ý kiến"),
        widget=DATE,
        help_text=_("Ngày kết thúc được tính theo số ngày làm việc quy định."),
    )
    intro = forms.CharField(
        label=_("Nội dung thông báo"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args, rounds=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        if editing:
            self.fields["round"].disabled = True


class CandidateSummaryForm(VietnameseForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    summary = forms.CharField(
        label=_("Tóm tắt thành tích công khai"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )


class CommentForm(VietnameseForm):
    """The public's comment. ``website`` is a honeypot: hidden from people, filled by bots."""

    candidate = forms.ChoiceField(label=_("Ý kiến về"), required=False)
    content = forms.CharField(
        label=_("Nội dung ý kiến"),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": CONTENT_MAX}),
        max_length=CONTENT_MAX,
        error_messages={
            "required": _("Hãy nhập nội dung ý kiến."),
            "max_length": _("Nội dung ý kiến dài quá %(limit_value)d ký tự; hãy rút gọn."),
        },
    )
    author_name = forms.CharField(
        label=_("Họ và tên"),
        required=False,
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"max_length": _("Họ tên dài quá %(limit_value)d ký tự.")},
    )
    contact = forms.CharField(
        label=_("Điện thoại hoặc thư điện tử"),
        required=False,
        max_length=CONTACT_MAX,
        help_text=_("Không công khai; chỉ cán bộ thi đua dùng để liên hệ khi cần xác minh."),
        error_messages={"max_length": _("Thông tin liên hệ dài quá %(limit_value)d ký tự.")},
    )
    website = forms.CharField(label=_("Trang web"), required=False, max_length=200)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Cả danh sách (không riêng ai)"))]
        choices += [
            (str(c.pk), f"{c.line.candidate_name} – {c.line.award_type.name}") for c in candidates
        ]
        self.fields["candidate"].choices = choices


class CommentFilterForm(VietnameseForm):
    state = forms.ChoiceField(
        label=_("Tình trạng"),
        required=False,
        choices=[
            ("", _("Tất cả")),
            ("open", _("Chưa xem xét")),
            ("resolved", _("Đã xem xét")),
        ],
    )
    candidate = forms.ChoiceField(label=_("Về người, tập thể"), required=False)
    sort = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("", _("Mới nhất trước")), ("oldest", _("Cũ nhất trước"))],
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].choices = [("", _("Tất cả"))] + [
            (str(c.pk), c.line.candidate_name) for c in candidates
        ]


class ResolveForm(VietnameseForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    resolution = forms.ChoiceField(
        label=_("Kết quả xem xét"), choices=Resolution.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Nhận xét của cán bộ"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class StatusFilterForm(VietnameseForm):
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả"))] + list(ConsultationStatus.choices),
    )


class OutcomeForm(VietnameseForm):
    """One outcome and note per candidate (fields ``c<id>`` and ``n<id>``)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for candidate in candidates:
            self.fields[f"c{candidate.pk}"] = forms.ChoiceField(
                label=candidate.line.candidate_name,
                choices=[("", "—")] + list(Outcome.choices),
                initial=candidate.outcome,
                error_messages={"required": _("Hãy chọn kết quả.")},
            )
            self.fields[f"n{candidate.pk}"] = forms.CharField(
                label=_("Ghi chú"),
                required=False,
                max_length=2000,
                initial=candidate.outcome_note,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.rows.append((candidate, self[f"c{candidate.pk}"], self[f"n{candidate.pk}"]))
