"""The outcome of a consultation, its report attached to the dossier, and the lines it blocks
from transmission."""

import subprocess

import pytest

from tdkt.consultation.models import ConsultationStatus, Outcome, Resolution
from tdkt.consultation.selectors import transmission_blockers
from tdkt.consultation.services import comments as comment_services
from tdkt.consultation.services.outcome import (
    UNRESOLVED_LEFT,
    CandidateOutcome,
    consultation_record_outcome,
)
from tdkt.consultation.tests.conftest import after_closing
from tdkt.core.errors import DomainError
from tdkt.proposals.models import CONSULTATION_ITEM, DossierDocument, ProposalEvent

pytestmark = pytest.mark.django_db


def comment_on(consultation, candidate, text="Cá nhân này từng vi phạm kỷ luật năm 2024."):
    return comment_services.comment_submit(
        consultation_id=consultation.pk,
        candidate_id=candidate.pk,
        content=text,
        author_name="Người dân Hà Nội",
        contact="dan@example.vn",
        client_ip="10.1.1.1",
    )


def resolve(comment, resolution, user):
    return comment_services.comment_resolve(
        comment=comment,
        resolution=resolution,
        note="Đã xác minh với đơn vị và hồ sơ kỷ luật.",
        expected_version=comment.version,
        user=user,
    )


def outcomes(consultation, lines, **by_name):
    result = {}
    for candidate in consultation.candidates.all():
        name = next(
            n for n in ("duc", "division", "phu_tho") if getattr(lines, n) == candidate.line
        )
        outcome, note = by_name.get(name, (Outcome.NO_OBJECTION, ""))
        result[candidate.pk] = CandidateOutcome(outcome, note)
    return result


def record(consultation, lines, user, **by_name):
    consultation.refresh_from_db()
    return consultation_record_outcome(
        consultation=consultation,
        outcomes=outcomes(consultation, lines, **by_name),
        expected_version=consultation.version,
        user=user,
        today=after_closing(consultation),
    )


def test_the_outcome_closes_records_and_attaches_the_report(published, lines, users):
    duc = published.candidates.get(line=lines.duc)
    resolve(comment_on(published, duc), Resolution.VERIFIED, users["sector"])
    done = record(
        published,
        lines,
        users["sector"],
        duc=(Outcome.UPHELD, "Bị khiển trách năm 2024, chưa đủ điều kiện."),
    )
    assert done.status == ConsultationStatus.OUTCOME_RECORDED
    assert done.closed_at is not None and done.outcome_at is not None
    duc.refresh_from_db()
    assert duc.outcome == Outcome.UPHELD
    done.refresh_from_db()
    content = done.report.read()
    assert content.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    text = " ".join(text.split())
    assert "BÁO CÁO KẾT QUẢ LẤY Ý KIẾN NHÂN DÂN" in text
    assert "Đặng Văn Đức" in text
    assert "Ý kiến phản ánh có cơ sở" in text
    assert "Không có ý kiến phản ánh" in text
    assert "vi phạm kỷ luật" in text
    # the sender's private details never reach the dossier
    assert "dan@example.vn" not in text and "Người dân Hà Nội" not in text
    events = ProposalEvent.objects.filter(line=lines.duc)
    assert any("Ý kiến phản ánh có cơ sở" in e.action for e in events)
    # the same report is filed in every candidate's dossier, under its checklist item
    for line in (lines.duc, lines.division, lines.phu_tho):
        filed = DossierDocument.objects.get(line=line, item__name=CONSULTATION_ITEM)
        assert filed.content_type == "application/pdf" and filed.generated
        assert filed.file.read() == content
        assert not filed.item.mandatory


