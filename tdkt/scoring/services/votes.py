"""Writes of the cluster vote: the head opens it on its candidates, each member unit casts one
secret ballot, the head closes it and the result (and the leading unit) is recorded."""

import datetime as dt
import secrets
import uuid
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.rules.params import param
from tdkt.scoring.models import (
    Ballot,
    CandidacyKind,
    Candidate,
    Choice,
    ClusterReview,
    ClusterVote,
    ReviewStatus,
    Turnout,
    VoteStatus,
)
from tdkt.scoring.services.cards import NOT_A_MEMBER, require_acting
from tdkt.scoring.services.reviews import head_unit

REVIEW_NOT_CLOSED = "Cụm chưa kết thúc thẩm định chéo nên chưa bình xét được."
VOTE_EXISTS = "Cụm đã mở bình xét năm nay."
NO_CANDIDATES = "Hãy chọn ít nhất một đơn vị được bình xét."
CANDIDATE_NOT_MEMBER = "Đơn vị “%(unit)s” không phải thành viên của cụm, khối."
VOTE_NOT_OPEN = "Cuộc bình xét đã kết thúc hoặc chưa mở."
ALREADY_VOTED = "Đơn vị “%(unit)s” đã bỏ phiếu; mỗi thành viên chỉ bỏ một phiếu."
CHOICE_MISSING = "Hãy cho ý kiến về mọi đơn vị được bình xét (còn thiếu: %(units)s)."
CHOICE_INVALID = "Ý kiến không hợp lệ."

SHARE_PARAMETER = "co_nganh.cluster_vote_share"
DENOMINATOR_PARAMETER = "co_nganh.cluster_vote_denominator"


def threshold_on(year: int) -> dict:
    """The share and denominator of the cluster vote in force at the end of ``year``."""
    day = dt.date(year, 12, 31)
    share = param(SHARE_PARAMETER, day)
    denominator = param(DENOMINATOR_PARAMETER, day)
    return {
        "share": Decimal(str(share.value)),
        "denominator": str(denominator.value),
        "unsure": share.unsure or denominator.unsure,
        "citation": share.citation,
    }


@transaction.atomic
def vote_open(*, cluster, user, candidates: dict[str, list], place: str = "") -> ClusterVote:
    """Open the vote on ``candidates`` (kind → units). The review must be closed first."""
    require_acting(user, head_unit(cluster))
    if not ClusterReview.objects.filter(cluster=cluster, status=ReviewStatus.CLOSED).exists():
        raise DomainError(_(REVIEW_NOT_CLOSED), code="review_open")
    if not any(candidates.values()):
        raise DomainError(_(NO_CANDIDATES), code="no_candidates")
    members = set(cluster.members.values_list("unit_id", flat=True))
    for units in candidates.values():
        for unit in units:
            if unit.pk not in members:
                raise DomainError(_(CANDIDATE_NOT_MEMBER) % {"unit": unit.short_name})
    threshold = threshold_on(cluster.year)
    try:
        with transaction.atomic():
            vote = ClusterVote.objects.create(
                cluster=cluster,
                share=threshold["share"],
                denominator=threshold["denominator"],
                parameter_unsure=threshold["unsure"],
                citation=threshold["citation"][:500],
                member_count=len(members),
                place=place.strip()[:200],
                opened_by=user,
            )
    except IntegrityError:
        raise DomainError(_(VOTE_EXISTS), code="exists") from None
    Candidate.objects.bulk_create(
        Candidate(vote=vote, unit=unit, kind=kind)
        for kind in CandidacyKind.values
        for unit in candidates.get(kind, [])
    )
    return vote


def _shuffle_ballots(vote: ClusterVote) -> None:
    """Rewrite the vote's ballots in random order with fresh random keys, so that neither
    keys nor the physical order of rows follow the order in which members voted."""
    candidate_ids = list(vote.candidates.values_list("pk", flat=True))
    ballots = Ballot.objects.filter(candidate_id__in=candidate_ids)
    rows = list(ballots.values_list("candidate_id", "choice"))
    # A plain "candidate_id IN (…)" delete, not the join Django writes for candidate__vote: the
    # join made PostgreSQL plan a nested loop over every ballot when its row estimate was stale
    # (seconds per vote).
    ballots.delete()
    secrets.SystemRandom().shuffle(rows)
    Ballot.objects.bulk_create(
        Ballot(id=uuid.uuid4(), candidate_id=candidate_id, choice=choice)
        for candidate_id, choice in rows
    )


