"""Writes of the self-scoring: deadlines, scorecards, their points and evidence, submission."""

import datetime as dt
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.scoring import permissions
from tdkt.scoring.models import (
    ClusterReview,
    Criterion,
    CriterionKind,
    Evidence,
    Scorecard,
    ScorecardStatus,
    ScoreEntry,
    ScoringCalendar,
)
from tdkt.scoring.services.evidence import sniff
from tdkt.scoring.services.indicators import apply_indicators, indicator_points

NOT_ALLOWED = "Bạn không có quyền thực hiện việc này cho đơn vị “%(unit)s”."
NOT_A_MEMBER = "Đơn vị “%(unit)s” không phải thành viên của %(cluster)s."
NO_TABLE = "Chưa có bảng tiêu chí đã ban hành cho %(type)s áp dụng năm %(year)s."
ALREADY_STARTED = "Đơn vị đã có phiếu tự chấm điểm trong cụm, khối này."
AFTER_DEADLINE = "Đã quá hạn tự chấm điểm (%(day)s); phiếu không sửa, nộp được nữa."
ALREADY_SUBMITTED = "Phiếu đã nộp; không sửa được nữa."
REVIEW_CLOSED = "Thẩm định chéo của cụm đã kết thúc; không thay đổi được nữa."
ABOVE_MAXIMUM = "Tiêu chí %(code)s: điểm %(points)s vượt mức tối đa %(max)s."
NEGATIVE_POINTS = "Tiêu chí %(code)s: không được chấm điểm âm (chỉ điểm trừ mới nhập số âm)."
DEDUCTION_TOO_LOW = "Tiêu chí %(code)s: điểm trừ tối đa là −%(max)s."
DEDUCTION_POSITIVE = "Tiêu chí %(code)s là điểm trừ: hãy nhập số âm hoặc 0."
EVIDENCE_MISSING = "Chưa nộp được: tiêu chí %(codes)s bắt buộc có tài liệu chứng minh."
UNSCORED = "Chưa nộp được: còn %(count)s tiêu chí chưa chấm (%(codes)s)."
CRITERION_OTHER_TABLE = "Tiêu chí không thuộc bảng của phiếu này."
DEADLINE_IMPLAUSIBLE = "Hạn phải nằm trong năm thi đua hoặc năm sau."


def deadline_of(scorecard: Scorecard) -> dt.date | None:
    calendar = ScoringCalendar.objects.filter(
        organiser=scorecard.cluster.organiser_id, year=scorecard.cluster.year
    ).first()
    return calendar.self_scoring_deadline if calendar else None


def review_closed(cluster) -> bool:
    return ClusterReview.objects.filter(cluster=cluster, status="CLOSED").exists()


def require_acting(user, unit) -> None:
    if user is not None and not permissions.can_act_for(user, unit):
        raise DomainError(_(NOT_ALLOWED) % {"unit": unit.short_name}, code="not_allowed")


def require_self_editable(scorecard: Scorecard, *, today: dt.date | None = None) -> None:
    """Refuse any change to a scorecard that is submitted, past its deadline, or whose
    cluster's review is closed."""
    if review_closed(scorecard.cluster_id):
        raise DomainError(_(REVIEW_CLOSED), code="review_closed")
    if scorecard.status != ScorecardStatus.DRAFT:
        raise DomainError(_(ALREADY_SUBMITTED), code="submitted")
    deadline = deadline_of(scorecard)
    today = today or timezone.localdate()
    if deadline is not None and today > deadline:
        raise DomainError(
            _(AFTER_DEADLINE) % {"day": deadline.strftime("%d/%m/%Y")}, code="deadline"
        )


@transaction.atomic
def calendar_set(
    *, organiser, year: int, deadline: dt.date, user, expected_version: int | None
) -> ScoringCalendar:
    """Set the self-scoring deadline of the clusters ``organiser`` set up for ``year``."""
    if user is not None and not permissions.can_set_deadlines(user, organiser):
        raise DomainError(_(NOT_ALLOWED) % {"unit": organiser.short_name}, code="not_allowed")
    if not year <= deadline.year <= year + 1:
        raise DomainError(_(DEADLINE_IMPLAUSIBLE), field="deadline")
    calendar = ScoringCalendar.objects.filter(organiser=organiser, year=year).first()
    if calendar is None:
        calendar = ScoringCalendar(organiser=organiser, year=year)
    calendar.self_scoring_deadline = deadline
    calendar._change_reason = _("Đặt hạn tự chấm điểm")
    save_with_version(calendar, expected_version=expected_version)
    return calendar


@transaction.atomic
def scorecard_start(*, cluster, unit, user) -> Scorecard:
    """Open the scorecard of a member unit against the table in force for its type and the
    cluster's year; the table stays attached to the scorecard for good."""
    from tdkt.scoring.selectors import table_for

    require_acting(user, unit)
    if not cluster.members.filter(unit=unit).exists():
        raise DomainError(
            _(NOT_A_MEMBER) % {"unit": unit.short_name, "cluster": str(cluster)}, code="member"
        )
    table = table_for(unit_type=unit.unit_type, year=cluster.year)
    if table is None:
        raise DomainError(
            _(NO_TABLE) % {"type": unit.get_unit_type_display(), "year": cluster.year},
            code="no_table",
        )
    if review_closed(cluster):
        raise DomainError(_(REVIEW_CLOSED), code="review_closed")
    try:
        with transaction.atomic():
            scorecard = Scorecard(cluster=cluster, unit=unit, table=table)
            scorecard._change_reason = _("Lập phiếu tự chấm")
            scorecard.save()
    except IntegrityError:
        raise DomainError(_(ALREADY_STARTED), code="exists") from None
    apply_indicators(scorecard)
    return scorecard


