"""Dossiers and submission: uploads checked by their content, the mandatory items, an atomic
and idempotent submission after which the unit cannot edit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tdkt.catalog.models import AwardType
from tdkt.core import uploads
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.proposals.models import DossierDocument, LineStatus, ProposalStatus
from tdkt.proposals.selectors import checklist_items_for, checklists_for_lines
from tdkt.proposals.services import dossiers, proposals
from tdkt.proposals.tests.conftest import complete_dossier, docx_bytes, pdf

pytestmark = pytest.mark.django_db


def mandatory(line):
    return [i for i in checklist_items_for(line.proposal.round, line.award_type) if i.mandatory]


def test_checklist_comes_from_code_and_period(duc_line):
    names = [
        item.name for item in checklist_items_for(duc_line.proposal.round, duc_line.award_type)
    ]
    assert names[0].startswith("Tờ trình")
    assert "Báo cáo thành tích cá nhân" in names
    assert all(i.valid_from.year == 2024 for i in mandatory(duc_line))


def test_cstdcs_needs_initiative_certificate_and_ballot(hanoi_proposal, people, users):
    line = proposals.line_add(
        proposal=hanoi_proposal,
        person=people["duc"],
        award_type=AwardType.objects.get(code="CSTDCS"),
        user=users["hanoi_officer"],
    )
    names = {i.name for i in mandatory(line)}
    assert "Giấy chứng nhận sáng kiến, hiệu quả và phạm vi ảnh hưởng" in names
    assert "Kết quả bỏ phiếu kín của Hội đồng" in names


def test_upload_reads_the_content_type(duc_line, users):
    item = mandatory(duc_line)[0]
    doc = dossiers.document_upload(
        line=duc_line, item=item, upload=pdf(), user=users["hanoi_officer"]
    )
    assert doc.content_type == uploads.PDF
    assert doc.original_name == "to-trinh.pdf"
    assert doc.file.name.startswith("proposals/2026/") and doc.file.name.endswith(".pdf")
    assert duc_line.proposal.events.filter(action__startswith="Tải lên “to-trinh.pdf”").exists()
    word = SimpleUploadedFile("bao-cao.docx", docx_bytes())
    doc = dossiers.document_upload(
        line=duc_line, item=item, upload=word, user=users["hanoi_officer"]
    )
    assert doc.content_type == uploads.DOCX


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("gia-mao.pdf", b"MZ\x90\x00 not a pdf at all"), "type"),
        (SimpleUploadedFile("rong.pdf", b""), "empty"),
        (SimpleUploadedFile("zip.docx", b"PK\x03\x04 broken zip"), "type"),
    ],
)
def test_bad_files_are_refused(duc_line, users, upload, code):
    with pytest.raises(DomainError) as caught:
        dossiers.document_upload(
            line=duc_line, item=mandatory(duc_line)[0], upload=upload, user=users["hanoi_officer"]
        )
    assert caught.value.code == code
    assert not DossierDocument.objects.exists()


def test_oversized_file_is_refused(duc_line, users, monkeypatch):
    monkeypatch.setattr(dossiers, "MAX_DOCUMENT_BYTES", 10)
    with pytest.raises(DomainError) as caught:
        dossiers.document_upload(
            line=duc_line, item=mandatory(duc_line)[0], upload=pdf(), user=users["hanoi_officer"]
        )
    assert caught.value.code == "too_large"


def test_item_of_another_code_is_refused(duc_line, hanoi_proposal, users):
    from tdkt.proposals.models import ChecklistItem

    other = ChecklistItem.objects.filter(award_type__code="CO_CP").first()
    with pytest.raises(DomainError) as caught:
        dossiers.document_upload(
            line=duc_line, item=other, upload=pdf(), user=users["hanoi_officer"]
        )
    assert caught.value.message == dossiers.ITEM_NOT_IN_CHECKLIST


def test_submission_refused_with_missing_mandatory_items(duc_line, hanoi_proposal, users):
    with pytest.raises(DomainError) as caught:
        proposals.proposal_submit(proposal=hanoi_proposal, user=users["hanoi_officer"])
    assert caught.value.code == "missing"
    assert "Đặng Văn Đức" in caught.value.message
    hanoi_proposal.refresh_from_db()
    assert hanoi_proposal.status == ProposalStatus.DRAFT


def test_empty_proposal_cannot_be_submitted(hanoi_proposal, users):
    with pytest.raises(DomainError) as caught:
        proposals.proposal_submit(proposal=hanoi_proposal, user=users["hanoi_officer"])
    assert caught.value.code == "empty"


def test_submission_is_atomic_and_idempotent(duc_line, hanoi_proposal, users):
    complete_dossier(duc_line, users["hanoi_officer"])
    ((_line, checklist),) = checklists_for_lines([duc_line])
    assert checklist.complete
    submitted, changed = proposals.proposal_submit(
        proposal=hanoi_proposal, user=users["hanoi_officer"], expected_version=1
    )
    assert changed and submitted.status == ProposalStatus.SUBMITTED
    duc_line.refresh_from_db()
    assert duc_line.status == LineStatus.SUBMITTED
    events = submitted.events.count()
    again, changed = proposals.proposal_submit(
        proposal=hanoi_proposal, user=users["hanoi_officer"], expected_version=1
    )
    assert not changed
    assert again.version == submitted.version and again.submitted_at == submitted.submitted_at
    assert again.events.count() == events


def test_stale_submission_is_refused(duc_line, hanoi_proposal, users):
    complete_dossier(duc_line, users["hanoi_officer"])
    hanoi_proposal.note = "x"
    hanoi_proposal.save()
    with pytest.raises(StaleEditError):
        proposals.proposal_submit(
            proposal=hanoi_proposal, user=users["hanoi_officer"], expected_version=0
        )


def test_submitted_proposal_cannot_be_edited(duc_line, hanoi_proposal, people, users):
    complete_dossier(duc_line, users["hanoi_officer"])
    proposals.proposal_submit(proposal=hanoi_proposal, user=users["hanoi_officer"])
    officer = users["hanoi_officer"]
    with pytest.raises(DomainError) as caught:
        proposals.line_add(
            proposal=hanoi_proposal,
            person=people["hanoi_division"],
            award_type=AwardType.objects.get(code="LDTT"),
            user=officer,
        )
    assert caught.value.code == "submitted"
    doc = DossierDocument.objects.first()
    with pytest.raises(DomainError):
        dossiers.document_delete(document=doc, user=officer)
    with pytest.raises(DomainError):
        dossiers.document_upload(line=duc_line, item=doc.item, upload=pdf(), user=officer)
    with pytest.raises(DomainError):
        proposals.line_delete(line=duc_line, user=officer)


def test_ad_hoc_round_uses_the_simplified_checklist(org, people, users):
    from tdkt.proposals.services.rounds import round_create
    from tdkt.proposals.tests.conftest import round_input

    round_ = round_create(
        data=round_input(
            kind="DOT_XUAT",
            simplified_case="2",
            award_types=list(AwardType.objects.filter(code="BK_NGANH")),
        ),
        user=users["sector"],
    )
    proposal = proposals.proposal_create(round_=round_, unit=org.hanoi, user=users["hanoi_officer"])
    line = proposals.line_add(
        proposal=proposal,
        person=people["duc"],
        award_type=AwardType.objects.get(code="BK_NGANH"),
        user=users["hanoi_officer"],
    )
    names = [i.name for i in checklist_items_for(round_, line.award_type)]
    assert names == [
        "Tờ trình đề nghị kèm danh sách",
        "Báo cáo tóm tắt thành tích cá nhân hoặc tập thể",
    ]


def test_submission_after_the_deadline_is_refused(duc_line, hanoi_proposal, users):
    import datetime as dt

    complete_dossier(duc_line, users["hanoi_officer"])
    late = hanoi_proposal.round.submission_deadline + dt.timedelta(days=1)
    with pytest.raises(DomainError) as caught:
        proposals.proposal_submit(proposal=hanoi_proposal, user=users["hanoi_officer"], today=late)
    assert caught.value.code == "deadline"
    hanoi_proposal.refresh_from_db()
    assert not hanoi_proposal.is_submitted


def test_after_submission_only_the_sector_officer_rechecks(duc_line, hanoi_proposal, users):
    complete_dossier(duc_line, users["hanoi_officer"])
    proposals.proposal_submit(proposal=hanoi_proposal, user=users["hanoi_officer"])
    with pytest.raises(DomainError) as caught:
        proposals.line_recheck(line=duc_line, user=users["hanoi_officer"])
    assert caught.value.message == proposals.RECHECK_AFTER_SUBMISSION
    assert proposals.line_recheck(line=duc_line, user=users["sector"]).checked_at
