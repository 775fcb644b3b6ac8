"""A unit's emulation page for a year: its clusters, scorecards, ranks and vote results."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from tdkt.emulation.models import ClusterMember, MemberRole
from tdkt.org.models import Unit
from tdkt.scoring import selectors
from tdkt.scoring.models import Candidate, Scorecard
from tdkt.scoring.results import rank


def _unit_or_404(user, pk):
    """A unit the user reaches, or a member of a cluster the user reaches (members see each
    other's results); 404 otherwise."""
    from tdkt.emulation.models import Cluster

    clusters = Cluster.objects.restrict(user).values("pk")
    visible = Unit.objects.restrict(user).values("pk")
    units = Unit.objects.filter(Q(pk__in=visible) | Q(cluster_memberships__cluster__in=clusters))
    unit = units.filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit


def _results_of(unit, clusters) -> dict:
    """The unit's ranked result in each cluster, all clusters computed in one pass."""
    by_cluster: dict[int, list] = {}
    cards = Scorecard.objects.filter(cluster__in=clusters)
    for result in selectors.scorecards_with_results(cards):
        by_cluster.setdefault(result.scorecard.cluster_id, []).append(result)
    found = {}
    for cluster_id, results in by_cluster.items():
        for result in rank(results):
            if result.scorecard.unit_id == unit.pk:
                found[cluster_id] = result
    return found


@login_required
def unit_year(request, pk):
    """What a unit did in its clusters in ``?nam=`` (default: this year)."""
    unit = _unit_or_404(request.user, pk)
    try:
        year = int(request.GET.get("nam") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    clusters = list(selectors.cluster_list(user=request.user, year=year).filter(members__unit=unit))
    results = _results_of(unit, clusters)
    roles = dict(
        ClusterMember.objects.filter(cluster__in=clusters, unit=unit).values_list(
            "cluster_id", "role"
        )
    )
    candidacies = list(
        Candidate.objects.filter(unit=unit, vote__cluster__year=year).select_related(
            "vote__cluster"
        )
    )
    rows = [
        {
            "cluster": cluster,
            "result": results.get(cluster.pk),
            "role": MemberRole(roles[cluster.pk]).label,
            "candidacies": [c for c in candidacies if c.vote.cluster_id == cluster.pk],
        }
        for cluster in clusters
    ]
    has_cards = Scorecard.objects.filter(unit=unit, cluster__year=year).exists()
    in_reach = Unit.objects.restrict(request.user).filter(pk=unit.pk).exists()
    context = {
        "unit": unit,
        "year": year,
        "rows": rows,
        "has_cards": has_cards,
        "in_reach": in_reach,
    }
    return render(request, "scoring/unit_year.html", context)
