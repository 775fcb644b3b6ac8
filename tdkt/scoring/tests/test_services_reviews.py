"""Cross-review: no self-review, recusal, history of adjustments, disagreement, closing."""

from decimal import Decimal

import pytest

from tdkt.core.errors import DomainError, StaleEditError
from tdkt.scoring import selectors
from tdkt.scoring.models import Adjustment, CriterionKind
from tdkt.scoring.services import cards, reviews
from tdkt.scoring.tests.builders import score_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(org, cluster, users, nghe_an, nghe_an_officer):
    """Three submitted scorecards; Hà Nội 8/8, Phú Thọ 9/9, Nghệ An 7/7 (+1 bonus, −1)."""
    result = {}
    for unit, user, value in (
        (org.hanoi, users["hanoi_officer"], Decimal("8")),
        (org.phu_tho, users["phu_tho_officer"], Decimal("9")),
        (nghe_an, nghe_an_officer, Decimal("7")),
    ):
        card = cards.scorecard_start(cluster=cluster, unit=unit, user=user)
        card = score_all(card, user, value=value, bonus=Decimal("1"), deduction=Decimal("1"))
        cards.scorecard_submit(scorecard=card, expected_version=card.version, user=user)
        result[unit.code] = card
    return result


def _first(card):
    return card.table.criteria.filter(kind=CriterionKind.STANDARD).order_by("position").first()


def test_only_the_head_opens_and_closes_the_review(cluster, users, submitted):
    with pytest.raises(DomainError):
        reviews.review_open(cluster=cluster, user=users["phu_tho_officer"])
    state = reviews.review_open(cluster=cluster, user=users["hanoi_officer"])
    with pytest.raises(DomainError) as caught:
        reviews.review_open(cluster=cluster, user=users["hanoi_officer"])
    assert caught.value.code == "already_open"
    reviews.review_close(cluster=cluster, user=users["hanoi_officer"], expected_version=1)
    state.refresh_from_db()
    assert state.is_closed


def test_no_unit_reviews_itself(org, cluster, users, submitted):
    reviews.review_open(cluster=cluster, user=users["hanoi_officer"])
    card = submitted["T-HN"]
    with pytest.raises(DomainError) as caught:
        reviews.review_save(
            scorecard=card, reviewer=org.hanoi, user=users["hanoi_officer"], expected_version=0,
            changes={_first(card).pk: (Decimal("10"), "Tự nâng")},
        )  # fmt: skip
    assert caught.value.message == reviews.SELF_REVIEW


def test_review_before_opening_or_of_a_draft_is_refused(org, cluster, users, nghe_an_officer):
    card = cards.scorecard_start(cluster=cluster, unit=org.phu_tho, user=users["phu_tho_officer"])
    with pytest.raises(DomainError) as caught:
        reviews.review_save(
            scorecard=card, reviewer=org.hanoi, user=users["hanoi_officer"], expected_version=0,
            changes={},
        )  # fmt: skip
    assert caught.value.code == "not_open"
    reviews.review_open(cluster=cluster, user=users["hanoi_officer"])
    with pytest.raises(DomainError) as caught:
        reviews.review_save(
            scorecard=card, reviewer=org.hanoi, user=users["hanoi_officer"], expected_version=0,
            changes={},
        )  # fmt: skip
    assert caught.value.code == "not_submitted"


