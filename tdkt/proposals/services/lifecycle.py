"""Moving proposal lines along ``LINE_WORKFLOW`` after appraisal: the council's result, the
decision, the transmission upward and its result, the revocation.

These functions are the only way other apps (``council``, ``awards``) change a line's state.
They check the declared transition for every line, change all lines in bulk (a decision of
500 recipients is a fixed number of queries), record one step per line (``LineAppraisal``)
and one event per line in its proposal's log, and keep the lines' history. The caller checks
its own permission (who may record a ballot's result, a decision…) and passes the user.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from tdkt.proposals.models import LineAppraisal, ProposalEvent, ProposalLine
from tdkt.proposals.workflow import LINE_WORKFLOW

EVENT = "%(label)s: %(line)s"


@transaction.atomic
def lines_advance(
    *,
    lines: Iterable[ProposalLine],
    action: str,
    user=None,
    comment: str = "",
) -> list[ProposalLine]:
    """Take ``action`` (an ``AppraisalAction`` value) on every line, all or nothing.

    The lines are locked and read again; when any of them is not in a state from which the
    workflow allows ``action``, a ``DomainError`` naming the first such line is raised and
    nothing changes. Returns the stored lines in their new state, versions increased.
    """
    pks = sorted({line.pk for line in lines})
    if not pks:
        return []
    stored = list(
        ProposalLine.objects.select_for_update(of=("self",))
        .select_related("person", "candidate_unit", "award_type")
        .filter(pk__in=pks)
        .order_by("pk")
    )
    transition = None
    now = timezone.now()
    for line in stored:
        transition = LINE_WORKFLOW.step(
            line.status, action, subject=_("Dòng đề nghị %(line)s") % {"line": line}
        )
        line.status = transition.target
        line.version += 1
        line.updated_at = now
    label = LINE_WORKFLOW.states(transition.target).label
    bulk_update_with_history(
        stored,
        ProposalLine,
        ["status", "version", "updated_at"],
        default_user=user,
        default_change_reason=str(label),
    )
    comment = (comment or "").strip()
    LineAppraisal.objects.bulk_create(
        LineAppraisal(line=line, action=action, comment=comment, actor=user) for line in stored
    )
    events = []
    for line in stored:
        text = _(EVENT) % {"label": label, "line": line}
        if comment:
            text = f"{text} – {comment}"
        events.append(
            ProposalEvent(proposal_id=line.proposal_id, line=line, action=text[:200], actor=user)
        )
    ProposalEvent.objects.bulk_create(events)
    return stored
