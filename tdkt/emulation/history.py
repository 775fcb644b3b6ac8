"""The change history of a cluster: its own fields, and member changes told in the reason."""

from tdkt.core.history import Change, changes_of
from tdkt.emulation.models import Cluster


def cluster_history(cluster: Cluster) -> list[Change]:
    """Every recorded change to the cluster, newest first. One query."""
    records = (
        Cluster.history.filter(id=cluster.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    return sorted(changes_of(Cluster, records), key=lambda c: c.when, reverse=True)