def test_adjustments_need_a_reason_and_keep_their_history(org, cluster, users, submitted):
    reviews.review_open(cluster=cluster, user=users["hanoi_officer"])
    card = submitted["T-PT2025"]
    criterion = _first(card)
    user = users["hanoi_officer"]
    with pytest.raises(DomainError) as caught:
        reviews.review_save(
            scorecard=card, reviewer=org.hanoi, user=user, expected_version=0,
            changes={criterion.pk: (Decimal("7"), "  ")},
        )  # fmt: skip
    assert caught.value.message == reviews.REASON_REQUIRED % {"code": criterion.code}
    review = reviews.review_save(
        scorecard=card, reviewer=org.hanoi, user=user, expected_version=0,
        changes={criterion.pk: (Decimal("7"), "Thiếu số liệu quý IV")},
    )  # fmt: skip
    reviews.review_save(
        scorecard=card, reviewer=org.hanoi, user=user, expected_version=review.version,
        changes={criterion.pk: (Decimal("7.5"), "Đã bổ sung một phần")},
    )  # fmt: skip
    history = list(Adjustment.objects.filter(review=review))
    assert [(a.from_points, a.to_points, a.reason) for a in history] == [
        (Decimal("9"), Decimal("7"), "Thiếu số liệu quý IV"),
        (Decimal("7"), Decimal("7.5"), "Đã bổ sung một phần"),
    ]
    assert all(a.actor == user and a.created_at for a in history)


def test_two_users_of_one_reviewer_never_overwrite_each_other(org, cluster, users, submitted):
    from tdkt.accounts.models import Role
    from tdkt.testing import make_user

    reviews.review_open(cluster=cluster, user=users["hanoi_officer"])
    leader = make_user("lanhdao.hn2", (Role.LEADER, org.hanoi))
    card = submitted["T-PT2025"]
    criterion = _first(card)
    first = reviews.review_save(
        scorecard=card, reviewer=org.hanoi, user=users["hanoi_officer"], expected_version=0,
        changes={criterion.pk: (Decimal("6"), "A")},
    )  # fmt: skip
    with pytest.raises(StaleEditError):
        reviews.review_save(
            scorecard=card, reviewer=org.hanoi, user=leader, expected_version=0,
            changes={criterion.pk: (Decimal("9"), "B")},
        )  # fmt: skip
    first.refresh_from_db()
    assert first.scores.get().points == Decimal("6")


def test_two_reviewers_keep_their_own_values(
    org, cluster, users, submitted, nghe_an, nghe_an_officer
):
    reviews.review_open(cluster=cluster, user=users["hanoi_officer"])
    card = submitted["T-PT2025"]
    criterion = _first(card)
    reviews.review_save(
        scorecard=card, reviewer=org.hanoi, user=users["hanoi_officer"], expected_version=0,
        changes={criterion.pk: (Decimal("5"), "Thiếu minh chứng")},
    )  # fmt: skip
    reviews.review_save(
        scorecard=card, reviewer=nghe_an, user=nghe_an_officer, expected_version=0,
        changes={criterion.pk: (Decimal("8"), "Trừ 1 điểm")},
    )  # fmt: skip
    result = next(r for r in selectors.cluster_ranking(cluster) if r.scorecard == card)
    line = next(line for line in result.lines if line.criterion == criterion)
    assert line.reviewer_values == {org.hanoi.pk: Decimal("5"), nghe_an.pk: Decimal("8")}
    assert line.final == Decimal("6.50")
    assert line.flagged  # 3 points apart > 25 % of 10


def test_recusal_needs_a_reason_and_removes_the_reviewer(org, cluster, users, submitted):
    reviews.review_open(cluster=cluster, user=users["hanoi_officer"])
    card = submitted["T-PT2025"]
    user = users["hanoi_officer"]
    with pytest.raises(DomainError) as caught:
        reviews.review_recuse(
            scorecard=card, reviewer=org.hanoi, user=user, reason="", expected_version=0
        )
    assert caught.value.message == reviews.RECUSAL_REASON_REQUIRED
    review = reviews.review_recuse(
        scorecard=card, reviewer=org.hanoi, user=user, reason="Cùng chung đề án", expected_version=0
    )
    assert review.recused and review.recusal_reason == "Cùng chung đề án"
    with pytest.raises(DomainError) as caught:
        reviews.review_save(
            scorecard=card, reviewer=org.hanoi, user=user, expected_version=review.version,
            changes={_first(card).pk: (Decimal("1"), "x")},
        )  # fmt: skip
    assert caught.value.code == "recused"
    result = next(r for r in selectors.cluster_ranking(cluster) if r.scorecard == card)
    assert result.active_reviewers == [] and len(result.recused_reviewers) == 1


