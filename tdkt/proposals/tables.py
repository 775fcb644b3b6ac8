"""Sortable, paginated tables of rounds and proposals."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from tdkt.proposals.models import Proposal, ProposalRound


class RoundTable(tables.Table):
    name = tables.Column(
        verbose_name=_("Tên đợt"),
        linkify=("proposals:round-detail", {"pk": tables.A("pk")}),
        order_by=("name", "pk"),
    )
    kind = tables.Column(verbose_name=_("Loại đợt"))
    year = tables.Column(verbose_name=_("Năm xét"))
    submission_deadline = tables.DateColumn(format="d/m/Y", verbose_name=_("Hạn nộp"))
    appraisal_deadline = tables.DateColumn(format="d/m/Y", verbose_name=_("Hạn thẩm định"))
    status = tables.Column(verbose_name=_("Trạng thái"))
    proposal_count = tables.Column(
        verbose_name=_("Số đề nghị"), attrs={"td": {"class": "text-end"}}
    )

    class Meta:
        model = ProposalRound
        fields = (
            "name",
            "kind",
            "year",
            "submission_deadline",
            "appraisal_deadline",
            "status",
            "proposal_count",
        )
        sequence = fields
        per_page_field = None
        empty_text = _("Chưa có đợt đề nghị nào khớp với điều kiện tìm kiếm.")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "round-table"}


class ProposalTable(tables.Table):
    unit = tables.Column(
        verbose_name=_("Đơn vị đề nghị"),
        linkify=("proposals:proposal-detail", {"pk": tables.A("pk")}),
        order_by=("unit__path",),
    )
    round = tables.Column(verbose_name=_("Đợt"), order_by=("round__name", "round_id"))
    year = tables.Column(verbose_name=_("Năm xét"), accessor="round__year")
    line_count = tables.Column(verbose_name=_("Số dòng"), attrs={"td": {"class": "text-end"}})
    status = tables.Column(verbose_name=_("Trạng thái"))
    submitted_at = tables.DateTimeColumn(format="d/m/Y H:i", verbose_name=_("Nộp lúc"), default="—")

    def render_unit(self, value):
        return value.short_name

    class Meta:
        model = Proposal
        fields = ("unit", "round", "year", "line_count", "status", "submitted_at")
        sequence = fields
        per_page_field = None
        empty_text = _("Chưa có đề nghị nào khớp với điều kiện tìm kiếm.")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "proposal-table"}
