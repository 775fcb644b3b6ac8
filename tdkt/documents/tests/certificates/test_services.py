"""Writes of certificates: serials given once per award and counted per prefix and year,
reissues, forms refused with a named reason, and the background print job."""

import datetime as dt
import os

import pytest
from django.utils import timezone

from tdkt.core.errors import DomainError, StaleEditError
from tdkt.documents.certificates import rendering, services
from tdkt.documents.certificates.layout import seed_positions
from tdkt.documents.certificates.models import (
    STALL_AFTER,
    Certificate,
    CertificateForm,
    CertificateJob,
    JobStatus,
)
from tdkt.documents.tests.certificates.conftest import grant, make_decision, pdf_text

pytestmark = pytest.mark.django_db


def _issue(awards, user):
    return services.certificates_issue(awards=awards, forms=services.forms_by_code(), user=user)


def test_serials_are_given_once_and_in_order_per_prefix_and_year(decision, hanoi_decision, users):
    first = _issue(decision.granted, users["sector"])
    again = _issue(decision.granted, users["sector"])
    unit_level = _issue(hanoi_decision.granted, users["hanoi_officer"])

    serials = [first[a.pk].serial for a in decision.granted]
    assert serials == ["BK-2025-000001", "BK-2025-000002", "BK-2025-000003"]
    assert [again[a.pk].pk for a in decision.granted] == [first[a.pk].pk for a in decision.granted]
    assert unit_level[hanoi_decision.granted[0].pk].serial == "GK-2025-000001"
    assert Certificate.objects.count() == 4


def test_tokens_are_unguessable_and_distinct(decision, users):
    certificates = _issue(decision.granted, users["sector"]).values()

    tokens = {c.token for c in certificates}
    assert len(tokens) == 3 and all(len(t) >= 20 for t in tokens)
    assert not any(c.serial in c.token for c in certificates)


def test_numbering_restarts_each_year(org, people, users):
    old = make_decision(org.root, number="9/QĐ", signed_on=dt.date(2024, 12, 20))
    award_2024 = grant(old, person=people["duc"], year=2024)
    new = make_decision(org.root, number="10/QĐ")

    a = _issue([award_2024], users["sector"])[award_2024.pk]
    b_award = grant(new, person=people["duc"])
    b = _issue([b_award], users["sector"])[b_award.pk]

    assert (a.serial, b.serial) == ("BK-2024-000001", "BK-2025-000001")


def test_an_award_without_a_form_is_refused_with_its_name(org, people, users):
    decision = make_decision(org.root, number="77/QĐ")
    award = grant(decision, "KNC_VSNKS", person=people["duc"])

    with pytest.raises(DomainError) as error:
        _issue([award], users["sector"])

    assert error.value.code == services.NO_FORM
    assert "KNC_VSNKS" in error.value.message and not Certificate.objects.exists()


def test_a_revoked_award_gets_no_certificate(decision, users):
    award = decision.granted[0]
    award.revoked = True

    with pytest.raises(DomainError) as error:
        _issue([award], users["sector"])

    assert error.value.code == services.AWARD_REVOKED


def test_a_reissue_counts_up_keeps_the_serial_and_needs_a_reason(decision, users):
    certificate = _issue(decision.granted[:1], users["sector"])[decision.granted[0].pk]

    with pytest.raises(DomainError):
        services.certificate_reissue(certificate=certificate, user=users["sector"], reason=" ")
    twice = services.certificate_reissue(
        certificate=certificate, user=users["sector"], reason="Bản cũ bị hỏng"
    )
    twice = services.certificate_reissue(certificate=twice, user=users["sector"], reason="Mất")

    assert twice.reissue_count == 2 and twice.serial == certificate.serial
    assert twice.token == certificate.token and twice.reissue_reason == "Mất"
    assert twice.history.first().history_change_reason == "Cấp lại: Mất"


# --- forms ------------------------------------------------------------------------------------


