"""E-mails that proposal services send (after commit, see ``core.notify``)."""

from django.utils.translation import gettext as _

from tdkt.accounts.permissions import CHANGE_CATALOG, unit_officers, users_who_may
from tdkt.core.notify import absolute_url, notify


def proposal_submitted(proposal, line_count: int) -> None:
    """Tell the sector officers that a unit submitted its proposal."""
    values = {"unit": proposal.unit.short_name, "round": proposal.round.name, "n": line_count}
    notify(
        users=users_who_may(CHANGE_CATALOG, proposal.unit),
        subject=_("[TĐKT] %(unit)s đã nộp đề nghị – %(round)s") % values,
        body=_(
            "Đơn vị %(unit)s đã nộp đề nghị khen thưởng (%(n)s dòng) trong đợt “%(round)s”.\n"
            "Thẩm định tại: %(url)s"
        )
        % {**values, "url": absolute_url("proposals:proposal-detail", proposal.pk)},
    )


def line_returned(line, comment: str) -> None:
    """Tell the unit's TĐKT officers that a line came back for correction, and why."""
    officers = unit_officers(line.proposal.unit)
    values = {"line": str(line), "round": line.proposal.round.name}
    notify(
        users=officers,
        subject=_("[TĐKT] Dòng đề nghị bị trả lại để bổ sung: %(line)s") % values,
        body=_(
            "Dòng đề nghị %(line)s (đợt “%(round)s”) được trả lại để bổ sung.\n"
            "Nội dung cần bổ sung: %(comment)s\nMở dòng đề nghị: %(url)s"
        )
        % {**values, "comment": comment, "url": absolute_url("proposals:line-detail", line.pk)},
    )


def line_rejected(line, reason: str) -> None:
    """Tell the proposing unit's TĐKT officers that the sector office rejected a line, and why."""
    values = {"line": str(line), "round": line.proposal.round.name}
    notify(
        users=unit_officers(line.proposal.unit),
        subject=_("[TĐKT] Dòng đề nghị không được chấp nhận: %(line)s") % values,
        body=_(
            "Dòng đề nghị %(line)s (đợt “%(round)s”) không được chấp nhận khi thẩm định.\n"
            "Lý do: %(reason)s\nMở dòng đề nghị: %(url)s"
        )
        % {**values, "reason": reason, "url": absolute_url("proposals:line-detail", line.pk)},
    )


def line_resubmitted(line, note: str) -> None:
    """Tell the sector officers that a unit corrected a returned line and sent it back."""
    values = {
        "line": str(line),
        "unit": line.proposal.unit.short_name,
        "round": line.proposal.round.name,
    }
    notify(
        users=users_who_may(CHANGE_CATALOG, line.proposal.unit),
        subject=_("[TĐKT] %(unit)s nộp lại dòng đề nghị: %(line)s") % values,
        body=_(
            "Đơn vị %(unit)s đã bổ sung và nộp lại dòng đề nghị %(line)s (đợt “%(round)s”).\n"
            "Nội dung đã bổ sung: %(note)s\nThẩm định lại tại: %(url)s"
        )
        % {**values, "note": note, "url": absolute_url("proposals:line-detail", line.pk)},
    )
