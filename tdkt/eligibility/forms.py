"""Forms of the sweep pages: the question asked, and the filters of its results."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.eligibility.models import OutcomeChoices
from tdkt.eligibility.services import FIRST_YEAR, LAST_YEAR


class SweepForm(forms.Form):
    """A year and the codes to look at; the codes are offered in catalog order."""

    year = forms.IntegerField(label=_("Năm xét"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    codes = forms.MultipleChoiceField(
        label=_("Danh hiệu, hình thức khen thưởng"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"required": _("Hãy chọn ít nhất một danh hiệu, hình thức khen thưởng.")},
    )

    def __init__(self, *args, code_choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codes"].choices = code_choices


class ResultFilterForm(forms.Form):
    """Filters of a sweep's results. An invalid value is dropped, never an error page."""

    code = forms.ChoiceField(label=_("Danh hiệu, hình thức"), required=False)
    outcome = forms.ChoiceField(
        label=_("Kết quả"),
        required=False,
        choices=[("", _("Tất cả"))] + list(OutcomeChoices.choices),
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), required=False, queryset=None, empty_label=_("Tất cả đơn vị")
    )

    def __init__(self, *args, code_choices, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [("", _("Tất cả"))] + list(code_choices)
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = _indented

    def filters(self) -> dict:
        """The valid filters only: ``code``, ``outcome`` and ``unit`` (a Unit or None)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "code": data.get("code") or "",
            "outcome": data.get("outcome") or "",
            "unit": data.get("unit"),
        }


def _indented(unit) -> str:
    return "\u2003" * max(unit.depth - 1, 0) + unit.full_name
