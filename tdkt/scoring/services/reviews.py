"""Writes of the cross-review: the head opens and closes it; member units adjust the points of
the others' scorecards with a reason, or recuse themselves with a reason."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.concurrency import STALE_EDIT, save_with_version
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.emulation.models import MemberRole
from tdkt.scoring.models import (
    Adjustment,
    ClusterReview,
    Review,
    ReviewScore,
    ReviewStatus,
    Scorecard,
)
from tdkt.scoring.services.cards import CRITERION_OTHER_TABLE, check_points, require_acting

NO_HEAD = "Cụm, khối chưa có đơn vị cụm trưởng, khối trưởng."
ALREADY_OPEN = "Thẩm định chéo của cụm đã được mở."
NOT_OPEN = "Cụm chưa mở thẩm định chéo."
CLOSED = "Thẩm định chéo của cụm đã kết thúc; không thay đổi được nữa."
NOT_SUBMITTED = "Phiếu chưa nộp nên chưa thẩm định được."
SELF_REVIEW = "Đơn vị không được tự thẩm định phiếu của chính mình."
REVIEWER_NOT_MEMBER = "Đơn vị thẩm định phải là thành viên của cụm, khối."
RECUSED = "Đơn vị đã từ chối thẩm định phiếu này."
REASON_REQUIRED = "Tiêu chí %(code)s: hãy ghi lý do điều chỉnh điểm."
RECUSAL_REASON_REQUIRED = "Hãy ghi lý do từ chối thẩm định."
HAS_SCORES = "Đơn vị đã điều chỉnh điểm phiếu này nên không từ chối được nữa."


def head_unit(cluster):
    member = cluster.members.filter(role=MemberRole.HEAD).select_related("unit").first()
    if member is None:
        raise DomainError(_(NO_HEAD), code="no_head")
    return member.unit


@transaction.atomic
def review_open(*, cluster, user) -> ClusterReview:
    """The head unit opens the cross-review of its cluster."""
    require_acting(user, head_unit(cluster))
    try:
        with transaction.atomic():
            return ClusterReview.objects.create(cluster=cluster, opened_by=user)
    except IntegrityError:
        raise DomainError(_(ALREADY_OPEN), code="already_open") from None


@transaction.atomic
def review_close(*, cluster, user, expected_version: int | None) -> ClusterReview:
    """The head unit closes the review: from now on scorecards and reviews are final."""
    require_acting(user, head_unit(cluster))
    review = ClusterReview.objects.filter(cluster=cluster).first()
    if review is None:
        raise DomainError(_(NOT_OPEN), code="not_open")
    if review.status == ReviewStatus.CLOSED:
        raise DomainError(_(CLOSED), code="closed")
    review.status = ReviewStatus.CLOSED
    review.closed_at = timezone.now()
    review.closed_by = user
    review._change_reason = _("Kết thúc thẩm định chéo")
    save_with_version(review, expected_version=expected_version)
    return review


def _require_reviewable(scorecard: Scorecard, reviewer) -> None:
    state = ClusterReview.objects.filter(cluster=scorecard.cluster_id).first()
    if state is None:
        raise DomainError(_(NOT_OPEN), code="not_open")
    if state.status == ReviewStatus.CLOSED:
        raise DomainError(_(CLOSED), code="closed")
    if not scorecard.is_submitted:
        raise DomainError(_(NOT_SUBMITTED), code="not_submitted")
    if reviewer.pk == scorecard.unit_id:
        raise DomainError(_(SELF_REVIEW), code="self_review")
    if not scorecard.cluster.members.filter(unit=reviewer).exists():
        raise DomainError(_(REVIEWER_NOT_MEMBER), code="not_member")


def _review_for_update(scorecard, reviewer, expected_version: int | None) -> Review:
    """The reviewer's review, created on first use. ``expected_version`` 0 means the form was
    opened before any review existed: a review created meanwhile makes the edit stale."""
    review = Review.objects.select_for_update().filter(scorecard=scorecard, reviewer=reviewer)
    review = review.first()
    if review is None:
        if expected_version not in (None, 0):
            raise StaleEditError(_(STALE_EDIT), code="stale")
        try:
            with transaction.atomic():
                return Review.objects.create(scorecard=scorecard, reviewer=reviewer)
        except IntegrityError:
            raise StaleEditError(_(STALE_EDIT), code="stale") from None
    if expected_version == 0:
        raise StaleEditError(_(STALE_EDIT), code="stale")
    save_with_version(review, expected_version=expected_version)
    return review


@transaction.atomic
def review_save(
    *,
    scorecard: Scorecard,
    reviewer,
    user,
    expected_version: int | None,
    changes: dict[int, tuple[Decimal, str]],
) -> Review:
    """Record a reviewer's points per criterion (criterion id → (points, reason)). A value that
    differs from the one in force needs a reason; each change is kept as an adjustment with
    who, when, from, to and why. One bad value saves nothing."""
    require_acting(user, reviewer)
    _require_reviewable(scorecard, reviewer)
    criteria = {c.pk: c for c in scorecard.table.criteria.all()}
    self_points = {e.criterion_id: e.points for e in scorecard.entries.all()}
    for criterion_id, (points, _reason) in changes.items():
        if criterion_id not in criteria:
            raise DomainError(_(CRITERION_OTHER_TABLE), code="other_table")
        check_points(criteria[criterion_id], points)
    review = _review_for_update(scorecard, reviewer, expected_version)
    if review.recused:
        raise DomainError(_(RECUSED), code="recused")
    current = {s.criterion_id: s for s in review.scores.all()}
    for criterion_id, (points, reason) in changes.items():
        criterion = criteria[criterion_id]
        score = current.get(criterion_id)
        before = score.points if score else self_points.get(criterion_id, Decimal(0))
        if points == before:
            continue
        reason = (reason or "").strip()
        if not reason:
            raise DomainError(
                _(REASON_REQUIRED) % {"code": criterion.code}, field=f"r_{criterion_id}"
            )
        if score is None:
            ReviewScore.objects.create(
                review=review, criterion=criterion, points=points, reason=reason
            )
        else:
            score.points, score.reason = points, reason
            score.save(update_fields=["points", "reason"])
        Adjustment.objects.create(
            review=review,
            criterion=criterion,
            from_points=before,
            to_points=points,
            reason=reason,
            actor=user,
        )
    return review


@transaction.atomic
def review_recuse(
    *, scorecard: Scorecard, reviewer, user, reason: str, expected_version: int | None
) -> Review:
    """A reviewer withdraws from one scorecard (e.g. a conflict of interest), with a reason.
    It must not have adjusted any point of that scorecard."""
    require_acting(user, reviewer)
    _require_reviewable(scorecard, reviewer)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_(RECUSAL_REASON_REQUIRED), field="reason")
    review = _review_for_update(scorecard, reviewer, expected_version)
    if review.recused:
        raise DomainError(_(RECUSED), code="recused")
    if review.scores.exists():
        raise DomainError(_(HAS_SCORES), code="has_scores")
    review.recused = True
    review.recusal_reason = reason
    review.recused_by = user
    review.recused_at = timezone.now()
    review._change_reason = reason
    review.save()
    return review
