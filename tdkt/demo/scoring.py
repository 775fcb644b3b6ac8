"""Demo scoring data: tables for the unit types the demo clusters use, a complete 2025 (every
member scored, reviewed, review closed, vote held) and 2026 in progress (some units submitted,
some still drafting, the review open in the sector's clusters, no vote yet).

The tables' point scales are **illustrative** (QĐ 424/QĐ-VKSTC's scales were not retrieved;
legal digest §7.4) and say so in their basis. Tables, deadlines, review states and votes go
through the scoring services; the many points, adjustments and evidence rows are bulk-written
with values inside every criterion's range. Every choice comes from the generator's ``rng``,
drawn in a fixed order after every other phase, so the rest of the dataset is unchanged.
"""

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.emulation.models import Cluster, MemberRole
from tdkt.org.models import UnitType
from tdkt.scoring.models import (
    Adjustment,
    CandidacyKind,
    Choice,
    ClusterReview,
    ClusterVote,
    CriterionKind,
    Evidence,
    IndicatorValue,
    Review,
    ReviewScore,
    ScorecardStatus,
    ScoreEntry,
    ScoringTable,
    Turnout,
)
from tdkt.scoring.selectors import cluster_ranking
from tdkt.scoring.services import cards, reviews, votes
from tdkt.scoring.services import tables as table_services

ACTOR = "tdkt.nganh"
DEADLINES = {2025: dt.date(2025, 12, 10), 2026: dt.date(2026, 12, 10)}
BASIS = "Minh họa theo cấu trúc QĐ 424/QĐ-VKSTC (thang điểm thực tế chưa thu thập được)"
HALF = Decimal("0.5")

GROUPS = (
    ("I", "Thực hiện nhiệm vụ chuyên môn, nghiệp vụ", (
        ("1", "Tỷ lệ giải quyết tin báo, tố giác tội phạm và kiến nghị khởi tố", 15, True,
         "TL_GQ_TIN_BAO"),
        ("2", "Tỷ lệ truy tố đúng thời hạn, không để án quá hạn", 15, False, "TL_TRUY_TO_DUNG_HAN"),
        ("3", "Chất lượng tranh tụng tại phiên tòa, kháng nghị phúc thẩm được chấp nhận", 15,
         False, ""),
        ("4", "Kiểm sát hoạt động tư pháp, kiến nghị phòng ngừa được chấp nhận", 15, False, ""),
    )),
    ("II", "Xây dựng ngành, công tác tổ chức cán bộ", (
        ("5", "Thực hiện quy chế dân chủ, văn hóa công sở, kỷ luật, kỷ cương", 10, False, ""),
        ("6", "Đào tạo, bồi dưỡng cán bộ; ứng dụng công nghệ thông tin", 10, False, ""),
    )),
    ("III", "Công tác thi đua, khen thưởng", (
        ("7", "Tổ chức phong trào thi đua, thực hiện giao ước của cụm, khối", 10, True, ""),
        ("8", "Phát hiện, nhân rộng điển hình tiên tiến", 10, False, ""),
    )),
)  # fmt: skip
EXTRAS = (
    ("B1", "Có sáng kiến được công nhận phạm vi toàn ngành", CriterionKind.BONUS, 3),
    ("B2", "Được khen thưởng đột xuất vì thành tích xuất sắc", CriterionKind.BONUS, 2),
    ("T1", "Để xảy ra trường hợp khởi tố, truy tố oan, sai", CriterionKind.DEDUCTION, 10),
    ("T2", "Có cán bộ bị xử lý kỷ luật trong năm", CriterionKind.DEDUCTION, 5),
)
NOTE = "Theo báo cáo tổng kết công tác năm"
PDF = b"%PDF-1.4\n% TDKT demo evidence\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def write_scoring(rng: random.Random) -> dict[str, int]:
    """Write the demo scoring data; returns counts by kind."""
    actor = User.objects.get(username=ACTOR)
    clusters = list(Cluster.objects.filter(year__in=DEADLINES).select_related("organiser"))
    types = sorted(
        set(
            Cluster.objects.filter(year__in=DEADLINES).values_list(
                "members__unit__unit_type", flat=True
            )
        )
        - {None}
    )
    for unit_type in types:
        _tables(unit_type, actor)
    for year in DEADLINES:
        published = timezone.make_aware(dt.datetime(year - 1, 12, 20, 9, 0))
        ScoringTable.objects.filter(year_from=year).update(published_at=published)
    for organiser_id in sorted({c.organiser_id for c in clusters}):
        organiser = next(c.organiser for c in clusters if c.organiser_id == organiser_id)
        for year, deadline in DEADLINES.items():
            cards.calendar_set(
                organiser=organiser, year=year, deadline=deadline, user=actor,
                expected_version=None,
            )  # fmt: skip
    strengths: dict[int, float] = {}
    counts = {"scorecards": 0, "adjustments": 0, "votes": 0}
    for cluster in sorted(clusters, key=lambda c: (c.year, c.pk)):
        complete = cluster.year == 2025
        counts["scorecards"] += _scorecards(cluster, actor, rng, strengths, complete)
        counts["adjustments"] += _review(cluster, actor, rng, complete)
        if complete and _vote(cluster, actor, rng):
            counts["votes"] += 1
    counts["indicator_values"] = _indicators(actor)
    counts["scoring_tables"] = ScoringTable.objects.count()
    return counts