def test_after_closing_nothing_changes(org, cluster, users, submitted, nghe_an, nghe_an_officer):
    reviews.review_open(cluster=cluster, user=users["hanoi_officer"])
    reviews.review_close(cluster=cluster, user=users["hanoi_officer"], expected_version=1)
    card = submitted["T-PT2025"]
    with pytest.raises(DomainError) as caught:
        reviews.review_save(
            scorecard=card, reviewer=nghe_an, user=nghe_an_officer, expected_version=0,
            changes={_first(card).pk: (Decimal("1"), "Muộn")},
        )  # fmt: skip
    assert caught.value.code == "closed"
    with pytest.raises(DomainError):
        reviews.review_recuse(
            scorecard=card, reviewer=nghe_an, user=nghe_an_officer, reason="x", expected_version=0
        )
    with pytest.raises(DomainError) as caught:
        cards.scorecard_start(cluster=cluster, unit=org.hanoi, user=users["hanoi_officer"])
    assert caught.value.code == "review_closed"


def test_ranking_totals_bands_and_tie_break(org, cluster, users, submitted, nghe_an):
    ranking = selectors.cluster_ranking(cluster)
    assert [r.scorecard.unit.code for r in ranking] == ["T-PT2025", "T-HN", "T-NA"]
    top = ranking[0]
    assert top.final_totals.total == Decimal("18")  # 9 + 9 + 1 bonus − 1 deduction
    assert (top.band, ranking[2].band) == ("Xuất sắc", "Khá")
    assert [r.rank for r in ranking] == [1, 2, 3]


def test_tie_broken_by_fewer_deductions_then_criteria_at_maximum_then_code(db, org, users):
    from tdkt.scoring.results import CardResult, Totals, rank

    class Unit:
        def __init__(self, code):
            self.code = code

    class Card:
        is_submitted = True

        def __init__(self, code):
            self.unit = Unit(code)

    def result(code, standard, deduction, at_max):
        return CardResult(
            scorecard=Card(code), lines=[], self_totals=Totals(0, 0, 0),
            final_totals=Totals(Decimal(standard) + deduction, Decimal(0), Decimal(deduction)),
            band="", at_maximum=at_max, active_reviewers=[], recused_reviewers=[],
        )  # fmt: skip

    ranked = rank(
        [result("D", 18, 0, 1), result("C", 18, 1, 2), result("B", 18, 0, 2), result("A", 18, 0, 2)]
    )
    assert [r.scorecard.unit.code for r in ranked] == ["A", "B", "D", "C"]


def test_caps_apply_to_bonus_and_deduction_totals(org, cluster, users, table):
    from tdkt.scoring.services import tables

    user = users["hanoi_officer"]
    draft = tables.table_new_version(table=table, user=None)
    extra = draft.groups.get(code="II")
    tables.criterion_save(
        table=draft, expected_version=None, group=extra, code="B2", title="Thưởng 2",
        kind=CriterionKind.BONUS, max_points=Decimal("2"),
    )  # fmt: skip
    draft.refresh_from_db()
    tables.table_publish(table=draft, expected_version=draft.version, user=None)
    card = cards.scorecard_start(cluster=cluster, unit=org.hanoi, user=user)
    card = score_all(card, user, value=Decimal("10"), bonus=Decimal("2"), deduction=Decimal("3"))
    result = selectors.cluster_ranking(cluster)[0]
    assert result.self_totals.bonus == Decimal("2")  # 4 proposed, capped at 2
    assert result.self_totals.total == Decimal("19")
    assert result.at_maximum == 2