def check_points(criterion: Criterion, points: Decimal) -> None:
    """Refuse points outside the criterion's range, naming the criterion."""
    names = {"code": criterion.code, "points": points, "max": criterion.max_points}
    if criterion.kind == CriterionKind.DEDUCTION:
        if points > 0:
            raise DomainError(_(DEDUCTION_POSITIVE) % names, field=f"c_{criterion.pk}")
        if points < -criterion.max_points:
            raise DomainError(_(DEDUCTION_TOO_LOW) % names, field=f"c_{criterion.pk}")
        return
    if points < 0:
        raise DomainError(_(NEGATIVE_POINTS) % names, field=f"c_{criterion.pk}")
    if points > criterion.max_points:
        raise DomainError(_(ABOVE_MAXIMUM) % names, field=f"c_{criterion.pk}")


@transaction.atomic
def scorecard_save(
    *,
    scorecard: Scorecard,
    expected_version: int | None,
    user,
    points: dict[int, Decimal | None],
    notes: dict[int, str] | None = None,
    today: dt.date | None = None,
) -> Scorecard:
    """Save the self-scored points (criterion id → points, None clears) in one step: every
    value is checked first, so one bad value saves nothing."""
    require_acting(user, scorecard.unit)
    require_self_editable(scorecard, today=today)
    notes = notes or {}
    criteria = {c.pk: c for c in scorecard.table.criteria.all()}
    computed = indicator_points(scorecard)
    for criterion_id, value in points.items():
        if criterion_id not in criteria:
            raise DomainError(_(CRITERION_OTHER_TABLE), code="other_table")
        if value is not None and criterion_id not in computed:
            check_points(criteria[criterion_id], value)
    scorecard._change_reason = _("Tự chấm điểm")
    save_with_version(scorecard, expected_version=expected_version)
    existing = {e.criterion_id: e for e in scorecard.entries.all()}
    for criterion_id, value in points.items():
        if criterion_id in computed:
            continue  # computed from the imported indicator, never typed
        note = (notes.get(criterion_id) or "").strip()
        entry = existing.get(criterion_id)
        if value is None:
            if entry is not None:
                entry.delete()
            continue
        if entry is None:
            ScoreEntry.objects.create(
                scorecard=scorecard, criterion_id=criterion_id, points=value, note=note
            )
        elif entry.points != value or entry.note != note:
            entry.points, entry.note = value, note
            entry.save()
    apply_indicators(scorecard)
    return scorecard


@transaction.atomic
def evidence_add(*, scorecard: Scorecard, criterion: Criterion, upload, user) -> Evidence:
    """Attach a file to a criterion of a draft scorecard, after checking what it really is."""
    require_acting(user, scorecard.unit)
    require_self_editable(scorecard)
    if criterion.table_id != scorecard.table_id:
        raise DomainError(_(CRITERION_OTHER_TABLE), code="other_table")
    content_type = sniff(upload)
    original = (getattr(upload, "name", "") or "tep").rsplit("/", 1)[-1][:255]
    evidence = Evidence(
        scorecard=scorecard,
        criterion=criterion,
        original_name=original,
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
    )
    evidence.file.save(original, upload, save=False)
    evidence.save()
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, user) -> None:
    scorecard = evidence.scorecard
    require_acting(user, scorecard.unit)
    require_self_editable(scorecard)
    stored = evidence.file
    evidence.delete()
    transaction.on_commit(lambda: stored.delete(save=False))


@transaction.atomic
def scorecard_submit(
    *, scorecard: Scorecard, expected_version: int | None, user, today: dt.date | None = None
) -> Scorecard:
    """Hand the scorecard in: every standard criterion scored, evidence attached where the
    table requires it. After this the unit can no longer change it."""
    require_acting(user, scorecard.unit)
    require_self_editable(scorecard, today=today)
    criteria = list(scorecard.table.criteria.all())
    scored = set(scorecard.entries.values_list("criterion_id", flat=True))
    missing = [c.code for c in criteria if c.kind == CriterionKind.STANDARD and c.pk not in scored]
    if missing:
        raise DomainError(
            _(UNSCORED) % {"count": len(missing), "codes": ", ".join(missing)}, code="unscored"
        )
    with_files = set(scorecard.evidence.values_list("criterion_id", flat=True))
    lacking = [c.code for c in criteria if c.evidence_required and c.pk not in with_files]
    if lacking:
        raise DomainError(_(EVIDENCE_MISSING) % {"codes": ", ".join(lacking)}, code="evidence")
    scorecard.status = ScorecardStatus.SUBMITTED
    scorecard.submitted_at = timezone.now()
    scorecard.submitted_by = user
    scorecard._change_reason = _("Nộp phiếu tự chấm")
    save_with_version(scorecard, expected_version=expected_version)
    return scorecard


__all__ = ["StaleEditError"]
