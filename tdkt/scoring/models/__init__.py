"""Scoring tables, scorecards, cross-review of a cluster, ranking and the cluster vote."""

from tdkt.scoring.models.tables import (
    Criterion,
    CriterionKind,
    ScoreBand,
    ScoringGroup,
    ScoringTable,
    TableStatus,
)

__all__ = [
    "Criterion",
    "CriterionKind",
    "ScoreBand",
    "ScoringGroup",
    "ScoringTable",
    "TableStatus",
]
