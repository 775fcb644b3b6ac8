"""The PDF report of a consultation's outcome, attached to each candidate's dossier.

It lists the candidates with the outcome and the comments received with the officer's
findings. Senders' names, contacts and addresses are private and never appear in it.
"""

from django.db.models import Count, Q
from django.utils import timezone

from tdkt.consultation.models import Comment, Resolution
from tdkt.consultation.selectors import candidates_of
from tdkt.documents.pdf import render_pdf


def report_context(consultation) -> dict:
    candidates = list(candidates_of(consultation))
    comments = list(
        Comment.objects.filter(consultation=consultation)
        .select_related("candidate__line__person", "candidate__line__candidate_unit")
        .order_by("received_at", "pk")
    )
    totals = Comment.objects.filter(consultation=consultation).aggregate(
        total=Count("pk"),
        **{value.lower(): Count("pk", filter=Q(resolution=value)) for value in Resolution.values},
    )
    return {
        "consultation": consultation,
        "candidates": candidates,
        "comments": comments,
        "totals": totals,
        "made_at": timezone.localtime(),
    }


def report_pdf(consultation) -> bytes:
    return render_pdf("consultation/pdf/report.html", report_context(consultation))
