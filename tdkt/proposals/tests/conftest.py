"""Fixtures of the proposal tests: an open 2026 annual round and Hà Nội's proposal in it."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tdkt.catalog.models import AwardType
from tdkt.proposals.services.rounds import RoundInput, round_create

PDF_BYTES = b"%PDF-1.4\n% test\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def round_input(**overrides) -> RoundInput:
    today = timezone.localdate()
    values = {
        "name": "Tổng kết năm 2026",
        "kind": "HANG_NAM",
        "year": 2026,
        "submission_deadline": today + dt.timedelta(days=30),
        "appraisal_deadline": today + dt.timedelta(days=60),
        "award_types": list(AwardType.objects.filter(code__in=["LDTT", "CSTDCS", "TTLDXS"])),
    }
    values.update(overrides)
    return RoundInput(**values)


@pytest.fixture
def annual(users):
    return round_create(data=round_input(), user=users["sector"])


@pytest.fixture
def hanoi_proposal(annual, org, users):
    from tdkt.proposals.services.proposals import proposal_create

    return proposal_create(round_=annual, unit=org.hanoi, user=users["hanoi_officer"])


@pytest.fixture
def duc_line(hanoi_proposal, people, users):
    from tdkt.proposals.services.proposals import line_add

    return line_add(
        proposal=hanoi_proposal,
        person=people["duc"],
        award_type=AwardType.objects.get(code="LDTT"),
        user=users["hanoi_officer"],
    )


def pdf(name="to-trinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def docx_bytes() -> bytes:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def complete_dossier(line, user) -> None:
    """Upload one PDF against every mandatory item of the line."""
    from tdkt.proposals.selectors import checklist_items_for
    from tdkt.proposals.services.dossiers import document_upload

    for item in checklist_items_for(line.proposal.round, line.award_type):
        if item.mandatory:
            document_upload(line=line, item=item, upload=pdf(), user=user)
