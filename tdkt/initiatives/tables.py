"""The initiative list as a sortable, paginated table."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from tdkt.initiatives.models import Initiative
from tdkt.org.models import UnitType


class InitiativeTable(tables.Table):
    title = tables.Column(
        verbose_name=_("Tên sáng kiến"),
        linkify=("initiatives:detail", {"pk": tables.A("pk")}),
    )
    unit = tables.Column(verbose_name=_("Đơn vị"), order_by=("unit__path", "title"))
    year = tables.Column(verbose_name=_("Năm"))
    status = tables.Column(verbose_name=_("Trạng thái"))
    effect_scope = tables.Column(verbose_name=_("Phạm vi ảnh hưởng"))
    recognised_on = tables.DateColumn(verbose_name=_("Ngày công nhận"), format="d/m/Y")

    def render_unit(self, value):
        parent = value.parent
        if value.unit_type == UnitType.DIVISION and parent is not None:
            return f"{value.short_name} · {parent.short_name}"
        return value.short_name

    class Meta:
        model = Initiative
        fields = ("title", "unit", "year", "status", "effect_scope", "recognised_on")
        per_page_field = None
        empty_text = _("Không có sáng kiến nào khớp với điều kiện tìm kiếm.")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "initiatives-table"}
