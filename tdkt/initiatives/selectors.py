"""Reads of initiatives, always within what the user may see.

An officer sees the initiatives of the units they reach; any user linked to a person also sees
the initiatives they authored (a staff member follows their own submissions).
"""

from django.db.models import Q
from django.http import Http404

from tdkt.accounts.scope import reach_of
from tdkt.initiatives.models import AuthorShare, Initiative


def visible_initiatives(user):
    """Initiatives ``user`` may open; nothing for anonymous users."""
    if user is None or not user.is_authenticated:
        return Initiative.objects.none()
    reached = Initiative.objects.restrict(user).values("pk")
    q = Q(pk__in=reached)
    person_id = reach_of(user).person_id
    if person_id is not None:
        authored = Initiative.authors.through.objects.filter(person_id=person_id)
        q |= Q(pk__in=authored.values("initiative_id"))
    return Initiative.objects.filter(q)


def initiative_get(*, user, pk: int, action: str = "view") -> Initiative:
    """One initiative the user may ``view`` (or act on with ``action``); 404 otherwise."""
    if action == "view":
        queryset = visible_initiatives(user)
    else:
        queryset = Initiative.objects.restrict(user, action)
    try:
        return queryset.select_related("unit", "submitted_by", "decided_by").get(pk=pk)
    except (Initiative.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def initiative_authors(initiative: Initiative) -> list[AuthorShare]:
    """The authors with their shares, in the order given. Initiatives recorded before shares
    existed (imports, demo) list their authors with no percent; two queries at most."""
    shares = list(initiative.shares.select_related("person"))
    if shares:
        return shares
    return [
        AuthorShare(initiative=initiative, person=person, percent=None)
        for person in initiative.authors.order_by("search_text", "pk")
    ]


def is_author(user, initiative: Initiative) -> bool:
    person_id = reach_of(user).person_id
    return person_id is not None and initiative.authors.filter(pk=person_id).exists()
