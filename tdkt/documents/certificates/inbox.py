"""The certificates' share of the task inbox: decisions in reach with certificates not yet
printed."""

from django.urls import reverse

from tdkt.accounts.permissions import CHANGE_PEOPLE
from tdkt.accounts.scope import reach_of
from tdkt.awards.models import Decision
from tdkt.web.inbox import Task, provider


@provider
def certificates_to_print(user, today) -> list[Task]:
    """One task counting the standing decisions the user may print that still have a standing
    award without a certificate (one query besides the reach)."""
    if not reach_of(user).allows_anywhere(CHANGE_PEOPLE):
        return []
    count = (
        Decision.objects.restrict(user, CHANGE_PEOPLE)
        .filter(revoked=False, awards__revoked=False, awards__certificate__isnull=True)
        .distinct()
        .count()
    )
    return [
        Task(
            group="Bằng khen, giấy khen",
            title="Quyết định còn bằng khen, giấy khen chưa in",
            url=reverse("certificates:decisions"),
            count=count,
        )
    ]