def _values(form: CertificateForm, **changes) -> dict:
    values = {
        "name": form.name,
        "codes": list(form.codes),
        "paper": form.paper,
        "serial_prefix": form.serial_prefix,
        "place": form.place,
        "achievement_text": form.achievement_text,
        "active": form.active,
        "positions": form.positions,
    }
    return {**values, **changes}


def test_a_form_is_saved_with_its_version_and_history(users):
    form = CertificateForm.objects.get(codes=["GK"])

    saved = services.form_save(
        form=form,
        expected_version=form.version,
        user=users["sector"],
        **_values(form, codes=["gk", " CSTDCS "], place="Hà Nội"),
    )

    assert saved.codes == ["CSTDCS", "GK"] and saved.version == 2
    assert saved.history.first().history_change_reason.startswith("Sửa mẫu phôi")


def test_a_stale_form_edit_is_refused(users):
    form = CertificateForm.objects.get(codes=["GK"])
    services.form_save(form=form, expected_version=1, user=users["sector"], **_values(form))
    stale = CertificateForm.objects.get(pk=form.pk)

    with pytest.raises(StaleEditError):
        services.form_save(form=stale, expected_version=1, user=users["sector"], **_values(stale))


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"codes": ["BK_NGANH"]}, services.CODE_TAKEN),
        ({"codes": ["KHONG_CO"]}, services.UNKNOWN_CODES),
        ({"codes": [" "]}, services.NO_CODES),
        ({"achievement_text": "Thành tích năm {year}"}, services.BAD_PLACEHOLDER),
        (
            {"paper": "A4_PORTRAIT"},
            "positions",
        ),  # the landscape positions overflow a portrait sheet
    ],
)
def test_bad_forms_are_refused_with_a_named_reason(users, changes, code):
    form = CertificateForm.objects.get(codes=["GK"])

    with pytest.raises(DomainError) as error:
        services.form_save(
            form=form, expected_version=1, user=users["sector"], **_values(form, **changes)
        )

    assert error.value.code == code
    assert CertificateForm.objects.get(pk=form.pk).version == 1


def test_an_inactive_form_may_share_a_code(users):
    form = CertificateForm(positions=seed_positions("A4_PORTRAIT"))

    saved = services.form_save(
        form=form,
        expected_version=None,
        user=users["sector"],
        **_values(
            form,
            name="Giấy khen (mẫu cũ)",
            codes=["GK"],
            paper="A4_PORTRAIT",
            serial_prefix="gkc",
            place="Hà Nội",
            achievement_text="Đã có thành tích năm {nam}",
            active=False,
        ),
    )

    assert saved.pk and saved.serial_prefix == "GKC"
    assert services.forms_by_code()["GK"].name == "Giấy khen"


# --- background job ---------------------------------------------------------------------------


def _start(decision, user, **options):
    job = services.certificate_job_start(decision=decision, user=user, **options)
    return services.certificate_job_run(job_id=job.pk)


def test_the_job_prints_every_recipient_on_one_pdf(decision, users):
    job = _start(decision, users["sector"], with_frame=True)

    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.percent == 100
    assert (job.progress, job.total) == (3, 3)
    content = job.file.read()
    text = pdf_text(content)
    assert text.count("Số: BK-2025-00000") == 3
    assert "Ông Đặng Văn Đức" in text and "VKSND khu vực 1 – Phú Thọ" in text
    assert Certificate.objects.count() == 3


def test_progress_is_written_after_every_batch(decision, users, monkeypatch):
    monkeypatch.setattr(services, "BATCH_SIZE", 1)
    seen = []
    original = rendering.render_in_batches

    def spying(batches, **options):
        def told(count):
            options["on_batch"](count)
            seen.append(CertificateJob.objects.get().progress)

        return original(batches, frame=options["frame"], on_batch=told)

    monkeypatch.setattr(rendering, "render_in_batches", spying)

    _start(decision, users["sector"])

    assert seen == [1, 2, 3]