@transaction.atomic
def ballot_cast(*, vote: ClusterVote, member_unit, user, choices: dict[int, str]) -> None:
    """Record one member's ballot: turnout (who, when) apart from contents (what)."""
    require_acting(user, member_unit)
    vote = ClusterVote.objects.select_for_update().get(pk=vote.pk)
    if vote.status != VoteStatus.OPEN:
        raise DomainError(_(VOTE_NOT_OPEN), code="not_open")
    if not vote.cluster.members.filter(unit=member_unit).exists():
        raise DomainError(
            _(NOT_A_MEMBER) % {"unit": member_unit.short_name, "cluster": str(vote.cluster)},
            code="member",
        )
    candidates = list(vote.candidates.select_related("unit"))
    missing = [c.unit.short_name for c in candidates if c.pk not in choices]
    if missing:
        raise DomainError(_(CHOICE_MISSING) % {"units": ", ".join(missing)}, code="missing")
    if any(choices[c.pk] not in Choice.values for c in candidates):
        raise DomainError(_(CHOICE_INVALID), code="invalid")
    try:
        with transaction.atomic():
            Turnout.objects.create(vote=vote, member_unit=member_unit, cast_by=user)
    except IntegrityError:
        raise DomainError(
            _(ALREADY_VOTED) % {"unit": member_unit.short_name}, code="already_voted"
        ) from None
    Ballot.objects.bulk_create(Ballot(candidate=c, choice=choices[c.pk]) for c in candidates)
    _shuffle_ballots(vote)


def required_agree(vote: ClusterVote, turnout: int) -> Decimal:
    """The number of agree votes a candidate needs: share × members (or × voters)."""
    base = vote.member_count if vote.denominator == "members" else turnout
    return vote.share * base


@transaction.atomic
def vote_close(*, vote: ClusterVote, user, expected_version: int | None) -> ClusterVote:
    """Count the ballots, mark which candidates reached the threshold and record the leading
    unit: the approved leading candidate with most agree votes (then the better rank)."""
    from tdkt.scoring.selectors import cluster_ranking

    require_acting(user, head_unit(vote.cluster))
    if vote.status != VoteStatus.OPEN:
        raise DomainError(_(VOTE_NOT_OPEN), code="not_open")
    turnout = vote.turnout.count()
    counts: dict[int, dict[str, int]] = {}
    for row in (
        Ballot.objects.filter(candidate__vote=vote)
        .values("candidate", "choice")
        .annotate(n=Count("pk"))
    ):
        counts.setdefault(row["candidate"], {})[row["choice"]] = row["n"]
    needed = required_agree(vote, turnout)
    candidates = list(vote.candidates.select_related("unit"))
    for candidate in candidates:
        mine = counts.get(candidate.pk, {})
        candidate.agree = mine.get(Choice.AGREE, 0)
        candidate.disagree = mine.get(Choice.DISAGREE, 0)
        candidate.abstain = mine.get(Choice.ABSTAIN, 0)
        candidate.approved = turnout > 0 and candidate.agree >= needed
    Candidate.objects.bulk_update(candidates, ["agree", "disagree", "abstain", "approved"])
    ranks = {r.scorecard.unit_id: r.rank or 10_000 for r in cluster_ranking(vote.cluster)}
    leaders = sorted(
        (c for c in candidates if c.kind == CandidacyKind.LEADING and c.approved),
        key=lambda c: (-c.agree, ranks.get(c.unit_id, 10_000), c.unit.code),
    )
    vote.leading_unit = leaders[0].unit if leaders else None
    vote.status = VoteStatus.CLOSED
    vote.closed_at = timezone.now()
    vote.closed_by = user
    vote._change_reason = _("Kết thúc bình xét")
    save_with_version(vote, expected_version=expected_version)
    return vote
