"""Sortable, paginated tables of decisions and of their recipients."""

import itertools

import django_tables2 as tables
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tdkt.awards.models import Award, Decision


def money(value) -> str:
    return "—" if value is None else intcomma(int(value)).replace(",", ".")


class DecisionTable(tables.Table):
    number = tables.Column(
        verbose_name=_("Số quyết định"),
        linkify=("awards:decision-detail", {"pk": tables.A("pk")}),
        order_by=("number", "pk"),
    )
    signed_on = tables.DateColumn(format="d/m/Y", verbose_name=_("Ngày ký"))
    authority = tables.Column(verbose_name=_("Cơ quan quyết định"))
    summary = tables.Column(verbose_name=_("Trích yếu"), orderable=False)
    round = tables.Column(verbose_name=_("Đợt"), order_by=("round__name",), default="—")
    award_count = tables.Column(
        verbose_name=_("Số khen thưởng"), attrs={"td": {"class": "text-end"}}
    )
    money_total = tables.Column(
        verbose_name=_("Tiền thưởng (đồng)"), attrs={"td": {"class": "text-end"}}, default="—"
    )
    revoked = tables.Column(verbose_name=_("Hiệu lực"))

    def render_money_total(self, value):
        return money(value)

    def render_revoked(self, value, record):
        if value:
            return format_html(
                '<span class="badge text-bg-danger">{}</span>',
                _("Đã hủy bỏ %(day)s") % {"day": f"{record.revoked_on:%d/%m/%Y}"},
            )
        return _("Còn hiệu lực")

    class Meta:
        model = Decision
        fields = (
            "number", "signed_on", "authority", "summary", "round",
            "award_count", "money_total", "revoked",
        )  # fmt: skip
        sequence = fields
        per_page_field = None
        empty_text = _("Chưa có quyết định khen thưởng nào khớp với điều kiện tìm kiếm.")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "decision-table"}


class RecipientTable(tables.Table):
    index = tables.Column(verbose_name=_("STT"), empty_values=(), orderable=False)
    subject = tables.Column(
        verbose_name=_("Cá nhân, tập thể"),
        empty_values=(),
        order_by=("person__full_name", "unit__short_name", "pk"),
    )
    holder_unit = tables.Column(verbose_name=_("Chức vụ, đơn vị"), order_by=("holder_unit__path",))
    award_type = tables.Column(
        verbose_name=_("Danh hiệu, hình thức"), order_by=("award_type__sort_order", "pk")
    )
    money = tables.Column(verbose_name=_("Tiền thưởng (đồng)"), attrs={"td": {"class": "text-end"}})
    revoked = tables.Column(verbose_name=_("Hiệu lực"), orderable=False)

    def render_index(self):
        if not hasattr(self, "_numbers"):
            self._numbers = itertools.count(self.page.start_index() if self.page else 1)
        return next(self._numbers)

    def render_subject(self, record):
        return record.person.full_name if record.person_id else record.unit.full_name

    def render_holder_unit(self, record):
        if record.person_id:
            position = record.person.get_position_display() if record.person.position else ""
            if position:
                return f"{position}, {record.holder_unit.short_name}"
        return record.holder_unit.short_name

    def render_award_type(self, value):
        return value.name

    def render_money(self, value):
        return money(value)

    def render_revoked(self, value):
        return _("Đã hủy bỏ") if value else _("Còn hiệu lực")

    class Meta:
        model = Award
        fields = ("index", "subject", "holder_unit", "award_type", "money", "revoked")
        sequence = fields
        per_page_field = None
        empty_text = _("Quyết định này không có khen thưởng nào trong phạm vi của bạn.")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "recipient-table"}
