"""Word and PDF documents of the decision flow, filled from the records:

- the decision with its attached list (*quyết định kèm danh sách*);
- the submission (*tờ trình*) of a unit's proposal, and of a transmission upward;
- the achievement report (*báo cáo thành tích*) of a proposal line, pre-filled from the
  person's or unit's record (titles over the years, recognised initiatives).

Word files come from the templates registered in ``word_templates`` (replaceable from the UI);
PDFs from HTML templates extending ``documents/pdf_base.html`` in the same Decree 30/2020
layout. Each builder reads a fixed number of queries whatever the number of rows.
"""

import datetime as dt

from django.db.models import Count, Sum
from django.utils import timezone

from tdkt.awards import word_templates
from tdkt.awards.decisions import SECTOR_AUTHORITY
from tdkt.awards.models import Award, Decision, Transmission
from tdkt.documents.pdf import render_pdf
from tdkt.documents.rendering import render_docx
from tdkt.initiatives.models import Initiative, Status
from tdkt.proposals.models import CLOSED_NEGATIVE, ProposalLine
from tdkt.rules.params import ParameterError, param

SECTOR_BASES = [
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
    "Căn cứ Luật Tổ chức Viện kiểm sát nhân dân;",
    "Căn cứ các nghị định của Chính phủ quy định chi tiết thi hành Luật Thi đua, khen thưởng;",
    "Xét đề nghị của Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân.",
]
RECIPIENTS_NOTE = "- Như Điều 3;\n- Lưu: VT, Vụ Thi đua – Khen thưởng."


def money_text(value) -> str:
    return "" if value is None else f"{int(value):,}".replace(",", ".")


def place_and_date(day: dt.date, place: str = "Hà Nội") -> str:
    return f"{place or '……'}, ngày {day:%d} tháng {day:%m} năm {day:%Y}"


def _position(award_or_line, unit) -> str:
    person = award_or_line.person
    if person is None:
        return unit.full_name
    position = person.get_position_display() if person.position else ""
    return f"{position}, {unit.short_name}" if position else unit.short_name


# ------------------------------------------------------------------------- decision


def decision_rows(decision: Decision) -> list[Award]:
    return list(
        Award.objects.filter(decision=decision)
        .select_related("award_type", "person", "unit", "holder_unit")
        .order_by("award_type__sort_order", "holder_unit__path", "person__full_name", "pk")
    )


def decision_context(decision: Decision, awards: list[Award] | None = None) -> dict:
    awards = decision_rows(decision) if awards is None else awards
    sector = decision.authority == SECTOR_AUTHORITY
    issuer = decision.issuer_unit.full_name if sector else decision.authority
    whole = Award.objects.filter(decision=decision).aggregate(count=Count("pk"), money=Sum("money"))
    listed = sum(a.money for a in awards if a.money is not None)
    extract = len(awards) < whole["count"]
    try:
        salary = money_text(param("money.base_salary", decision.signed_on).value)
    except ParameterError:
        salary = "…"
    names = sorted({a.award_type.name for a in awards})
    years = sorted({a.year for a in awards})
    return {
        "issuer_upper": "",
        "issuer": issuer.upper(),
        "number": decision.number,
        "place_and_date": place_and_date(decision.signed_on),
        "day": f"{decision.signed_on:%d/%m/%Y}",
        "summary": decision.summary or f"Về việc khen thưởng {', '.join(names)}",
        "authority": decision.authority,
        "bases": SECTOR_BASES if sector else [],
        "count": whole["count"],
        "kind": decision.get_kind_display(),
        "years": ", ".join(str(y) for y in years),
        "money_total": money_text(whole["money"] or 0),
        "list_title": (
            "TRÍCH DANH SÁCH KÈM THEO (các trường hợp thuộc đơn vị của người in)"
            if extract
            else "DANH SÁCH KÈM THEO"
        ),
        "list_count": len(awards),
        "list_money": money_text(listed),
        "base_salary": salary,
        "signer_title": decision.signer_title or "",
        "signer": decision.signer,
        "recipients_note": RECIPIENTS_NOTE,
        "revoked": (
            f"Quyết định đã bị hủy bỏ ngày {decision.revoked_on:%d/%m/%Y}: "
            f"{decision.revocation_reason}"
            if decision.revoked
            else ""
        ),
        "rows": [
            {
                "index": index,
                "name": a.person.full_name if a.person_id else a.unit.full_name,
                "position": _position(a, a.holder_unit),
                "award": a.award_type.name,
                "money": money_text(a.money),
            }
            for index, a in enumerate(awards, start=1)
        ],
    }


def decision_docx(decision: Decision) -> bytes:
    return render_docx(word_templates.DECISION, decision_context(decision))


def decision_pdf(decision: Decision) -> bytes:
    return render_pdf("awards/decision_pdf.html", decision_context(decision))


# ------------------------------------------------------------------------- submissions


def _line_rows(lines: list[ProposalLine]) -> list[dict]:
    return [
        {
            "index": index,
            "name": line.candidate_name,
            "position": _position(
                line, line.person.unit if line.person_id else line.candidate_unit
            ),
            "award": line.award_type.name,
            "achievement": line.achievement,
        }
        for index, line in enumerate(lines, start=1)
    ]


