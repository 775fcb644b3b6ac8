"""The minutes of a cluster vote as a Word document, filled from the template registered in
``word_templates`` (bundled as ``templates_docx/bien_ban_binh_xet.docx``; the sector officer may
replace it)."""

from django.utils import timezone

from tdkt.documents.rendering import render_docx
from tdkt.scoring.models import CandidacyKind

MINUTES = "scoring.vote_minutes"


def _percent(value) -> str:
    return f"{value * 100:.0f}%".replace(".", ",")


def minutes_context(vote, result: dict, ranking: list) -> dict:
    cluster = vote.cluster
    closed = timezone.localtime(vote.closed_at) if vote.closed_at else None
    kinds = dict(CandidacyKind.choices)
    return {
        "cluster": cluster.name,
        "kind": cluster.get_kind_display().lower(),
        "year": cluster.year,
        "organiser": cluster.organiser.full_name,
        "place": vote.place or "…………",
        "day": closed.strftime("%d/%m/%Y") if closed else "…/…/……",
        "time": closed.strftime("%H giờ %M") if closed else "",
        "members": vote.member_count,
        "voted": len(result["turnout"]),
        "voters": [t.member_unit.full_name for t in result["turnout"]],
        "share": _percent(vote.share),
        "denominator": "tổng số thành viên"
        if vote.denominator == "members"
        else "số thành viên có mặt",
        "needed": f"{result['needed']:.1f}".replace(".", ","),
        "unsure": vote.parameter_unsure,
        "citation": vote.citation,
        "ranking": [
            {
                "rank": r.rank,
                "unit": r.scorecard.unit.full_name,
                "total": f"{r.final_totals.total:.2f}".replace(".", ","),
                "band": r.band,
            }
            for r in ranking
            if r.rank
        ],
        "candidates": [
            {
                "unit": c.unit.full_name,
                "kind": str(kinds[c.kind]),
                "agree": c.agree,
                "disagree": c.disagree,
                "abstain": c.abstain,
                "approved": "Đạt" if c.approved else "Không đạt",
            }
            for c in result["candidates"]
        ],
        "leading": vote.leading_unit.full_name if vote.leading_unit else "",
    }


def minutes_docx(vote, result: dict, ranking: list) -> bytes:
    """The minutes as a .docx file; ``TemplateRenderError`` (a ``DomainError``) when a replaced
    template cannot be filled."""
    return render_docx(MINUTES, minutes_context(vote, result, ranking))
