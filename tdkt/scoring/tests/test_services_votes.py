"""The cluster vote: threshold from the parameters, one ballot per member, secrecy, result."""

from decimal import Decimal

import pytest
from django.db import connection

from tdkt.core.errors import DomainError
from tdkt.scoring import selectors
from tdkt.scoring.models import Ballot, CandidacyKind, Choice, ClusterVote, Turnout
from tdkt.scoring.services import cards, reviews, votes
from tdkt.scoring.tests.builders import score_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(org, cluster, users, nghe_an, nghe_an_officer):
    for unit, user, value in (
        (org.hanoi, users["hanoi_officer"], Decimal("8")),
        (org.phu_tho, users["phu_tho_officer"], Decimal("9")),
        (nghe_an, nghe_an_officer, Decimal("7")),
    ):
        card = score_all(cards.scorecard_start(cluster=cluster, unit=unit, user=user), user, value)
        cards.scorecard_submit(scorecard=card, expected_version=card.version, user=user)
    reviews.review_open(cluster=cluster, user=users["hanoi_officer"])
    reviews.review_close(cluster=cluster, user=users["hanoi_officer"], expected_version=1)
    return cluster


def _open(cluster, org, users, nghe_an):
    return votes.vote_open(
        cluster=cluster,
        user=users["hanoi_officer"],
        candidates={
            CandidacyKind.LEADING: [org.phu_tho],
            CandidacyKind.EXCELLENT: [org.hanoi],
            CandidacyKind.ADVANCED: [nghe_an],
        },
    )


def _cast(vote, unit, user, choice):
    choices = {c.pk: choice for c in vote.candidates.all()}
    votes.ballot_cast(vote=vote, member_unit=unit, user=user, choices=choices)


def test_vote_needs_a_closed_review(org, cluster, users, nghe_an):
    with pytest.raises(DomainError) as caught:
        _open(cluster, org, users, nghe_an)
    assert caught.value.message == votes.REVIEW_NOT_CLOSED


def test_threshold_comes_from_the_parameters_with_its_confidence(reviewed, org, users, nghe_an):
    vote = _open(reviewed, org, users, nghe_an)
    assert vote.share == Decimal("0.800") and vote.denominator == "members"
    assert vote.parameter_unsure  # 2026: TT 02/2024 keeps 80 % is unsure
    assert vote.member_count == 3
    assert votes.threshold_on(2023)["unsure"] is False


def test_second_ballot_of_a_member_is_refused(reviewed, org, users, nghe_an):
    vote = _open(reviewed, org, users, nghe_an)
    _cast(vote, org.hanoi, users["hanoi_officer"], Choice.AGREE)
    with pytest.raises(DomainError) as caught:
        _cast(vote, org.hanoi, users["hanoi_officer"], Choice.DISAGREE)
    assert caught.value.code == "already_voted"
    assert Ballot.objects.filter(candidate__vote=vote).count() == 3


def test_only_a_user_of_the_member_casts_its_ballot(reviewed, org, users, nghe_an):
    vote = _open(reviewed, org, users, nghe_an)
    with pytest.raises(DomainError) as caught:
        _cast(vote, org.hanoi, users["phu_tho_officer"], Choice.AGREE)
    assert caught.value.code == "not_allowed"
    with pytest.raises(DomainError) as caught:
        votes.ballot_cast(vote=vote, member_unit=org.hanoi, user=users["hanoi_officer"], choices={})
    assert caught.value.code == "missing"


def test_ballots_carry_no_voter_and_no_time(reviewed, org, users, nghe_an, nghe_an_officer):
    vote = _open(reviewed, org, users, nghe_an)
    _cast(vote, org.hanoi, users["hanoi_officer"], Choice.AGREE)
    _cast(vote, nghe_an, nghe_an_officer, Choice.DISAGREE)
    fields = {f.name for f in Ballot._meta.get_fields()}
    assert fields == {"id", "candidate", "choice"}
    columns = {c.name for c in connection.introspection.get_table_description(
        connection.cursor(), Ballot._meta.db_table)}  # fmt: skip
    assert columns == {"id", "candidate_id", "choice"}
    assert Turnout.objects.filter(vote=vote).count() == 2
    # totals stay verifiable: one ballot per candidate per member that voted
    for candidate in vote.candidates.all():
        assert candidate.ballots.count() == 2


def test_result_marks_approved_candidates_and_records_the_leading_unit(
    reviewed, org, users, nghe_an, nghe_an_officer
):
    vote = _open(reviewed, org, users, nghe_an)
    _cast(vote, org.hanoi, users["hanoi_officer"], Choice.AGREE)
    _cast(vote, org.phu_tho, users["phu_tho_officer"], Choice.AGREE)
    choices = {
        c.pk: Choice.AGREE if c.kind == "LEADING" else Choice.ABSTAIN for c in vote.candidates.all()
    }
    votes.ballot_cast(vote=vote, member_unit=nghe_an, user=nghe_an_officer, choices=choices)
    vote.refresh_from_db()
    votes.vote_close(vote=vote, user=users["hanoi_officer"], expected_version=vote.version)
    vote.refresh_from_db()
    outcome = {c.kind: (c.agree, c.disagree, c.abstain, c.approved) for c in vote.candidates.all()}
    assert outcome == {
        "LEADING": (3, 0, 0, True),
        "EXCELLENT": (2, 0, 1, False),  # 2 < 80 % of 3 members
        "ADVANCED": (2, 0, 1, False),
    }
    assert vote.leading_unit == org.phu_tho
    assert selectors.leading_units(2026) == {org.phu_tho.pk: reviewed.pk}
    assert selectors.leading_units(2025) == {}
    with pytest.raises(DomainError):
        _cast(vote, org.hanoi, users["hanoi_officer"], Choice.AGREE)


def test_absent_members_count_against_when_the_denominator_is_members(
    reviewed, org, users, nghe_an
):
    vote = _open(reviewed, org, users, nghe_an)
    _cast(vote, org.hanoi, users["hanoi_officer"], Choice.AGREE)
    _cast(vote, org.phu_tho, users["phu_tho_officer"], Choice.AGREE)
    vote.refresh_from_db()
    votes.vote_close(vote=vote, user=users["hanoi_officer"], expected_version=vote.version)
    assert not ClusterVote.objects.get(pk=vote.pk).leading_unit  # 2 of 3 members < 80 %
