"""The change history of a consultation, its candidates and its comments."""

from tdkt.consultation.models import Candidate, Comment, Consultation
from tdkt.core.history import changes_of


def history_of(consultation: Consultation) -> list:
    """Every recorded change, newest first (one query per model, plus references)."""
    changes = []
    for model, records in (
        (Consultation, Consultation.history.filter(id=consultation.pk)),
        (Candidate, Candidate.history.filter(consultation_id=consultation.pk)),
        (Comment, Comment.history.filter(consultation_id=consultation.pk)),
    ):
        ordered = records.select_related("history_user").order_by("id", "history_date")
        changes.extend(changes_of(model, ordered))
    return sorted(changes, key=lambda change: change.when, reverse=True)
