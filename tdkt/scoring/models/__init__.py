"""Scoring tables, scorecards, cross-review of a cluster, ranking and the cluster vote."""

from tdkt.scoring.models.cards import (
    Adjustment,
    ClusterReview,
    Evidence,
    Review,
    ReviewScore,
    ReviewStatus,
    Scorecard,
    ScorecardStatus,
    ScoreEntry,
    ScoringCalendar,
)
from tdkt.scoring.models.indicators import IndicatorValue
from tdkt.scoring.models.tables import (
    Criterion,
    CriterionKind,
    ScoreBand,
    ScoringGroup,
    ScoringTable,
    TableStatus,
)
from tdkt.scoring.models.votes import (
    Ballot,
    CandidacyKind,
    Candidate,
    Choice,
    ClusterVote,
    Turnout,
    VoteStatus,
)

__all__ = [
    "Adjustment",
    "Ballot",
    "Candidate",
    "CandidacyKind",
    "Choice",
    "ClusterReview",
    "ClusterVote",
    "Criterion",
    "CriterionKind",
    "Evidence",
    "IndicatorValue",
    "Review",
    "ReviewScore",
    "ReviewStatus",
    "ScoreBand",
    "Scorecard",
    "ScorecardStatus",
    "ScoreEntry",
    "ScoringCalendar",
    "ScoringGroup",
    "ScoringTable",
    "TableStatus",
    "Turnout",
    "VoteStatus",
]
