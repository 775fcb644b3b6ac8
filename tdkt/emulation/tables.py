"""Sortable, paginated tables of the emulation lists."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tdkt.emulation.models import Cluster, Movement


class ClusterTable(tables.Table):
    name = tables.Column(
        verbose_name=_("Tên"),
        linkify=("emulation:cluster-detail", {"pk": tables.A("pk")}),
        order_by=("name", "pk"),
    )
    year = tables.Column(verbose_name=_("Năm"))
    kind = tables.Column(verbose_name=_("Loại"))
    organiser = tables.Column(verbose_name=_("Đơn vị tổ chức"), order_by=("organiser__path",))
    member_count = tables.Column(
        verbose_name=_("Số thành viên"), attrs={"td": {"class": "text-end"}}
    )
    head_name = tables.Column(verbose_name=_("Cụm trưởng, khối trưởng"), default="—")
    deputy_name = tables.Column(verbose_name=_("Cụm phó, khối phó"), default="—")

    def render_name(self, value, record):
        if record.synthetic:
            label = _("minh họa")
            return format_html(
                '{} <span class="badge text-bg-light border synthetic-note">{}</span>', value, label
            )
        return value

    def render_organiser(self, value):
        return value.short_name

    class Meta:
        model = Cluster
        fields = ("name", "year", "kind", "organiser", "member_count", "head_name", "deputy_name")
        sequence = fields
        per_page_field = None
        empty_text = _("Chưa có cụm, khối nào khớp với điều kiện tìm kiếm.")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "cluster-table"}


class MovementTable(tables.Table):
    name = tables.Column(
        verbose_name=_("Tên phong trào"),
        linkify=("emulation:movement-detail", {"pk": tables.A("pk")}),
        order_by=("name", "pk"),
    )
    kind = tables.Column(verbose_name=_("Loại"))
    period = tables.Column(
        verbose_name=_("Thời gian"), accessor="period", order_by=("start_year", "end_year")
    )
    launched_by = tables.Column(verbose_name=_("Đơn vị phát động"), order_by=("launched_by__path",))
    document_number = tables.Column(verbose_name=_("Văn bản phát động"), default="—")
    participant_count = tables.Column(
        verbose_name=_("Đơn vị tham gia"), attrs={"td": {"class": "text-end"}}
    )
    review_count = tables.Column(
        verbose_name=_("Sơ kết, tổng kết"), attrs={"td": {"class": "text-end"}}
    )

    def render_launched_by(self, value):
        return value.short_name

    class Meta:
        model = Movement
        fields = (
            "name", "kind", "period", "launched_by", "document_number", "participant_count",
            "review_count",
        )  # fmt: skip
        sequence = fields
        per_page_field = None
        empty_text = _("Chưa có phong trào nào khớp với điều kiện tìm kiếm.")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "movement-table"}
