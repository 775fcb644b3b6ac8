"""Totals, classification bands and the ranking of a cluster, computed, never typed.

How a final score is formed (documented in docs/scoring.md):

- Self score per criterion: the unit's own points (an unscored criterion counts 0).
- Each active reviewer (not recused) holds a value per criterion: the points it proposed, or,
  where it proposed nothing, the self score (no objection means agreement).
- Final points per criterion: the mean of the active reviewers' values, rounded half up to
  two decimals; the self score when no reviewer is active.
- Disagreement: a criterion is flagged when the active reviewers' values differ by more than
  the table's ``disagreement_share`` times the criterion's maximum.
- Total: standard points + bonus points (capped by the table's ``bonus_cap``) − deducted
  points (capped by ``deduction_cap``).
- Band: the highest band of the table whose lower bound the final total reaches.
- Ranking (submitted scorecards only): higher final total, then fewer deducted points, then
  more standard criteria at their maximum, then unit code (alphabetical) — always strict.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from tdkt.scoring.models import CriterionKind, Scorecard

CENT = Decimal("0.01")


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Line:
    """One criterion of one scorecard, with the self score, each reviewer's value and the
    final points."""

    criterion: object
    self_points: Decimal
    reviewer_values: dict[int, Decimal] = field(default_factory=dict)
    final: Decimal = Decimal(0)
    flagged: bool = False


@dataclass
class Totals:
    standard: Decimal
    bonus: Decimal
    deduction: Decimal  # deducted points, as a positive number

    @property
    def total(self) -> Decimal:
        return self.standard + self.bonus - self.deduction


@dataclass
class CardResult:
    scorecard: Scorecard
    lines: list[Line]
    self_totals: Totals
    final_totals: Totals
    band: str
    at_maximum: int
    active_reviewers: list
    recused_reviewers: list
    rank: int | None = None

    @property
    def flagged(self) -> list[Line]:
        return [line for line in self.lines if line.flagged]

    @property
    def sort_key(self):
        return (
            -self.final_totals.total,
            self.final_totals.deduction,
            -self.at_maximum,
            self.scorecard.unit.code,
        )


def _totals(table, lines: list[Line], attribute: str) -> Totals:
    sums = {kind: Decimal(0) for kind in CriterionKind.values}
    for line in lines:
        sums[line.criterion.kind] += getattr(line, attribute)
    bonus = min(sums[CriterionKind.BONUS], table.bonus_cap)
    deduction = min(-sums[CriterionKind.DEDUCTION], table.deduction_cap)
    return Totals(sums[CriterionKind.STANDARD], bonus, deduction)


def _band(bands, total: Decimal) -> str:
    for band in bands:  # ordered from the highest lower bound down
        if total >= band.min_points:
            return band.name
    return ""


def card_result(scorecard: Scorecard, criteria: list, bands: list) -> CardResult:
    """The result of one scorecard whose entries and reviews (with scores) are prefetched."""
    table = scorecard.table
    self_points = {e.criterion_id: e.points for e in scorecard.entries.all()}
    reviews = list(scorecard.reviews.all())
    active = [r for r in reviews if not r.recused]
    proposed = {r.pk: {s.criterion_id: s.points for s in r.scores.all()} for r in active}
    lines = []
    for criterion in criteria:
        own = self_points.get(criterion.pk, Decimal(0))
        line = Line(criterion=criterion, self_points=own)
        for review in active:
            line.reviewer_values[review.reviewer_id] = proposed[review.pk].get(criterion.pk, own)
        values = list(line.reviewer_values.values())
        if values:
            line.final = _round(sum(values, Decimal(0)) / len(values))
            spread = max(values) - min(values)
            line.flagged = spread > table.disagreement_share * criterion.max_points
        else:
            line.final = own
        lines.append(line)
    final = _totals(table, lines, "final")
    at_max = sum(
        1
        for line in lines
        if line.criterion.kind == CriterionKind.STANDARD and line.final >= line.criterion.max_points
    )
    return CardResult(
        scorecard=scorecard,
        lines=lines,
        self_totals=_totals(table, lines, "self_points"),
        final_totals=final,
        band=_band(bands, final.total),
        at_maximum=at_max,
        active_reviewers=[r.reviewer for r in active],
        recused_reviewers=[r for r in reviews if r.recused],
    )


def rank(results: list[CardResult]) -> list[CardResult]:
    """Submitted scorecards in ranking order with their rank; drafts follow, unranked."""
    submitted = sorted((r for r in results if r.scorecard.is_submitted), key=lambda r: r.sort_key)
    for position, result in enumerate(submitted, start=1):
        result.rank = position
    drafts = sorted(
        (r for r in results if not r.scorecard.is_submitted), key=lambda r: r.scorecard.unit.code
    )
    return submitted + drafts
