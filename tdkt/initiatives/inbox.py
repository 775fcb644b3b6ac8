"""What the initiative flow waits for, in the task inbox: initiatives a council member still
has to review (*Sáng kiến chờ chấm*)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from tdkt.council.models import Council, CouncilMember, MemberRole
from tdkt.initiatives.models import Initiative, InitiativeReview, Status
from tdkt.initiatives.selectors import visible_initiatives
from tdkt.org.models import path_ids
from tdkt.web.inbox import Task, provider

GROUP = "Sáng kiến"


def _valid_on(today) -> Q:
    return Q(valid_from__lte=today) & (Q(valid_to__isnull=True) | Q(valid_to__gte=today))


def pending_reviews(user, today) -> list[int]:
    """Submitted initiatives whose reviewing council (the nearest valid one above their unit)
    seats ``user`` as a voting member, that ``user`` has not reviewed and did not author.
    Four queries whatever the number of councils and initiatives."""
    if not user.is_authenticated:
        return []
    seats = dict(
        CouncilMember.objects.filter(user=user)
        .exclude(role=MemberRole.SECRETARY)
        .filter(council__in=Council.objects.filter(_valid_on(today)))
        .values_list("council_id", "council__unit__path")
    )
    if not seats:
        return []
    under = Q()
    for path in seats.values():
        under |= Q(unit__path__startswith=path)
    candidates = (
        Initiative.objects.filter(status=Status.SUBMITTED)
        .filter(under)
        .filter(pk__in=visible_initiatives(user).values("pk"))
        .exclude(pk__in=InitiativeReview.objects.filter(reviewer=user).values("initiative_id"))
    )
    if user.person_id is not None:
        candidates = candidates.exclude(authors=user.person_id)
    rows = list(candidates.values_list("pk", "unit__path"))
    if not rows:
        return []
    # the nearest valid council decides: a council of a unit deeper than the user's seats
    # reviews its own subtree
    under_councils = Q()
    for path in seats.values():
        under_councils |= Q(unit__path__startswith=path)
    councils = list(
        Council.objects.filter(_valid_on(today))
        .filter(under_councils)
        .order_by("unit__depth", "valid_from", "pk")
        .values_list("pk", "unit_id")
    )
    by_unit = {unit_id: pk for pk, unit_id in councils}  # latest valid council of a unit wins
    pending = []
    for pk, path in rows:
        nearest = next((by_unit[uid] for uid in reversed(path_ids(path)) if uid in by_unit), None)
        if nearest in seats:
            pending.append(pk)
    return pending


@provider
def initiatives_to_review(user, today) -> list[Task]:
    pending = pending_reviews(user, today)
    if not pending:
        return []
    if len(pending) == 1:
        url = reverse("initiatives:detail", args=[pending[0]])
    else:
        url = reverse("initiatives:list") + f"?status={Status.SUBMITTED}"
    return [Task(group=_(GROUP), title=_("Sáng kiến chờ chấm"), url=url, count=len(pending))]
