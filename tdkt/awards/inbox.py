"""Tasks of the decision flow for the sector office's inbox: lines the council passed that
wait for a decision (or, for state-level codes, for a transmission upward), and transmitted
lines that wait for the upper authority's result. One query whatever the number of lines."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from tdkt.catalog.models import STATE_LEVEL
from tdkt.proposals import permissions
from tdkt.proposals.models import LineStatus, ProposalLine
from tdkt.web.inbox import Task, provider

GROUP = "Quyết định khen thưởng"


@provider
def decision_tasks(user, today) -> list[Task]:
    if not permissions.can_manage_rounds(user):
        return []
    state = Q(award_type__level__gte=STATE_LEVEL)
    counts = ProposalLine.objects.filter(
        status__in=[LineStatus.PASSED, LineStatus.TRANSMITTED]
    ).aggregate(
        to_decide=Count("pk", filter=Q(status=LineStatus.PASSED) & ~state),
        to_transmit=Count("pk", filter=Q(status=LineStatus.PASSED) & state),
        awaiting=Count("pk", filter=Q(status=LineStatus.TRANSMITTED)),
    )
    return [
        Task(
            group=_(GROUP),
            title=_("Dòng đề nghị Hội đồng đã thống nhất, chờ ghi quyết định khen thưởng"),
            url=reverse("awards:decision-create"),
            count=counts["to_decide"],
        ),
        Task(
            group=_(GROUP),
            title=_("Dòng đề nghị cấp Nhà nước Hội đồng đã thống nhất, chờ trình cấp trên"),
            url=reverse("awards:transmission-create"),
            count=counts["to_transmit"],
        ),
        Task(
            group=_(GROUP),
            title=_("Dòng đề nghị đã trình cấp trên, chờ kết quả"),
            url=reverse("awards:transmission-list"),
            count=counts["awaiting"],
        ),
    ]
