"""The period and unit filter of the statistics pages, and the extra filters of the drill-down
lists. Every unit offered is within the user's reach."""

from django import forms
from django.core.validators import MaxValueValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.permissions import VIEW
from tdkt.accounts.scope import reach_of
from tdkt.catalog.models import CommendationKind
from tdkt.org.models import Unit, UnitType
from tdkt.people.filters import UnitChoiceField
from tdkt.people.models import Gender, Rank
from tdkt.proposals.models import AppraisalAction, LineStatus

FIRST_YEAR = 2015
"""The register starts with the year the records begin (``org.RECORDS_START``)."""
MAX_YEARS = 30
YEARS_REVERSED = _("“Đến năm” phải bằng hoặc sau “Từ năm”.")
TOO_MANY_YEARS = _("Chỉ thống kê được tối đa %(n)s năm một lần.") % {"n": MAX_YEARS}


def _max(limit: int) -> MaxValueValidator:
    return MaxValueValidator(limit, message=_("Năm không được sau %(limit_value)s."))


def _year(label):
    return forms.IntegerField(
        label=label,
        min_value=FIRST_YEAR,
        error_messages={
            "invalid": _("Năm phải là một số, ví dụ 2025."),
            "min_value": _("Năm phải từ %(limit_value)s trở đi."),
            "max_value": _("Năm không được sau %(limit_value)s."),
            "required": _("Hãy nhập năm."),
        },
        widget=forms.NumberInput(attrs={"class": "form-control", "style": "max-width: 7rem"}),
    )