def test_a_crash_fails_the_job_with_a_message_and_no_file(decision, users, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("layout bug")

    monkeypatch.setattr(rendering, "render_in_batches", broken)
    job = services.certificate_job_start(decision=decision, user=users["sector"])

    with pytest.raises(RuntimeError):
        services.certificate_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == services.SYSTEM_ERROR
    assert not job.file and job.finished_at


def test_a_decision_revoked_while_queued_fails_with_the_reason(decision, users):
    job = services.certificate_job_start(decision=decision, user=users["sector"])
    decision.revoked, decision.revoked_on = True, dt.date(2026, 1, 5)
    decision.save()

    services.certificate_job_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.error == services.DECISION_REVOKED


def test_a_job_delivered_twice_runs_once(decision, users):
    job = _start(decision, users["sector"])
    name = CertificateJob.objects.get(pk=job.pk).file.name

    services.certificate_job_run(job_id=job.pk)

    assert CertificateJob.objects.get(pk=job.pk).file.name == name


def test_a_second_job_waits_for_the_first_unless_it_stalled(decision, users):
    first = services.certificate_job_start(decision=decision, user=users["sector"])

    with pytest.raises(DomainError) as error:
        services.certificate_job_start(decision=decision, user=users["sector"])
    assert error.value.code == services.ALREADY_RUNNING

    CertificateJob.objects.filter(pk=first.pk).update(
        updated_at=timezone.now() - STALL_AFTER - dt.timedelta(seconds=1)
    )
    second = services.certificate_job_start(decision=decision, user=users["sector"])

    assert second.status == JobStatus.PENDING
    assert list(CertificateJob.objects.all()) == [second]  # the stalled one was given up


def test_a_new_job_forgets_the_old_file(decision, users):
    old = _start(decision, users["sector"])
    path = CertificateJob.objects.get(pk=old.pk).file.path

    _start(decision, users["sector"])

    assert not CertificateJob.objects.filter(pk=old.pk).exists()
    assert not os.path.exists(path)


@pytest.mark.parametrize("problem", ["revoked", "empty", "no_form"])
def test_a_job_is_refused_before_it_starts(org, people, users, problem):
    decision = make_decision(org.root, number=f"{problem}/QĐ")
    if problem == "revoked":
        grant(decision, person=people["duc"])
        decision.revoked = True
        decision.save()
    elif problem == "no_form":
        grant(decision, "KNC_VSNKS", person=people["duc"])

    with pytest.raises(DomainError) as error:
        services.certificate_job_start(decision=decision, user=users["sector"])

    expected = {
        "revoked": services.DECISION_REVOKED,
        "empty": services.NO_RECIPIENTS,
        "no_form": services.NO_FORM,
    }[problem]
    assert error.value.code == expected and not CertificateJob.objects.exists()


def test_a_stalled_job_is_marked_failed_when_looked_at(decision, users):
    job = services.certificate_job_start(decision=decision, user=users["sector"])
    assert not services.certificate_job_abandon_if_stalled(job)
    CertificateJob.objects.filter(pk=job.pk).update(
        updated_at=timezone.now() - STALL_AFTER - dt.timedelta(seconds=1)
    )
    job.refresh_from_db()

    assert services.certificate_job_abandon_if_stalled(job)
    assert job.status == JobStatus.FAILED


def test_the_officer_is_told_by_mail_when_the_job_ends(
    decision, users, mailoutbox, django_capture_on_commit_callbacks
):
    users["sector"].email = "nganh@example.vn"
    users["sector"].save()

    with django_capture_on_commit_callbacks(execute=True):
        _start(decision, users["sector"])

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["nganh@example.vn"] and "123/QĐ-VKSTC" in mail.subject
    assert "3 trang" in mail.body
    assert f"https://tdkt.example.vn/bang-khen/quyet-dinh/{decision.pk}/" in mail.body


def test_an_award_of_a_revoked_decision_gets_no_certificate(decision, users):
    decision.revoked, decision.revoked_on = True, dt.date(2026, 1, 5)
    decision.save()

    with pytest.raises(DomainError) as error:
        _issue(decision.granted[:1], users["sector"])

    assert error.value.code == services.DECISION_REVOKED
