"""Reads of proposals: scoped querysets for the pages and the API, dossier checklists of lines
with their documents, in a number of queries that does not depend on the number of rows."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from tdkt.core.scope import get_scoped_or_404
from tdkt.core.search import search_terms
from tdkt.org.models import Unit
from tdkt.people.models import Person
from tdkt.proposals import permissions
from tdkt.proposals.models import (
    ChecklistItem,
    DossierDocument,
    Procedure,
    Proposal,
    ProposalLine,
    ProposalRound,
    RoundKind,
)


def round_list(*, user, filters: dict | None = None):
    """Rounds the user may see, with their number of proposals the user may see."""
    filters = filters or {}
    rounds = ProposalRound.objects.restrict(user)
    if filters.get("year"):
        rounds = rounds.filter(year=filters["year"])
    if filters.get("kind"):
        rounds = rounds.filter(kind=filters["kind"])
    if filters.get("status"):
        rounds = rounds.filter(status=filters["status"])
    visible = Proposal.objects.restrict(user).values("pk")
    return rounds.select_related("movement").annotate(
        proposal_count=Count("proposals", filter=Q(proposals__in=visible), distinct=True)
    )


def round_get(*, user, pk, manage: bool = False) -> ProposalRound:
    """One round the user may see (manage: the user must also manage rounds); else 404."""
    if manage:
        permissions.require_manage_rounds(user)
    rounds = ProposalRound.objects.restrict(user).select_related("movement")
    return get_object_or_404(rounds.prefetch_related("award_types"), pk=pk)


def proposal_list(*, user, filters: dict | None = None):
    """Proposals of units the user reaches, with their line counts, newest rounds first."""
    filters = filters or {}
    proposals = Proposal.objects.restrict(user).select_related("round", "unit", "submitted_by")
    if filters.get("round"):
        proposals = proposals.filter(round=filters["round"])
    if filters.get("status"):
        proposals = proposals.filter(status=filters["status"])
    if filters.get("year"):
        proposals = proposals.filter(round__year=filters["year"])
    for term in search_terms(filters.get("q") or ""):
        proposals = proposals.filter(unit__search_text__contains=term)
    return proposals.annotate(line_count=Count("lines")).order_by(
        "-round__year", "round__submission_deadline", "round_id", "unit__path"
    )


def proposal_get(*, user, pk, action: str = "view") -> Proposal:
    """One proposal the user may ``action``; any other answers 404."""
    proposals = Proposal.objects.select_related("round__movement", "unit", "submitted_by")
    return get_scoped_or_404(proposals, user, action, pk=pk)


def line_get(*, user, pk, action: str = "view") -> ProposalLine:
    lines = ProposalLine.objects.select_related(
        "proposal__round", "proposal__unit", "person__unit", "candidate_unit", "award_type"
    )
    return get_scoped_or_404(lines, user, action, pk=pk)


def line_list(*, user, proposal: Proposal | None = None):
    lines = ProposalLine.objects.restrict(user).select_related(
        "proposal__unit", "proposal__round", "person__unit", "candidate_unit", "award_type"
    )
    if proposal is not None:
        lines = lines.filter(proposal=proposal)
    return lines


def procedure_of(round_: ProposalRound) -> str:
    """Ad hoc rounds use the simplified procedure; every other kind the normal one."""
    return Procedure.SIMPLIFIED if round_.kind == RoundKind.AD_HOC else Procedure.NORMAL


def checklist_items_for(round_: ProposalRound, award_type) -> list[ChecklistItem]:
    """The dossier items of ``award_type`` under the round's procedure, as required by the
    texts in force on the round's submission deadline (the day the dossier is filed)."""
    return list(
        ChecklistItem.objects.for_line(
            code=award_type.code, on=round_.submission_deadline, procedure=procedure_of(round_)
        ).order_by("position")
    )


@dataclass
class Checklist:
    """A line's dossier: each item with its documents, and the mandatory items missing."""

    rows: list[tuple[ChecklistItem, list[DossierDocument]]] = field(default_factory=list)
    missing: list[ChecklistItem] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


def _applies(item: ChecklistItem, round_: ProposalRound) -> bool:
    day = round_.submission_deadline
    return (
        item.procedure == procedure_of(round_)
        and item.valid_from <= day
        and (item.valid_to is None or item.valid_to >= day)
    )


def checklists_for_lines(lines) -> list[tuple[ProposalLine, Checklist]]:
    """Every line (with ``proposal.round`` and ``award_type`` loaded) with its checklist, in
    two queries whatever the number of lines and rounds."""
    lines = list(lines)
    items_by_code: dict[int, list[ChecklistItem]] = defaultdict(list)
    items = ChecklistItem.objects.filter(award_type__in={line.award_type_id for line in lines})
    for item in items.order_by("position"):
        items_by_code[item.award_type_id].append(item)
    documents: dict[tuple[int, int], list] = defaultdict(list)
    for doc in DossierDocument.objects.filter(line__in=[line.pk for line in lines]):
        documents[(doc.line_id, doc.item_id)].append(doc)
    out = []
    for line in lines:
        round_ = line.proposal.round
        checklist = Checklist()
        for item in items_by_code.get(line.award_type_id, []):
            if not _applies(item, round_):
                continue
            docs = documents.get((line.pk, item.pk), [])
            checklist.rows.append((item, docs))
            if item.mandatory and not docs:
                checklist.missing.append(item)
        out.append((line, checklist))
    return out


def unit_choices(*, user):
    """Units the user may propose for, in tree order."""
    from tdkt.accounts.permissions import CHANGE_PEOPLE

    return Unit.objects.restrict(user, CHANGE_PEOPLE).filter(valid_to__isnull=True).order_by("path")


def candidate_persons(proposal: Proposal):
    """Staff of the proposing unit and the units below it who are still employed."""
    return (
        Person.objects.filter(unit__path__startswith=proposal.unit.path, leaving_date__isnull=True)
        .select_related("unit")
        .order_by("unit__path", "search_text", "pk")
    )


def candidate_units(proposal: Proposal):
    """The proposing unit and the units below it that still exist."""
    return Unit.objects.filter(path__startswith=proposal.unit.path, valid_to__isnull=True).order_by(
        "path"
    )


def events_of(proposal: Proposal):
    return proposal.events.select_related("actor")


def document_get(*, user, line_pk, pk) -> DossierDocument:
    """A document of a line the user may see; any other answers 404."""
    line = line_get(user=user, pk=line_pk)
    return get_object_or_404(DossierDocument.objects.select_related("item"), line=line, pk=pk)
