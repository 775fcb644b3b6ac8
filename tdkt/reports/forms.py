from django import forms
from django.utils.translation import gettext_lazy as _

from tdkt.people.forms import _date

PERIOD_REVERSED = _("“Đến ngày” phải bằng hoặc sau “Từ ngày”.")


class ExchangeForm(forms.Form):
    date_from = _date(_("Từ ngày (ngày quyết định)"))
    date_to = _date(_("Đến ngày"))
    format = forms.ChoiceField(
        label=_("Định dạng"),
        choices=[("json", "JSON (tdkt.decisions/1)"), ("csv", "CSV (UTF-8, mở được bằng Excel)")],
        initial="json",
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", PERIOD_REVERSED)
        return data
