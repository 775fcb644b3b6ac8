"""Emulation during the year (domain.md §3, §6, §7): clusters and blocks of units with their
covenants, movements with their reviews, and registrations of target titles."""

from tdkt.emulation.models.clusters import (
    Cluster,
    ClusterKind,
    ClusterMember,
    ClusterQuerySet,
    Covenant,
    CovenantSignature,
    CovenantTarget,
    MemberRole,
)
from tdkt.emulation.models.movements import (
    Movement,
    MovementKind,
    MovementQuerySet,
    MovementReview,
    ReviewStage,
)
from tdkt.emulation.models.registrations import (
    RegisteredCollective,
    RegisteredPerson,
    RegistrationPeriod,
    UnitRegistration,
)

__all__ = [
    "Cluster",
    "ClusterKind",
    "ClusterMember",
    "ClusterQuerySet",
    "Covenant",
    "CovenantSignature",
    "CovenantTarget",
    "MemberRole",
    "Movement",
    "MovementKind",
    "MovementQuerySet",
    "MovementReview",
    "RegisteredCollective",
    "RegisteredPerson",
    "RegistrationPeriod",
    "ReviewStage",
    "UnitRegistration",
]
