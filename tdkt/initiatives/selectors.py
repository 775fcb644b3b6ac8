"""Reads of initiatives, always within what the user may see.

An officer sees the initiatives of the units they reach; any user linked to a person also sees
the initiatives they authored (a staff member follows their own submissions); a voting member
of a council valid today sees the submitted and decided initiatives of the council's unit
subtree (so that they can review them).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from tdkt.accounts.scope import reach_of
from tdkt.council.models import Council, CouncilMember, MemberRole
from tdkt.initiatives.models import AuthorShare, Initiative, InitiativeReview, Opinion, Status
from tdkt.org.models import path_ids


def visible_initiatives(user):
    """Initiatives ``user`` may open; nothing for anonymous users."""
    if user is None or not user.is_authenticated:
        return Initiative.objects.none()
    reached = Initiative.objects.restrict(user).values("pk")
    q = Q(pk__in=reached)
    today = timezone.localdate()
    seats = (
        CouncilMember.objects.filter(user=user)
        .exclude(role=MemberRole.SECRETARY)
        .filter(council__valid_from__lte=today)
        .filter(Q(council__valid_to__isnull=True) | Q(council__valid_to__gte=today))
        .values_list("council__unit__path", flat=True)
    )
    reviewed = Q()
    for path in set(seats):
        reviewed |= Q(unit__path__startswith=path)
    if reviewed:
        q |= reviewed & ~Q(status=Status.DRAFT)
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


def council_for(initiative: Initiative, today=None) -> Council | None:
    """The council that reviews ``initiative``: the one of its unit or of the nearest ancestor
    unit that has a council valid on ``today``. One query."""
    today = today or timezone.localdate()
    return (
        Council.objects.filter(unit_id__in=path_ids(initiative.unit.path))
        .filter(valid_from__lte=today)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .select_related("unit")
        .order_by("-unit__depth", "-valid_from", "-pk")
        .first()
    )


def voting_members(council: Council | None) -> list[CouncilMember]:
    """The council's members who review (everyone but the secretary), with their users."""
    if council is None:
        return []
    return list(
        council.members.exclude(role=MemberRole.SECRETARY)
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name", "pk")
    )


@dataclass
class ReviewPanel:
    """What the "Hội đồng chấm sáng kiến" section shows to one user."""

    council: Council | None
    members: list[CouncilMember]
    reviews: list[InitiativeReview]
    my_review: InitiativeReview | None
    is_member: bool
    recused: bool
    can_review: bool
    show_results: bool
    rows: list[tuple[CouncilMember, InitiativeReview | None]] = field(default_factory=list)

    @property
    def reviewed(self) -> int:
        return len(self.reviews)

    @property
    def average(self) -> float | None:
        if not self.reviews:
            return None
        return round(sum(r.score for r in self.reviews) / len(self.reviews), 1)

    @property
    def agree(self) -> int:
        return sum(1 for r in self.reviews if r.opinion == Opinion.AGREE)

    @property
    def disagree(self) -> int:
        return sum(1 for r in self.reviews if r.opinion == Opinion.DISAGREE)


def review_panel(user, initiative: Initiative, *, officer: bool, author: bool) -> ReviewPanel:
    """The council, its voting members and the reviews, as ``user`` may see them: the summary
    and each member's review once the user reviewed, or for an officer who is not an author.
    Three queries whatever the number of members and reviews."""
    council = council_for(initiative)
    members = voting_members(council)
    reviews = list(
        InitiativeReview.objects.filter(initiative=initiative)
        .select_related("reviewer")
        .order_by("created_at", "pk")
    )
    my_review = next((r for r in reviews if r.reviewer_id == user.pk), None)
    is_member = any(m.user_id == user.pk for m in members)
    by_reviewer = {r.reviewer_id: r for r in reviews}
    return ReviewPanel(
        council=council,
        members=members,
        reviews=reviews,
        my_review=my_review,
        is_member=is_member,
        recused=is_member and author,
        can_review=is_member and not author and initiative.status == Status.SUBMITTED,
        show_results=my_review is not None or (officer and not author),
        rows=[(m, by_reviewer.get(m.user_id)) for m in members]
        + [(None, r) for r in reviews if r.reviewer_id not in {m.user_id for m in members}],
    )
