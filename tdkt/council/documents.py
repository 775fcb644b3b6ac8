"""The minutes of a tallied meeting as a Word document, filled from the template registered
as ``council.minutes`` (bundled default in ``templates_docx/``, replaceable by the officer),
and as a PDF in the same Decree 30/2020 layout (``council/pdf/minutes.html``, extending
``documents/pdf_base.html`` with the bundled, embedded Tinos font). Both read the same context:
the tally per candidate and who attended and voted, never what a member chose."""

from django.utils import timezone

from tdkt.council import selectors
from tdkt.council.models import MemberRole, TurnoutKind
from tdkt.council.thresholds import fraction, percent
from tdkt.documents.pdf import render_pdf
from tdkt.documents.rendering import render_docx

MINUTES = "council.minutes"
UNSURE = "(*) Ngưỡng hoặc tỷ lệ có căn cứ chưa chắc chắn; cần đối chiếu văn bản trước khi ký."


def _time(value) -> str:
    return timezone.localtime(value).strftime("%H giờ %M") if value else "…"


def _place_and_date(meeting) -> str:
    day = meeting.date
    return f"Hà Nội, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _member_rows(rows: list[dict]) -> list[dict]:
    out = []
    for index, row in enumerate(rows, start=1):
        member, turnout = row["member"], row["turnout"]
        if not member.votes:
            voted = "Không biểu quyết (thư ký)"
        elif turnout is None:
            voted = "Không bỏ phiếu"
        elif turnout.kind == TurnoutKind.WRITTEN:
            voted = "Gửi phiếu bằng văn bản"
        else:
            voted = "Đã bỏ phiếu"
        out.append(
            {
                "index": index,
                "name": member.user.display_name,
                "role": member.get_role_display(),
                "present": "Có mặt" if row["present"] else "Vắng mặt",
                "turnout": voted,
            }
        )
    return out


def minutes_context(meeting) -> dict:
    members = selectors.members_of(meeting.council)
    rows = selectors.attendance_of(meeting, members)
    items = selectors.agenda_of(meeting)
    by_role = {m.role: m.user.display_name for m in members}
    turnouts = [r["turnout"] for r in rows if r["turnout"]]
    share = fraction(meeting.quorum_share) if meeting.quorum_share else None
    unsure = meeting.quorum_unsure or any(item.unsure for item in items)
    unit = meeting.council.unit
    return {
        "unit_upper": unit.full_name.upper(),
        "issuer_upper": unit.full_name.upper(),
        "issuer": "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG",
        "number": "",
        "place_and_date": _place_and_date(meeting),
        "council": meeting.council.name,
        "day": f"{meeting.date:%d/%m/%Y}",
        "opened": _time(meeting.voting_opened_at),
        "closed": _time(meeting.voting_closed_at),
        "place": meeting.place or "…",
        "member_count": meeting.member_count,
        "present_count": meeting.present_count,
        "quorum": (
            f"{meeting.present_count}/{meeting.member_count}, đủ tối thiểu "
            f"{percent(share)} tổng số thành viên"
            if share
            else ""
        ),
        "quorum_note": f"Căn cứ: {meeting.quorum_citation}"
        + (" (*)" if meeting.quorum_unsure else ""),
        "members": _member_rows(rows),
        "item_count": len(items),
        "turnout": len(turnouts),
        "written": sum(1 for t in turnouts if t.kind == TurnoutKind.WRITTEN),
        "rows": [
            {
                "position": item.position,
                "candidate": item.line.candidate_name,
                "unit": item.line.proposal.unit.short_name,
                "award": f"{item.line.award_type.code} – {item.line.award_type.name}",
                "agree": item.agree,
                "disagree": item.disagree,
                "abstain": item.abstain,
                "not_voted": item.not_voted,
                "computation": item.computation + (" (*)" if item.unsure else ""),
                "result": "Đạt" if item.passed else "Không đạt",
            }
            for item in items
        ],
        "passed_count": sum(1 for item in items if item.passed),
        "failed_count": sum(1 for item in items if not item.passed),
        "unsure_note": UNSURE if unsure else "",
        "secretary": by_role.get(MemberRole.SECRETARY, ""),
        "chair": by_role.get(MemberRole.CHAIR, ""),
    }


def minutes_docx(meeting) -> bytes:
    """The minutes as a .docx; ``TemplateRenderError`` when a replaced template fails."""
    return render_docx(MINUTES, minutes_context(meeting))


def minutes_pdf(meeting) -> bytes:
    """The minutes as a PDF, with the same content as the Word minutes."""
    return render_pdf("council/pdf/minutes.html", minutes_context(meeting))
