"""Filters of the people list."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.org.models import Unit
from tdkt.people.models import Gender, Person, Position, Rank


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return "\u2003" * max(obj.depth - 1, 0) + obj.short_name


class PersonFilter(django_filters.FilterSet):
    """Search and filters of the people list; every choice of unit is within the user's scope."""

    q = django_filters.CharFilter(
        label=_("Tìm theo tên hoặc mã"),
        method="filter_q",
        widget=forms.TextInput(attrs={"placeholder": _("vd. dang van duc"), "autofocus": True}),
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị (gồm đơn vị trực thuộc)"),
        queryset=Unit.objects.none(),
        method="filter_unit",
        empty_label=_("Tất cả đơn vị"),
    )
    gender = django_filters.ChoiceFilter(
        label=_("Giới tính"), choices=Gender.choices, empty_label=_("Tất cả")
    )
    rank = django_filters.ChoiceFilter(
        label=_("Ngạch"), choices=Rank.choices, empty_label=_("Tất cả")
    )
    position = django_filters.ChoiceFilter(
        label=_("Chức vụ"), choices=Position.choices, empty_label=_("Tất cả")
    )
    status = django_filters.ChoiceFilter(
        label=_("Tình trạng"),
        choices=[("active", _("Đang công tác")), ("left", _("Đã thôi công tác"))],
        method="filter_status",
        empty_label=_("Tất cả"),
    )

    class Meta:
        model = Person
        fields = ["q", "unit", "gender", "rank", "position", "status"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.filters["unit"]
        field.field_class = UnitChoiceField
        # django-filter builds the form field from the filter's own ``queryset`` attribute
        # (``extra["queryset"]`` is overridden by it), so that is the one to scope.
        field.queryset = Unit.objects.restrict(user).valid_on(timezone.localdate()).order_by("path")

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_unit(self, queryset, name, value):
        return queryset.filter(unit__path__startswith=value.path)

    def filter_status(self, queryset, name, value):
        return queryset.filter(leaving_date__isnull=(value == "active"))
