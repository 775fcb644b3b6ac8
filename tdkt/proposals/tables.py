"""Sortable, paginated tables of rounds and proposals."""

import django_tables2 as tables
from django.utils.html import format_html
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


class AppraisalQueueTable(tables.Table):
    candidate = tables.Column(
        verbose_name=_("Đối tượng"),
        accessor="pk",
        linkify=("proposals:line-detail", {"pk": tables.A("pk")}),
        order_by=("person__full_name", "candidate_unit__short_name", "pk"),
    )
    award_type = tables.Column(
        verbose_name=_("Danh hiệu, hình thức"), order_by=("award_type__sort_order",)
    )
    unit = tables.Column(
        verbose_name=_("Đơn vị đề nghị"),
        accessor="proposal__unit",
        order_by=("proposal__unit__path",),
    )
    round = tables.Column(
        verbose_name=_("Đợt"), accessor="proposal__round", order_by=("proposal__round__name",)
    )
    deadline = tables.Column(
        verbose_name=_("Hạn thẩm định"),
        accessor="proposal__round__appraisal_deadline",
        order_by=("proposal__round__appraisal_deadline", "pk"),
    )
    status = tables.Column(verbose_name=_("Trạng thái"))

    def render_candidate(self, record):
        return record.candidate_name

    def render_award_type(self, value):
        return value.name

    def render_unit(self, value):
        return value.short_name

    def render_deadline(self, value, record):
        days = getattr(record, "days_left", None)
        text = f"{value:%d/%m/%Y}"
        if days is None:
            return text
        if getattr(record, "overdue", False):
            return format_html(
                '{} <span class="badge text-bg-danger">{}</span>',
                text,
                _("quá hạn %(n)s ngày làm việc") % {"n": -days},
            )
        return format_html(
            '{} <span class="badge text-bg-light border">{}</span>',
            text,
            _("còn %(n)s ngày làm việc") % {"n": days},
        )

    class Meta:
        per_page_field = None
        empty_text = _("Không có dòng đề nghị nào ở trạng thái này.")
        attrs = {"class": "table table-sm table-hover align-middle", "id": "appraisal-table"}
