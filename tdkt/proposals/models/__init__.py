"""Models of proposals: rounds, proposals and lines, dossier checklists and documents."""

from tdkt.proposals.models.dossiers import (
    CONSULTATION_ITEM,
    ChecklistItem,
    DossierDocument,
    Procedure,
)
from tdkt.proposals.models.proposals import (
    CLOSED_NEGATIVE,
    AppraisalAction,
    LineAppraisal,
    LineStatus,
    Proposal,
    ProposalEvent,
    ProposalLine,
    ProposalStatus,
)
from tdkt.proposals.models.rounds import (
    ProposalRound,
    RoundKind,
    RoundStatus,
    SimplifiedCase,
)

__all__ = [
    "CLOSED_NEGATIVE",
    "CONSULTATION_ITEM",
    "AppraisalAction",
    "LineAppraisal",
    "ChecklistItem",
    "DossierDocument",
    "LineStatus",
    "Procedure",
    "Proposal",
    "ProposalEvent",
    "ProposalLine",
    "ProposalRound",
    "ProposalStatus",
    "RoundKind",
    "RoundStatus",
    "SimplifiedCase",
]
