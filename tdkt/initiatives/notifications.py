"""E-mails that initiative services send (after commit, see ``core.notify``).

- Sent for review: the TĐKT officers who decide on it (those with ``manage_emulation`` at its
  unit or above, the sector's officers only when no unit officer reaches it) and the voting
  members of the council that reviews it; its authors and the submitter are left out.
- Recognised or refused: the users linked to its authors and the user who submitted it; the
  officer who decided is left out.
"""

from django.utils.translation import gettext as _

from tdkt.accounts.models import User
from tdkt.accounts.permissions import (
    CHANGE_CATALOG,
    MANAGE_EMULATION,
    roles_granting,
    users_who_may,
)
from tdkt.core.notify import absolute_url, notify
from tdkt.initiatives.selectors import council_for, voting_members


def _link(initiative) -> str:
    return absolute_url("initiatives:detail", initiative.pk)


def reviewers_of(initiative) -> list:
    """Who is told that ``initiative`` waits for review and decision (see the module)."""
    deciders = users_who_may(MANAGE_EMULATION, initiative.unit)
    unit_officers = list(deciders.exclude(roles__role__in=roles_granting(CHANGE_CATALOG)))
    officers = unit_officers or list(deciders)
    members = [seat.user for seat in voting_members(council_for(initiative))]
    authors = set(initiative.authors.values_list("pk", flat=True))
    submitter = initiative.submitted_by_id
    return [
        user
        for user in {u.pk: u for u in [*officers, *members]}.values()
        if user.person_id not in authors and user.pk != submitter
    ]


def initiative_submitted(initiative) -> None:
    """Tell the deciding officers and the reviewing council that an initiative was sent for
    review."""
    values = {"title": initiative.title, "unit": initiative.unit.short_name}
    notify(
        users=reviewers_of(initiative),
        subject=_("[TĐKT] Sáng kiến chờ xét: %(title)s") % values,
        body=_(
            "Sáng kiến “%(title)s” của %(unit)s đã được nộp và đang chờ hội đồng chấm, "
            "cán bộ thi đua, khen thưởng xét công nhận.\nXem sáng kiến: %(url)s"
        )
        % {**values, "url": _link(initiative)},
    )


def _authors_and_submitter(initiative, decider) -> list:
    users = User.objects.filter(person__in=initiative.authors.all())
    people = list(users)
    if initiative.submitted_by is not None:
        people.append(initiative.submitted_by)
    return [user for user in {u.pk: u for u in people}.values() if user.pk != decider.pk]


def initiative_recognised(initiative, decider) -> None:
    """Tell the authors and the submitter that the initiative is recognised, with its scope
    of effect and decision."""
    values = {
        "title": initiative.title,
        "scope": initiative.get_effect_scope_display(),
        "number": initiative.decision_number,
        "day": f"{initiative.recognised_on:%d/%m/%Y}",
        "body": initiative.recognising_body,
    }
    notify(
        users=_authors_and_submitter(initiative, decider),
        subject=_("[TĐKT] Sáng kiến được công nhận: %(title)s") % values,
        body=_(
            "Sáng kiến “%(title)s” đã được công nhận, phạm vi ảnh hưởng: %(scope)s "
            "(quyết định số %(number)s ngày %(day)s của %(body)s).\nXem sáng kiến: %(url)s"
        )
        % {**values, "url": _link(initiative)},
    )


def initiative_refused(initiative, decider) -> None:
    """Tell the authors and the submitter that the initiative is not recognised, and why."""
    values = {"title": initiative.title, "reason": initiative.refusal_reason}
    notify(
        users=_authors_and_submitter(initiative, decider),
        subject=_("[TĐKT] Sáng kiến không được công nhận: %(title)s") % values,
        body=_(
            "Sáng kiến “%(title)s” không được công nhận.\nLý do: %(reason)s\nXem sáng kiến: %(url)s"
        )
        % {**values, "url": _link(initiative)},
    )
