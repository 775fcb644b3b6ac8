from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.reports.official_forms.layouts import FORMS

FIRST_YEAR = 2015
YEAR_OUT_OF_RANGE = _("Năm báo cáo phải từ %(first)s đến %(last)s.")


class OfficialFormForm(forms.Form):
    """Pick a form, a reporting year and the unit reported for (among ``units``)."""

    form = forms.ChoiceField(
        label=_("Biểu mẫu"),
        choices=[(code, f"{f.form_number} – {f.sentence_title}") for code, f in FORMS.items()],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    year = forms.IntegerField(label=_("Năm báo cáo"))
    unit = forms.TypedChoiceField(label=_("Đơn vị báo cáo (phạm vi số liệu)"), coerce=int)

    def __init__(self, *args, units, this_year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.this_year = this_year
        self.fields["unit"].choices = [(u.pk, self._unit_label(u)) for u in units]
        self.fields["year"].widget.attrs.update({"min": FIRST_YEAR, "max": this_year})
        self.fields["year"].help_text = _(
            "Số liệu khen thưởng tính theo ngày ký quyết định trong năm; số tổ chức, công chức "
            "tính tại ngày 31/12 (hoặc hôm nay, nếu là năm hiện tại)."
        )

    @staticmethod
    def _unit_label(unit) -> str:
        label = unit.full_name
        if unit.parent_id is None:
            label += " (toàn ngành)"
        elif unit.valid_to is not None:
            label += f" (đến {unit.valid_to:%d/%m/%Y})"
        return label

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not FIRST_YEAR <= year <= self.this_year:
            raise forms.ValidationError(
                YEAR_OUT_OF_RANGE % {"first": FIRST_YEAR, "last": self.this_year}
            )
        return year
