"""The people list as a sortable, paginated table."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from tdkt.org.models import UnitType
from tdkt.people.models import Person


class PersonTable(tables.Table):
    code = tables.Column(verbose_name=_("Mã"), order_by=("code",))
    full_name = tables.Column(
        verbose_name=_("Họ và tên"),
        linkify=("people:detail", {"pk": tables.A("pk")}),
        order_by=("search_text", "pk"),
    )
    gender = tables.Column(verbose_name=_("Giới tính"))
    date_of_birth = tables.DateColumn(verbose_name=_("Ngày sinh"), format="d/m/Y")
    rank = tables.Column(verbose_name=_("Ngạch"))
    position = tables.Column(verbose_name=_("Chức vụ"))
    unit = tables.Column(
        verbose_name=_("Đơn vị"),
        linkify=("org:detail", {"pk": tables.A("unit_id")}),
        order_by=("unit__path", "search_text"),
    )

    def render_unit(self, value, record):
        parent = value.parent
        if value.unit_type == UnitType.DIVISION and parent is not None:
            return f"{value.short_name} · {parent.short_name}"
        return value.short_name

    class Meta:
        model = Person
        fields = ("code", "full_name", "gender", "date_of_birth", "rank", "position", "unit")
        sequence = ("code", "full_name", "gender", "date_of_birth", "rank", "position", "unit")
        per_page_field = None
        empty_text = _("Không có cán bộ nào khớp với điều kiện tìm kiếm.")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "people-table"}