class PeriodForm(forms.Form):
    """From year – to year (both included) and an optional unit in reach."""

    year_from = _year(_("Từ năm"))
    year_to = _year(_("Đến năm"))
    unit = UnitChoiceField(
        label=_("Đơn vị (gồm đơn vị trực thuộc và đơn vị tiền thân)"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Toàn bộ phạm vi của tôi"),
        error_messages={"invalid_choice": _("Đơn vị đã chọn không thuộc phạm vi của bạn.")},
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, user, today, **kwargs):
        super().__init__(*args, **kwargs)
        last = today.year + 1
        for name in ("year_from", "year_to"):
            field = self.fields[name]
            field.validators.append(_max(last))
            field.widget.attrs.update(min=FIRST_YEAR, max=last)
        field = self.fields["unit"]
        field.queryset = Unit.objects.restrict(user).valid_on(today).order_by("path")
        field.widget.choices = self._offered_units(user, field)

    def _offered_units(self, user, field) -> list[tuple]:
        """The units offered in the list: those of the user's top level and one level below
        (the provinces and the Supreme Procuracy's units for the sector; a province's divisions
        and area procuracies for its officer), plus the one asked for. Any unit in reach is
        still accepted from the query string. One query."""
        reach = reach_of(user)
        paths = () if reach.everything else reach.paths.get(VIEW, ())
        top = min((p.count("/") - 2 for p in paths), default=0)
        chosen = str(self.data.get("unit", "")) if self.data else ""
        units = field.queryset.filter(
            Q(depth__lte=top + 1) | Q(pk=chosen if chosen.isdigit() else 0)
        )
        return [("", field.empty_label)] + [(u.pk, field.label_from_instance(u)) for u in units]

    def clean(self):
        data = super().clean()
        start, end = data.get("year_from"), data.get("year_to")
        if start and end:
            if end < start:
                self.add_error("year_to", YEARS_REVERSED)
            elif end - start + 1 > MAX_YEARS:
                self.add_error("year_to", TOO_MANY_YEARS)
        return data


class DashboardYearForm(forms.Form):
    """The emulation year the dashboard shows (``?nam=``), against the year before; empty for
    the default year. From ``FIRST_YEAR`` to this year."""

    nam = forms.IntegerField(
        label=_("Năm thành tích"),
        required=False,
        min_value=FIRST_YEAR,
        error_messages={
            "invalid": _("Năm phải là một số, ví dụ 2025."),
            "min_value": _("Năm phải từ %(limit_value)s trở đi."),
            "max_value": _("Năm không được sau %(limit_value)s."),
        },
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].validators.append(_max(today.year))
        self.years = list(range(today.year, FIRST_YEAR - 1, -1))
        """The years offered, newest first."""

    def year(self) -> int | None:
        """The year asked for, or ``None`` (the default year) when none or a bad one was."""
        return self.cleaned_data.get("nam") if self.is_valid() else None

    def error(self) -> str | None:
        """The reason a year asked for was refused, in Vietnamese, or ``None``."""
        if not self.is_bound or self.is_valid():
            return None
        return str(self.errors["nam"][0])


def _choice(label, choices):
    return forms.ChoiceField(
        label=label,
        choices=[("", _("Tất cả")), *choices],
        required=False,
        error_messages={"invalid_choice": _("Giá trị “%(value)s” không thuộc danh sách cho phép.")},
    )


LEVELS = [("0", _("Cấp cơ sở")), ("1", _("Cấp ngành")), ("2", _("Cấp Nhà nước"))]
SUBJECTS = [("P", _("Cá nhân")), ("C", _("Tập thể"))]
MONEY = [("set", _("Có số tiền thưởng")), ("none", _("Chưa có số tiền thưởng"))]


class DrillForm(forms.Form):
    """Filters of a drill-down list, and how to sort it."""

    def described(self) -> list[tuple[str, str]]:
        """(label, shown value) of each filter in use, for the list's heading."""
        shown = []
        for name, value in self.cleaned_data.items():
            if name == "sort" or value in (None, "", []):
                continue
            field = self.fields[name]
            names = dict(getattr(field, "choices", ()))
            values = value if isinstance(value, list) else [value]
            text = ", ".join(str(names.get(v, names.get(str(v), v))) for v in values)
            shown.append((str(field.label), text))
        return shown


AWARD_SORTS = [
    ("-year", _("Năm, mới trước")),
    ("year", _("Năm, cũ trước")),
    ("code", _("Danh hiệu, hình thức")),
    ("unit", _("Đơn vị khi khen thưởng")),
    ("-money", _("Tiền thưởng, nhiều trước")),
]
LINE_SORTS = [
    ("-year", _("Năm, mới trước")),
    ("unit", _("Đơn vị đề nghị")),
    ("code", _("Danh hiệu, hình thức")),
    ("status", _("Trạng thái")),
]


class AwardDrillForm(DrillForm):
    """Which awards of the period a figure counts: the figure's own dimension values."""

    year = forms.IntegerField(label=_("Năm"), required=False, min_value=FIRST_YEAR, max_value=9999)
    code = forms.CharField(label=_("Mã danh hiệu, hình thức"), required=False, max_length=20)
    level = _choice(_("Cấp"), LEVELS)
    kind = _choice(_("Loại hình"), CommendationKind.choices)
    subject = _choice(_("Đối tượng"), SUBJECTS)
    unit_type = _choice(_("Loại đơn vị"), UnitType.choices)
    branch = forms.IntegerField(label=_("Tỉnh, đơn vị (mã định danh)"), required=False, min_value=1)
    gender = _choice(_("Giới tính"), Gender.choices)
    rank = _choice(_("Ngạch"), [*Rank.choices, ("-", _("Chưa ghi ngạch"))])
    money = _choice(_("Tiền thưởng"), MONEY)
    revoked = _choice(_("Tình trạng"), [("1", _("Đã bị hủy bỏ (không tính vào số liệu)"))])
    sort = _choice(_("Sắp xếp"), AWARD_SORTS)


def _statuses(value: str) -> list[str]:
    return [s for s in value.split(",") if s]


class LineDrillForm(DrillForm):
    """Which proposal lines of the period a figure counts."""

    status = forms.CharField(label=_("Trạng thái"), required=False, max_length=200)
    round = forms.IntegerField(label=_("Đợt (mã định danh)"), required=False, min_value=1)
    step = _choice(_("Bước thẩm định"), AppraisalAction.choices)
    sort = _choice(_("Sắp xếp"), LINE_SORTS)

    def clean_status(self):
        statuses = _statuses(self.cleaned_data["status"])
        unknown = [s for s in statuses if s not in LineStatus.values]
        if unknown:
            raise forms.ValidationError(
                _("Trạng thái “%(value)s” không thuộc danh sách cho phép."),
                params={"value": unknown[0]},
            )
        return statuses

    def described(self) -> list[tuple[str, str]]:
        labels = dict(LineStatus.choices)
        return [
            (label, ", ".join(str(labels[s]) for s in self.cleaned_data["status"]))
            if label == str(self.fields["status"].label) else (label, text)
            for label, text in super().described()
        ]  # fmt: skip
