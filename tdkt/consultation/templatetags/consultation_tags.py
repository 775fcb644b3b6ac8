"""The consultation panel shown on a proposal line's page: where the line was published for
public comment, with what outcome, and its report (two queries)."""

from django import template

from tdkt.consultation.models import Candidate, ConsultationStatus
from tdkt.proposals.models import ProposalLine

register = template.Library()


@register.inclusion_tag("consultation/_line_panel.html", takes_context=True)
def consultation_panel(context, line):
    """The line's consultation, if it was ever put in one and the viewer sees the line."""
    user = context["request"].user
    candidate = (
        Candidate.objects.filter(line_id=line.pk)
        .exclude(consultation__status=ConsultationStatus.DRAFT)
        .select_related("consultation")
        .first()
    )
    if (
        candidate is not None
        and not ProposalLine.objects.restrict(user).filter(pk=line.pk).exists()
    ):
        candidate = None
    return {"candidate": candidate, "line": line}