def _indicators(actor) -> int:
    """Indicator values consistent with the points scored on computed criteria (a rate in %:
    points / maximum × 100), as if imported from the sector's statistics."""
    values = {}
    entries = ScoreEntry.objects.filter(criterion__indicator_code__gt="").select_related(
        "criterion", "scorecard__cluster"
    )
    for entry in entries.order_by("pk"):
        criterion, card = entry.criterion, entry.scorecard
        rate = (entry.points / criterion.max_points * 100).quantize(Decimal("0.01"))
        key = (card.unit_id, card.cluster.year, criterion.indicator_code)
        values[key] = IndicatorValue(
            unit_id=key[0], year=key[1], code=key[2], value=rate,
            source="thong-ke-nghiep-vu.xlsx", imported_by=actor,
        )  # fmt: skip
    IndicatorValue.objects.bulk_create(values.values())
    return len(values)


def _tables(unit_type: str, actor) -> None:
    """A 2025 table for the unit type, published, then copied for 2026 and published."""
    label = UnitType(unit_type).label
    table = table_services.table_create(
        user=actor, unit_type=unit_type, name=f"Bảng tiêu chí chấm điểm {label} năm 2025",
        year_from=2025, basis=BASIS, bonus_cap=Decimal("5"), deduction_cap=Decimal("15"),
        disagreement_share=Decimal("0.25"),
    )  # fmt: skip
    for code, title, items in GROUPS:
        group = table_services.group_save(
            table=table, expected_version=None, code=code, title=title
        )
        for item_code, item_title, maximum, evidence, indicator in items:
            table_services.criterion_save(
                table=table, expected_version=None, group=group, code=item_code,
                title=item_title, kind=CriterionKind.STANDARD, max_points=Decimal(maximum),
                evidence_required=evidence, indicator_code=indicator,
            )  # fmt: skip
    extra = table_services.group_save(
        table=table, expected_version=None, code="IV", title="Điểm thưởng, điểm trừ"
    )
    for code, title, kind, maximum in EXTRAS:
        table_services.criterion_save(
            table=table, expected_version=None, group=extra, code=code, title=title, kind=kind,
            max_points=Decimal(maximum),
        )  # fmt: skip
    table_services.bands_set(
        table=table, expected_version=None, bands=table_services.default_bands(table)
    )
    table_services.table_publish(table=table, expected_version=None, user=actor)
    copy = table_services.table_copy_last_year(unit_type=unit_type, year=2026, user=actor)
    table_services.table_publish(table=copy, expected_version=None, user=actor)


