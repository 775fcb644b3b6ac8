"""Reads of covenants: targets, and which members signed, who and when."""

from dataclasses import dataclass

from tdkt.emulation.models import Cluster, Covenant, CovenantSignature
from tdkt.emulation.selectors.clusters import cluster_members


@dataclass
class SignatureRow:
    member: object
    signature: CovenantSignature | None


@dataclass
class CovenantView:
    covenant: Covenant | None
    targets: list
    rows: list[SignatureRow]

    @property
    def signed_count(self) -> int:
        return sum(1 for r in self.rows if r.signature is not None)

    @property
    def fully_signed(self) -> bool:
        return bool(self.rows) and self.signed_count == len(self.rows)

    @property
    def locked(self) -> bool:
        return self.signed_count > 0


def covenant_for(cluster: Cluster, members=None) -> CovenantView:
    """The covenant of ``cluster`` (or none yet) with its targets and one row per member with
    its signature; four queries whatever the number of members and targets."""
    covenant = Covenant.objects.filter(cluster=cluster).first()
    members = members if members is not None else cluster_members(cluster)
    if covenant is None:
        return CovenantView(None, [], [SignatureRow(m, None) for m in members])
    targets = list(covenant.targets.all())
    signatures = {s.unit_id: s for s in covenant.signatures.select_related("signed_by")}
    rows = [SignatureRow(m, signatures.get(m.unit_id)) for m in members]
    return CovenantView(covenant, targets, rows)