def test_a_second_report_replaces_the_first_in_the_dossier_and_uploads_stay(
    published, lines, users, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tdkt.proposals.services.dossiers import generated_document_file

    record(published, lines, users["sector"])
    filed = DossierDocument.objects.get(line=lines.duc, item__name=CONSULTATION_ITEM)
    own = DossierDocument(
        line=lines.duc,
        item=filed.item,
        original_name="y-kien-don-vi.pdf",
        content_type="application/pdf",
        size=9,
        uploaded_by=users["hanoi_officer"],
    )
    own.file.save("x.pdf", SimpleUploadedFile("x.pdf", b"%PDF-1.4\n"), save=False)
    own.save()
    # an upload whose uploader's account was since deleted is still the unit's
    orphan = DossierDocument(
        line=lines.duc,
        item=filed.item,
        original_name="cu.pdf",
        content_type="application/pdf",
        size=9,
        uploaded_by=None,
    )
    orphan.file.save("y.pdf", SimpleUploadedFile("y.pdf", b"%PDF-1.4\n"), save=False)
    orphan.save()
    again = generated_document_file(
        line=lines.duc, item=filed.item, content=b"%PDF-1.7 new", filename="moi.pdf"
    )
    kept = set(DossierDocument.objects.filter(line=lines.duc, item=filed.item))
    assert kept == {again, own, orphan}


def test_outcome_before_the_closing_day_is_refused(published, lines, users):
    with pytest.raises(DomainError) as error:
        consultation_record_outcome(
            consultation=published,
            outcomes=outcomes(published, lines),
            expected_version=published.version,
            user=users["sector"],
            today=published.closes_on,
        )
    assert error.value.code == "period_not_over"


def test_outcome_of_a_draft_is_refused(draft, lines, users):
    with pytest.raises(DomainError) as error:
        record(draft, lines, users["sector"])
    assert error.value.code == "not_allowed"


def test_outcome_needs_every_comment_resolved(published, lines, users):
    comment_on(published, published.candidates.get(line=lines.duc))
    with pytest.raises(DomainError) as error:
        record(published, lines, users["sector"])
    assert error.value.message == UNRESOLVED_LEFT % {"n": 1}
    published.refresh_from_db()
    assert published.status == ConsultationStatus.PUBLISHED  # nothing changed


def test_outcome_needs_a_value_for_every_candidate(published, lines, users):
    published.refresh_from_db()
    given = outcomes(published, lines)
    given.popitem()
    with pytest.raises(DomainError) as error:
        consultation_record_outcome(
            consultation=published,
            outcomes=given,
            expected_version=published.version,
            user=users["sector"],
            today=after_closing(published),
        )
    assert error.value.field.startswith("c")


def test_no_objection_contradicts_a_verified_comment(published, lines, users):
    duc = published.candidates.get(line=lines.duc)
    resolve(comment_on(published, duc), Resolution.VERIFIED, users["sector"])
    with pytest.raises(DomainError) as error:
        record(published, lines, users["sector"])
    assert error.value.field == f"c{duc.pk}"


def test_an_upheld_objection_needs_its_note(published, lines, users):
    with pytest.raises(DomainError) as error:
        record(published, lines, users["sector"], duc=(Outcome.UPHELD, " "))
    assert error.value.field.startswith("n")


def test_outcome_twice_is_refused(published, lines, users):
    record(published, lines, users["sector"])
    with pytest.raises(DomainError) as error:
        record(published, lines, users["sector"])
    assert error.value.code == "not_allowed"


def test_resolution_is_frozen_once_the_outcome_is_recorded(published, lines, users):
    comment = comment_on(published, published.candidates.get(line=lines.duc))
    resolve(comment, Resolution.NOT_GROUNDED, users["sector"])
    record(published, lines, users["sector"])
    comment.refresh_from_db()
    with pytest.raises(DomainError):
        resolve(comment, Resolution.VERIFIED, users["sector"])


def test_transmission_blockers(draft, lines, users):
    every = [lines.duc, lines.division, lines.phu_tho, lines.sector_level]
    assert transmission_blockers(every) == {}  # a draft blocks nothing
    from tdkt.consultation.services.consultations import consultation_publish

    published = consultation_publish(
        consultation=draft, expected_version=draft.version, user=users["sector"]
    )
    pending = transmission_blockers(every)
    assert set(pending) == {lines.duc.pk, lines.division.pk, lines.phu_tho.pk}
    assert "Đang lấy ý kiến nhân dân" in pending[lines.duc.pk]
    duc = published.candidates.get(line=lines.duc)
    resolve(comment_on(published, duc), Resolution.VERIFIED, users["sector"])
    record(published, lines, users["sector"], duc=(Outcome.UPHELD, "Bị khiển trách năm 2024."))
    blocked = transmission_blockers(every)
    assert set(blocked) == {lines.duc.pk}
    assert "Bị khiển trách năm 2024." in blocked[lines.duc.pk]
    assert transmission_blockers([lines.duc.pk]) == blocked  # ids work too