def _points(criterion, strength: float, rng) -> Decimal:
    if criterion.kind == CriterionKind.BONUS:
        return criterion.max_points if rng.random() < 0.15 else Decimal(0)
    if criterion.kind == CriterionKind.DEDUCTION:
        return -min(criterion.max_points, Decimal(2)) if rng.random() < 0.05 else Decimal(0)
    share = min(1.0, max(0.5, strength + rng.uniform(-0.06, 0.06)))
    raw = criterion.max_points * Decimal(str(share))
    return min(criterion.max_points, (raw / HALF).quantize(Decimal(1), ROUND_HALF_UP) * HALF)


def _scorecards(cluster, actor, rng, strengths, complete: bool) -> int:
    """Every member of a complete year submits; in 2026 about 60 % submitted, 20 % drafting."""
    members = list(cluster.members.select_related("unit").order_by("unit__code"))
    created = 0
    entries, evidence = [], []
    for member in members:
        unit = member.unit
        draw = 0.0 if complete else rng.random()
        if draw > 0.8:
            continue
        strength = strengths.setdefault(unit.pk, rng.uniform(0.78, 0.97))
        card = cards.scorecard_start(cluster=cluster, unit=unit, user=actor)
        submitted = draw < 0.6
        year = cluster.year
        if submitted:
            card.status = ScorecardStatus.SUBMITTED
            card.submitted_by = actor
            card.submitted_at = timezone.make_aware(
                dt.datetime(year, 12 if complete else 11, rng.randint(1, 9), 15, 0)
            )
            card.save(update_fields=["status", "submitted_by", "submitted_at"])
        for criterion in card.table.criteria.all():
            note = NOTE if criterion.code == "1" else ""
            points = _points(criterion, strength, rng)
            entry = ScoreEntry(scorecard=card, criterion=criterion, points=points, note=note)
            entries.append(entry)
            if criterion.evidence_required and submitted:
                name = f"minh-chung-{criterion.code}.pdf"
                item = Evidence(
                    scorecard=card, criterion=criterion, original_name=name,
                    content_type="application/pdf", size=len(PDF), uploaded_by=actor,
                )  # fmt: skip
                item.file.save(item.original_name, ContentFile(PDF), save=False)
                evidence.append(item)
        created += 1
    ScoreEntry.objects.bulk_create(entries)
    Evidence.objects.bulk_create(evidence)
    uploaded = timezone.make_aware(dt.datetime(cluster.year, 12 if complete else 11, 1, 9, 0))
    Evidence.objects.filter(scorecard__cluster=cluster).update(uploaded_at=uploaded)
    return created


RECUSAL = "Hai đơn vị cùng thực hiện một chuyên đề, tránh xung đột lợi ích"
REASONS = (
    "Chưa đủ tài liệu chứng minh kết quả",
    "Số liệu chưa khớp báo cáo thống kê",
    "Chỉ tiêu đạt thấp hơn giao ước",
    "Kết quả vượt trội, đề nghị giữ nguyên mức cao",
)


