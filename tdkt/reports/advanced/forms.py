"""Forms for advanced models. They validate input; services do the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.awards.models import Award
from tdkt.emulation.models import Cluster, Movement
from tdkt.org.models import Unit
from tdkt.people.forms import DATE_INPUT
from tdkt.people.models import Person
from tdkt.reports.advanced.selectors import NO_PROVINCE, provinces_on
from tdkt.reports.models import SourceKind

PERSON_UNKNOWN = _("Không tìm thấy cán bộ có mã “%(code)s” trong phạm vi của bạn.")
UNIT_UNKNOWN = _("Không tìm thấy đơn vị có mã “%(code)s” trong phạm vi của bạn.")
ONE_SUBJECT = _("Nhập mã cán bộ hoặc mã tập thể (đơn vị), chỉ một trong hai.")


class AdvancedModelForm(forms.Form):
    """A model's subject (by code), year, title, reason, source and public text. The award
    list offers the subject's awards once the subject is known."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    person_code = forms.CharField(
        label=_("Mã cán bộ (điển hình cá nhân)"), max_length=20, required=False
    )
    collective_code = forms.CharField(
        label=_("Mã đơn vị (điển hình tập thể)"), max_length=40, required=False
    )
    year = forms.IntegerField(label=_("Năm"))
    title = forms.CharField(label=_("Tên điển hình"), max_length=200)
    reason = forms.CharField(
        label=_("Thành tích, lý do lựa chọn"), widget=forms.Textarea(attrs={"rows": 4})
    )
    source_kind = forms.ChoiceField(label=_("Nguồn phát hiện"), choices=SourceKind.choices)
    source_award = forms.ModelChoiceField(
        label=_("Khen thưởng"), queryset=Award.objects.none(), required=False,
        help_text=_("Danh sách gồm các khen thưởng của cá nhân, tập thể đã nhập mã."),
    )  # fmt: skip
    source_movement = forms.ModelChoiceField(
        label=_("Phong trào thi đua"), queryset=Movement.objects.none(), required=False
    )
    source_cluster = forms.ModelChoiceField(
        label=_("Cụm, khối thi đua"), queryset=Cluster.objects.none(), required=False
    )
    public_summary = forms.CharField(
        label=_("Nội dung công khai"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Chỉ nội dung này (cùng tên, năm, đơn vị và bài viết) hiện trên trang công khai."
        ),
    )  # fmt: skip
    change_reason = forms.CharField(label=_("Lý do thay đổi"), max_length=255, required=False)

    def __init__(self, *args, user, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not editing:
            del self.fields["change_reason"]
        else:
            self.fields["change_reason"].required = True
        self.fields["source_movement"].queryset = Movement.objects.restrict(user).order_by(
            "-start_year", "name"
        )
        self.fields["source_cluster"].queryset = Cluster.objects.restrict(user).order_by(
            "-year", "name"
        )
        person, unit = self._subject_from(self.data or self.initial)
        awards = Award.objects.none()
        if person is not None:
            awards = Award.objects.filter(person=person)
        elif unit is not None:
            awards = Award.objects.filter(unit=unit)
        self.fields["source_award"].queryset = awards.select_related("award_type").order_by("-year")
        self.fields["source_award"].label_from_instance = lambda a: (
            f"{a.year} – {a.award_type.name} ({a.decision_number})"
        )

    def _subject_from(self, data):
        person_code = (data.get("person_code") or "").strip()
        unit_code = (data.get("collective_code") or "").strip()
        person = (
            Person.objects.restrict(self.user).filter(code__iexact=person_code).first()
            if person_code
            else None
        )
        unit = (
            Unit.objects.restrict(self.user).filter(code__iexact=unit_code).first()
            if unit_code
            else None
        )
        return person, unit

    def clean(self):
        data = super().clean()
        person_code = (data.get("person_code") or "").strip()
        unit_code = (data.get("collective_code") or "").strip()
        if bool(person_code) == bool(unit_code):
            raise forms.ValidationError(ONE_SUBJECT)
        person, unit = self._subject_from(data)
        if person_code and person is None:
            self.add_error("person_code", PERSON_UNKNOWN % {"code": person_code})
        if unit_code and unit is None:
            self.add_error("collective_code", UNIT_UNKNOWN % {"code": unit_code})
        data["person"], data["collective"] = person, unit
        return data


class StoryForm(forms.Form):
    title = forms.CharField(label=_("Tiêu đề bài viết"), max_length=300)
    published_on = forms.DateField(label=_("Ngày đăng"), widget=DATE_INPUT)
    outlet = forms.CharField(label=_("Nơi đăng (báo, tạp chí, trang tin)"), max_length=200)
    link = forms.URLField(label=_("Đường dẫn"), max_length=500, required=False)
    file = forms.FileField(label=_("Tệp (PDF, Word, ảnh; tối đa 10 MB)"), required=False)


class AdoptionForm(forms.Form):
    unit_code = forms.CharField(
        label=_("Mã đơn vị học tập, nhân rộng"), max_length=40,
        help_text=_("Mã đơn vị như trên trang Đơn vị, ví dụ T25-PT, KV-PT-01."),
    )  # fmt: skip
    adopted_on = forms.DateField(label=_("Từ ngày"), widget=DATE_INPUT)
    note = forms.CharField(label=_("Cách thức, kết quả"), max_length=300, required=False)


class ModelFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo tên"), required=False)
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2015, max_value=2100)
    province = forms.ChoiceField(label=_("Tỉnh, thành phố"), required=False)
    source_kind = forms.ChoiceField(
        label=_("Nguồn phát hiện"), required=False, choices=[("", "—"), *SourceKind.choices]
    )
    owner = forms.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput
    )
    """An owner unit (from the by-province page's list of units above the provinces)."""

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [
            ("", "—"),
            (NO_PROVINCE, _("Trung ương, quân sự")),
            *[(str(p.pk), p.short_name) for p in provinces_on(today)],
            *[
                (str(p.pk), f"{p.short_name} (đến {p.valid_to:%d/%m/%Y})")
                for p in Unit.objects.filter(unit_type="PROVINCIAL", valid_to__lt=today).order_by(
                    "search_text"
                )
            ],
        ]


class AdoptionFilterForm(ModelFilterForm):
    """The filters of the models, and the year the units adopted them."""

    adopted_year = forms.IntegerField(
        label=_("Năm nhân rộng"), required=False, min_value=2015, max_value=2100
    )

    field_order = ["adopted_year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].label = _("Năm của điển hình")


class MapFilterForm(forms.Form):
    year = forms.IntegerField(
        label=_("Năm (để trống: mọi năm)"), required=False, min_value=2015, max_value=2100
    )
