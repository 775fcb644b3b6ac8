"""Filters of the initiative list."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tdkt.core.search import search_terms
from tdkt.initiatives.forms import UnitField
from tdkt.initiatives.models import EffectScope, Initiative, Status
from tdkt.org.models import Unit


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Tìm theo tên sáng kiến"),
        method="filter_q",
        widget=forms.TextInput(attrs={"placeholder": _("vd. sổ tay")}),
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị (gồm đơn vị trực thuộc)"),
        queryset=Unit.objects.none(),
        method="filter_unit",
        empty_label=_("Tất cả đơn vị"),
    )
    year = django_filters.NumberFilter(label=_("Năm"))
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"), choices=Status.choices, empty_label=_("Tất cả")
    )
    effect_scope = django_filters.ChoiceFilter(
        label=_("Phạm vi ảnh hưởng"), choices=EffectScope.choices, empty_label=_("Tất cả")
    )

    class Meta:
        model = Initiative
        fields = ["q", "unit", "year", "status", "effect_scope"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.filters["unit"]
        field.field_class = UnitField
        units = Unit.objects.restrict(user).valid_on(timezone.localdate()).order_by("path")
        field.queryset = units
        field.extra["queryset"] = units

    def filter_q(self, queryset, name, value):
        q = Q()
        for term in search_terms(value):
            q &= Q(title__icontains=term)
        return queryset.filter(q) if q else queryset

    def filter_unit(self, queryset, name, value):
        return queryset.filter(unit__path__startswith=value.path)
