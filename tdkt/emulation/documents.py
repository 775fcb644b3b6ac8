"""Word documents of the emulation app, rendered with docxtpl from the templates in
``templates_docx/``."""

import io
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate

TEMPLATES = Path(__file__).resolve().parent / "templates_docx"


def covenant_context(cluster, view) -> dict:
    """The values the covenant template shows: cluster, targets and signatures so far."""
    covenant = view.covenant
    signed = [r for r in view.rows if r.signature is not None]
    today = timezone.localdate()
    place = covenant.place or cluster.organiser.short_name
    status = (
        _("Giao ước đã được tất cả %(n)s đơn vị thành viên ký.") % {"n": len(view.rows)}
        if view.fully_signed
        else _("Đã có %(n)s/%(total)s đơn vị thành viên ký.")
        % {"n": len(signed), "total": len(view.rows)}
    )
    return {
        "year": cluster.year,
        "kind": cluster.get_kind_display(),
        "cluster_name": cluster.name,
        "organiser": cluster.organiser.full_name,
        "place_and_date": f"{place}, ngày {today:%d} tháng {today:%m} năm {today:%Y}",
        "preamble": covenant.preamble,
        "targets": [
            {"position": t.position, "text": t.text, "level": t.level} for t in view.targets
        ],
        "signatures": [
            {
                "index": index,
                "unit": row.member.unit.full_name,
                "role": row.member.get_role_display(),
                "signer": row.signature.signed_by.display_name,
                "when": timezone.localtime(row.signature.signed_at).strftime("%H:%M %d/%m/%Y"),
            }
            for index, row in enumerate(signed, start=1)
        ],
        "status": status,
    }


def covenant_document(cluster, view) -> bytes:
    """The covenant of ``cluster`` as a .docx file."""
    template = DocxTemplate(TEMPLATES / "giao_uoc.docx")
    template.render(covenant_context(cluster, view))
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()