def _lines(queryset) -> list[ProposalLine]:
    return list(
        queryset.exclude(status__in=CLOSED_NEGATIVE)
        .select_related("person__unit", "candidate_unit", "award_type")
        .order_by("award_type__sort_order", "person__full_name", "candidate_unit__path", "pk")
    )


def proposal_submission_context(proposal) -> dict:
    unit = proposal.unit
    lines = _lines(ProposalLine.objects.filter(proposal=proposal))
    day = timezone.localtime(proposal.submitted_at).date() if proposal.submitted_at else None
    parent = unit.parent.full_name.upper() if unit.parent_id else ""
    return {
        "issuer_upper": parent,
        "issuer": unit.full_name.upper(),
        "number": "……/TTr",
        "place_and_date": place_and_date(day or timezone.localdate(), "……"),
        "day": f"{day:%d/%m/%Y}" if day else "…/…/……",
        "summary": f"Về việc đề nghị khen thưởng – {proposal.round.name}",
        "receiver": SECTOR_AUTHORITY,
        "preamble": (
            f"Thực hiện {proposal.round.name} (năm xét {proposal.round.year}), căn cứ kết quả "
            "bình xét của Hội đồng Thi đua – Khen thưởng đơn vị,"
        ),
        "count": len(lines),
        "signer_title": "Viện trưởng",
        "signer": "",
        "recipients_note": "- Như trên;\n- Lưu: VT.",
        "rows": _line_rows(lines),
    }


def transmission_context(transmission: Transmission) -> dict:
    lines = _lines(ProposalLine.objects.filter(transmission_item__transmission=transmission))
    root = transmission.issuer_unit
    return {
        "issuer_upper": "",
        "issuer": root.full_name.upper(),
        "number": transmission.number,
        "place_and_date": place_and_date(transmission.sent_on),
        "day": f"{transmission.sent_on:%d/%m/%Y}",
        "summary": transmission.summary or "Về việc đề nghị khen thưởng cấp Nhà nước",
        "receiver": transmission.receiver,
        "preamble": (
            f"Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15; xét đề nghị của Hội đồng Thi đua – "
            f"Khen thưởng ngành Kiểm sát nhân dân ({transmission.round.name}),"
        ),
        "count": len(lines),
        "signer_title": "Viện trưởng",
        "signer": "",
        "recipients_note": "- Như trên;\n- Lưu: VT, Vụ Thi đua – Khen thưởng.",
        "rows": _line_rows(lines),
    }


def submission_docx(context: dict) -> bytes:
    return render_docx(word_templates.SUBMISSION, context)


def submission_pdf(context: dict) -> bytes:
    return render_pdf("awards/decision_submission_pdf.html", context)


# ------------------------------------------------------------------------- report


def report_context(line: ProposalLine, *, user) -> dict:
    """The achievement report of ``line``, from the record of its candidate as ``user`` may
    read it (the record is scoped like the line)."""
    from tdkt.reports.records import person_record, unit_record

    today = timezone.localdate()
    if line.person_id:
        record = person_record(user=user, pk=line.person_id, today=today)
        person = record.person
        unit = person.unit
        initiatives = record.initiatives
        profile = [
            ("Họ và tên", person.full_name),
            ("Ngày sinh", f"{person.date_of_birth:%d/%m/%Y}"),
            ("Chức vụ", person.get_position_display() if person.position else ""),
            ("Đơn vị công tác", unit.full_name),
            ("Ngày tuyển dụng", f"{person.recruitment_date:%d/%m/%Y}"),
        ]
        name = person.full_name
    else:
        record = unit_record(user=user, pk=line.candidate_unit_id, today=today)
        unit = record.unit
        initiatives = list(
            Initiative.objects.filter(unit=unit, status=Status.RECOGNISED).order_by("-year")
        )
        profile = [
            ("Tên tập thể", unit.full_name),
            ("Đơn vị cấp trên", unit.parent.full_name if unit.parent_id else ""),
        ]
        name = unit.full_name
    return {
        "issuer_upper": unit.parent.full_name.upper() if unit.parent_id else "",
        "issuer": unit.full_name.upper(),
        "place_and_date": place_and_date(today, "……"),
        "award": line.award_type.name,
        "year": line.year,
        "name": name,
        "profile": [{"label": label, "value": value} for label, value in profile],
        "achievement": line.achievement or "……",
        "awards": [
            {
                "year": a.year,
                "award": a.award_type.name,
                "decision": f"{a.decision_number} ngày {a.decision_date:%d/%m/%Y}",
                "authority": a.authority,
            }
            for a in record.awards
            if not a.revoked
        ],
        "initiatives": [
            {"year": i.year, "title": i.title, "scope": i.get_effect_scope_display()}
            for i in initiatives
            if i.status == Status.RECOGNISED
        ],
    }


def report_docx(line, *, user) -> bytes:
    return render_docx(word_templates.REPORT, report_context(line, user=user))


def report_pdf(line, *, user) -> bytes:
    return render_pdf("awards/decision_report_pdf.html", report_context(line, user=user))