def _review(cluster, actor, rng, complete: bool) -> int:
    """Two other members review each submitted scorecard and adjust a few criteria; one
    reviewer recuses in some clusters. 2025's reviews are closed; in 2026 only the sector's
    clusters have opened theirs."""
    sector = cluster.organiser.parent_id is None
    if not cluster.members.filter(role=MemberRole.HEAD).exists() or (not complete and not sector):
        return 0
    reviews.review_open(cluster=cluster, user=actor)
    members = [m.unit for m in cluster.members.select_related("unit").order_by("unit__code")]
    submitted = list(
        cluster.scorecards.filter(status=ScorecardStatus.SUBMITTED)
        .select_related("unit", "table")
        .prefetch_related("entries__criterion")
        .order_by("unit__code")
    )
    scores, history = [], []
    for card in submitted:
        others = [u for u in members if u.pk != card.unit_id]
        for reviewer in rng.sample(others, min(2, len(others))):
            review = Review.objects.create(scorecard=card, reviewer=reviewer)
            if rng.random() < 0.06:
                review.recused, review.recused_by = True, actor
                review.recusal_reason = (
                    "Hai đơn vị cùng thực hiện một chuyên đề, tránh xung đột lợi ích"
                )
                review.recused_at = timezone.now()
                review.save()
                continue
            standard = [e for e in card.entries.all() if e.criterion.kind == CriterionKind.STANDARD]
            for entry in rng.sample(standard, rng.randint(0, 2)):
                lowered = max(Decimal(0), entry.points - HALF * rng.randint(1, 4))
                if lowered == entry.points:
                    continue
                reason = rng.choice(REASONS[:3])
                scores.append(ReviewScore(review=review, criterion=entry.criterion,
                                          points=lowered, reason=reason))  # fmt: skip
                history.append(Adjustment(review=review, criterion=entry.criterion,
                                          from_points=entry.points, to_points=lowered,
                                          reason=reason, actor=actor))  # fmt: skip
    ReviewScore.objects.bulk_create(scores)
    Adjustment.objects.bulk_create(history)
    if complete:
        reviewed = timezone.make_aware(dt.datetime(cluster.year, 12, 12, 10, 0))
        ClusterReview.objects.filter(cluster=cluster).update(opened_at=reviewed)
        Adjustment.objects.filter(review__scorecard__cluster=cluster).update(
            created_at=reviewed, updated_at=reviewed
        )
        state = ClusterReview.objects.get(cluster=cluster)
        reviews.review_close(cluster=cluster, user=actor, expected_version=state.version)
        closed = timezone.make_aware(dt.datetime(cluster.year, 12, 16, 16, 0))
        ClusterReview.objects.filter(cluster=cluster).update(closed_at=closed)
    return len(history)


def _choice(rng) -> str:
    if rng.random() < 0.92:
        return Choice.AGREE
    return rng.choice([Choice.DISAGREE, Choice.ABSTAIN])


def _vote(cluster, actor, rng) -> bool:
    """Candidates from the ranking (first leads, second TTLĐXS, the rest TTLĐTT); every member
    votes, mostly in agreement."""
    if not ClusterReview.objects.filter(cluster=cluster, status="CLOSED").exists():
        return False
    ranked = [r.scorecard.unit for r in cluster_ranking(cluster) if r.rank]
    if not ranked:
        return False
    candidates = {
        CandidacyKind.LEADING: ranked[:1],
        CandidacyKind.EXCELLENT: ranked[1:2],
        CandidacyKind.ADVANCED: ranked[2:],
    }
    vote = votes.vote_open(cluster=cluster, user=actor, candidates=candidates, place="Hà Nội")
    options = list(vote.candidates.all())
    for member in cluster.members.select_related("unit").order_by("unit__code"):
        choices = {
            c.pk: Choice.AGREE
            if rng.random() < 0.92
            else rng.choice([Choice.DISAGREE, Choice.ABSTAIN])
            for c in options
        }
        votes.ballot_cast(vote=vote, member_unit=member.unit, user=actor, choices=choices)
    vote.refresh_from_db()
    votes.vote_close(vote=vote, user=actor, expected_version=vote.version)
    meeting = timezone.make_aware(dt.datetime(cluster.year, 12, 18, 9, 0))
    Turnout.objects.filter(vote=vote).update(cast_at=meeting + dt.timedelta(minutes=30))
    ClusterVote.objects.filter(pk=vote.pk).update(
        opened_at=meeting, closed_at=meeting + dt.timedelta(hours=1)
    )
    return True
