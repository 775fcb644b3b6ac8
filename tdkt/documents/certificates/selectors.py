"""Reads of certificates, each scoped to the acting user (out of reach answers 404).

Printing is an officer's act: a decision's certificates need ``change_people`` over the unit
that issued it (``Decision.issuer_unit``); one award's certificate needs ``change_people``
over the award's holder unit, as the award register does. Forms need ``change_catalog``.
"""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from tdkt.accounts.permissions import CHANGE_CATALOG, CHANGE_PEOPLE
from tdkt.accounts.scope import require_anywhere
from tdkt.awards.models import Award, Decision
from tdkt.core.scope import get_scoped_or_404
from tdkt.documents.certificates.models import Certificate, CertificateForm, CertificateJob

AWARD_RELATIONS = (
    "award_type",
    "person",
    "unit__parent",
    "holder_unit",
    "decision",
    "certificate",
)


def require_catalog(user) -> None:
    require_anywhere(user, CHANGE_CATALOG)


def form_get(*, user, pk: int) -> CertificateForm:
    require_catalog(user)
    try:
        return CertificateForm.objects.get(pk=pk)
    except CertificateForm.DoesNotExist as exc:
        raise Http404 from exc


def decisions_for(*, user, query: str = "") -> QuerySet:
    """Decisions the user may print, newest first, with their recipients counted."""
    decisions = Decision.objects.restrict(user, CHANGE_PEOPLE).select_related("issuer_unit")
    if query:
        decisions = decisions.filter(Q(number__icontains=query) | Q(summary__icontains=query))
    return decisions.annotate(
        recipients=Count("awards", filter=Q(awards__revoked=False)),
        printed=Count("awards__certificate", filter=Q(awards__revoked=False)),
    ).order_by("-signed_on", "-pk")


def decision_get(*, user, pk: int) -> Decision:
    return get_scoped_or_404(
        Decision.objects.select_related("issuer_unit"), user, CHANGE_PEOPLE, pk=pk
    )


def decision_awards(decision: Decision) -> QuerySet:
    """Every award of ``decision`` with what its certificate prints, in the order of the unit
    tree then name (one query)."""
    return (
        Award.objects.filter(decision=decision)
        .select_related(*AWARD_RELATIONS)
        .order_by("holder_unit__path", "unit__full_name", "person__full_name", "pk")
    )


def award_get(*, user, pk: int) -> Award:
    queryset = Award.objects.select_related(*AWARD_RELATIONS)
    return get_scoped_or_404(queryset, user, CHANGE_PEOPLE, pk=pk)


def latest_job(decision: Decision) -> CertificateJob | None:
    return CertificateJob.objects.filter(decision=decision).select_related("created_by").first()


def job_get(*, user, pk: int) -> CertificateJob:
    queryset = CertificateJob.objects.select_related("decision", "created_by")
    return get_scoped_or_404(queryset, user, CHANGE_PEOPLE, pk=pk)


def certificate_by_token(token: str) -> Certificate:
    """The certificate whose QR carries ``token``, with what the public page shows; 404 for
    any other string."""
    try:
        return Certificate.objects.select_related(
            "award__award_type", "award__person", "award__unit", "award__decision"
        ).get(token=token)
    except Certificate.DoesNotExist as exc:
        raise Http404 from exc
