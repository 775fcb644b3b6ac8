"""Writes of certificates: editing a form, giving serials, reissuing, and the background job
that prints every certificate of a decision.

A serial is given once per award, when its certificate is first printed, from a counter per
prefix and year (the year of the decision) locked while it counts; printing again reuses it.
"""

import logging
import secrets
from collections import defaultdict
from collections.abc import Sequence

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.core.notify import notify
from tdkt.documents.certificates.layout import check_positions
from tdkt.documents.certificates.models import (
    STALL_AFTER,
    Certificate,
    CertificateForm,
    CertificateJob,
    JobStatus,
    SerialCounter,
)

logger = logging.getLogger(__name__)

NO_FORM = "Chưa có mẫu phôi đang dùng cho “{name}” ({code}): hãy thêm mã này vào một mẫu phôi."
CODE_TAKEN = "Mã {code} đã thuộc mẫu phôi “{form}”; mỗi danh hiệu, hình thức chỉ in trên một mẫu."
NO_CODES = "Hãy ghi ít nhất một mã danh hiệu, hình thức khen thưởng."
UNKNOWN_CODES = "Không có danh hiệu, hình thức với mã: {codes}."
BAD_PLACEHOLDER = "Dòng thành tích chỉ dùng được {nam} (năm thành tích) trong ngoặc nhọn."
NO_RECIPIENTS = "Quyết định này chưa có người, tập thể nào được khen."
DECISION_REVOKED = "Quyết định đã bị hủy bỏ; không in bằng khen, giấy khen."
AWARD_REVOKED = "Khen thưởng này đã bị hủy bỏ; không in bằng khen, giấy khen."
ALREADY_RUNNING = "Đang in bằng khen của quyết định này; hãy chờ lần in đang chạy kết thúc."
REISSUE_REASON_REQUIRED = "Hãy ghi lý do cấp lại."
NOT_ISSUED = "Bằng khen, giấy khen này chưa được in lần nào nên chưa thể cấp lại."
SYSTEM_ERROR = "Lỗi hệ thống khi in; không có tệp nào được tạo. Hãy thử lại và báo quản trị."
NO_USER = "Người yêu cầu lần in này không còn trong hệ thống."
STALLED = (
    "Lần in này không có tiến triển trong {minutes} phút: tiến trình nền có thể đã dừng hoặc "
    "chưa được chạy. Hãy in lại, và báo quản trị nếu vẫn lặp lại."
)
DONE_SUBJECT = "Đã in xong bằng khen, giấy khen theo quyết định {number}"
DONE_BODY = "Tệp PDF gồm {count} trang đã sẵn sàng để tải về."
FAILED_SUBJECT = "Không in được bằng khen, giấy khen theo quyết định {number}"
BATCH_SIZE = 50
"""Pages laid out between two writes of progress."""


# --- forms -----------------------------------------------------------------------------------


def _clean_codes(codes: Sequence[str], form: CertificateForm) -> list[str]:
    from tdkt.catalog.models import AwardType

    cleaned = sorted({code.strip().upper() for code in codes if code.strip()})
    if not cleaned:
        raise DomainError(_(NO_CODES), field="codes", code=NO_CODES)
    known = set(AwardType.objects.filter(code__in=cleaned).values_list("code", flat=True))
    unknown = [code for code in cleaned if code not in known]
    if unknown:
        message = _(UNKNOWN_CODES).format(codes=", ".join(unknown))
        raise DomainError(message, field="codes", code=UNKNOWN_CODES)
    if form.active:
        for other in CertificateForm.objects.filter(active=True).exclude(pk=form.pk):
            taken = sorted(set(other.codes) & set(cleaned))
            if taken:
                message = _(CODE_TAKEN).format(code=taken[0], form=other.name)
                raise DomainError(message, field="codes", code=CODE_TAKEN)
    return cleaned


def _check_achievement(text: str) -> str:
    text = text.strip()
    if text.replace("{nam}", "").count("{") or text.replace("{nam}", "").count("}"):
        raise DomainError(_(BAD_PLACEHOLDER), field="achievement_text", code=BAD_PLACEHOLDER)
    return text


@transaction.atomic
def form_save(
    *, form: CertificateForm, expected_version: int | None, user, **values
) -> CertificateForm:
    """Create (``form.pk`` empty) or update a certificate form from ``values`` (the model's
    editable fields). Refuses positions outside the sheet, unknown codes, a code served by
    another active form, and a stale edit."""
    for name, value in values.items():
        setattr(form, name, value)
    form.achievement_text = _check_achievement(form.achievement_text)
    problems = check_positions(form.paper, form.positions)
    if problems:
        key, message = problems[0]
        raise DomainError(message, field=key or "positions", code="positions")
    form.codes = _clean_codes(form.codes, form)
    form.serial_prefix = form.serial_prefix.strip().upper()
    form._change_reason = f"Sửa mẫu phôi bởi {user}"
    save_with_version(form, expected_version=expected_version)
    return form


def forms_by_code() -> dict[str, CertificateForm]:
    """The active form of every award code (one query)."""
    return {
        code: form for form in CertificateForm.objects.filter(active=True) for code in form.codes
    }


def form_for(award, forms: dict[str, CertificateForm]) -> CertificateForm:
    form = forms.get(award.award_type.code)
    if form is None:
        message = _(NO_FORM).format(name=award.award_type.name, code=award.award_type.code)
        raise DomainError(message, field="form", code=NO_FORM)
    return form


# --- serials ---------------------------------------------------------------------------------


def _new_token() -> str:
    return secrets.token_urlsafe(16)


@transaction.atomic
def certificates_issue(*, awards: Sequence, forms: dict[str, CertificateForm], user) -> dict:
    """The certificate of every award in ``awards``, giving a serial to those that have none.

    Awards must carry ``award_type`` and ``decision``; revoked awards and awards of a revoked
    decision are refused. A fixed number of queries
    per prefix and year, whatever the number of awards. Returns ``{award_id: Certificate}``.
    """
    from tdkt.awards.models import Decision

    if any(award.revoked for award in awards):
        raise DomainError(_(AWARD_REVOKED), code=AWARD_REVOKED)
    decision_ids = {award.decision_id for award in awards if award.decision_id}
    if decision_ids and Decision.objects.filter(pk__in=decision_ids, revoked=True).exists():
        raise DomainError(_(DECISION_REVOKED), code=DECISION_REVOKED)
    wanted = defaultdict(list)
    for award in awards:
        form = form_for(award, forms)
        wanted[(form.serial_prefix, award.decision_date.year)].append(award)
    ids = [award.pk for award in awards]
    result: dict = {}
    for (prefix, year), group in sorted(wanted.items()):
        counter, _created = SerialCounter.objects.select_for_update().get_or_create(
            prefix=prefix, year=year
        )
        existing = {
            c.award_id: c for c in Certificate.objects.filter(award_id__in=[a.pk for a in group])
        }
        result.update(existing)
        missing = [award for award in group if award.pk not in existing]
        if not missing:
            continue
        now = timezone.now()
        made = [
            Certificate(
                award=award,
                serial=f"{prefix}-{year}-{counter.last + offset:06d}",
                token=_new_token(),
                issued_at=now,
                issued_by=user,
            )
            for offset, award in enumerate(missing, start=1)
        ]
        counter.last += len(missing)
        counter.save(update_fields=["last"])
        bulk_create_with_history(made, Certificate, default_user=user)
        result.update({c.award_id: c for c in made})
    return {pk: result[pk] for pk in ids}


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, user, reason: str) -> Certificate:
    """Count one more reissue (a lost or damaged copy): the serial and the QR stay, the new
    copy prints which reissue it is."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_(REISSUE_REASON_REQUIRED), field="reason")
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    locked.reissue_count += 1
    locked.reissued_at = timezone.now()
    locked.reissue_reason = reason[:255]
    locked._change_reason = f"Cấp lại: {reason}"
    locked.save()
    return locked


# --- background job --------------------------------------------------------------------------


@transaction.atomic
def certificate_job_start(*, decision, user, with_frame: bool = False) -> CertificateJob:
    """Queue the printing of every standing certificate of ``decision``. Refuses a revoked
    decision, one with no recipients, one whose codes have no form, and a second job while
    one is waiting or running."""
    from tdkt.awards.models import Award

    if decision.revoked:
        raise DomainError(_(DECISION_REVOKED), code=DECISION_REVOKED)
    awards = list(
        Award.objects.filter(decision=decision, revoked=False).select_related("award_type")
    )
    if not awards:
        raise DomainError(_(NO_RECIPIENTS), code=NO_RECIPIENTS)
    forms = forms_by_code()
    for award in awards:
        form_for(award, forms)
    busy = CertificateJob.objects.select_for_update().filter(
        decision=decision, status__in=[JobStatus.PENDING, JobStatus.RUNNING]
    )
    for job in busy:
        if not job.is_stalled:
            raise DomainError(_(ALREADY_RUNNING), code=ALREADY_RUNNING)
        _fail(job, _(STALLED).format(minutes=int(STALL_AFTER.total_seconds() // 60)))
    job = CertificateJob.objects.create(
        decision=decision, created_by=user, with_frame=with_frame, total=len(awards)
    )
    _forget_old_jobs(decision, keep=job)
    from tdkt.documents.certificates.tasks import run_certificate_job

    transaction.on_commit(lambda: run_certificate_job.enqueue(job.pk))
    return job


def _forget_old_jobs(decision, *, keep: CertificateJob) -> None:
    """A decision keeps only its newest job's file: older finished jobs go, with their PDFs."""
    old = CertificateJob.objects.filter(
        decision=decision, status__in=[JobStatus.SUCCEEDED, JobStatus.FAILED]
    ).exclude(pk=keep.pk)
    for job in old:
        if job.file:
            job.file.delete(save=False)
    old.delete()


def certificate_job_run(*, job_id: int) -> CertificateJob:
    """Run a pending job to its end: ``SUCCEEDED`` with its PDF, or ``FAILED`` with a
    Vietnamese message and no file. A job that is not pending is left alone (a task delivered
    twice is harmless)."""
    now = timezone.now()
    claimed = CertificateJob.objects.filter(pk=job_id, status=JobStatus.PENDING).update(
        status=JobStatus.RUNNING, started_at=now, updated_at=now
    )
    job = CertificateJob.objects.select_related("decision", "created_by").get(pk=job_id)
    if not claimed:
        return job
    try:
        _run(job)
    except DomainError as error:
        _fail(job, error.message)
    except Exception:
        logger.exception("Certificate job %s failed", job_id)
        _fail(job, _(SYSTEM_ERROR))
        raise
    return job


def _run(job: CertificateJob) -> None:
    from tdkt.documents.certificates.rendering import page_for, render_in_batches
    from tdkt.documents.certificates.selectors import decision_awards

    if job.created_by is None:
        raise DomainError(_(NO_USER))
    if job.decision.revoked:
        raise DomainError(_(DECISION_REVOKED))
    awards = list(decision_awards(job.decision).filter(revoked=False))
    if not awards:
        raise DomainError(_(NO_RECIPIENTS))
    forms = forms_by_code()
    certificates = certificates_issue(awards=awards, forms=forms, user=job.created_by)
    CertificateJob.objects.filter(pk=job.pk).update(total=len(awards), updated_at=timezone.now())
    pages = [page_for(a, certificates[a.pk], form_for(a, forms)) for a in awards]
    batches = [pages[i : i + BATCH_SIZE] for i in range(0, len(pages), BATCH_SIZE)]
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        CertificateJob.objects.filter(pk=job.pk).update(progress=done, updated_at=timezone.now())

    content = render_in_batches(batches, frame=job.with_frame, on_batch=advance)
    job.refresh_from_db()
    job.file.save(f"bang-khen-qd-{job.decision.pk}-{job.pk}.pdf", ContentFile(content), save=False)
    job.status, job.progress, job.finished_at = JobStatus.SUCCEEDED, len(pages), timezone.now()
    job.save(update_fields=["file", "status", "progress", "finished_at", "updated_at"])
    _tell(job, _(DONE_SUBJECT), _(DONE_BODY).format(count=len(pages)))


def _fail(job: CertificateJob, message: str) -> None:
    job.status, job.error, job.finished_at = JobStatus.FAILED, str(message)[:500], timezone.now()
    job.save(update_fields=["status", "error", "finished_at", "updated_at"])
    _tell(job, _(FAILED_SUBJECT), job.error)


def _tell(job: CertificateJob, subject: str, text: str) -> None:
    """E-mail the officer who asked, who may have left the page while the job ran."""
    if job.created_by is None:
        return
    decision = job.decision
    url = settings.TDKT_SITE_URL.rstrip("/") + reverse("certificates:decision", args=[decision.pk])
    notify(
        users=[job.created_by],
        subject=subject.format(number=decision.number),
        body=f"{text}\n\n{url}",
    )


def certificate_job_abandon_if_stalled(job: CertificateJob) -> bool:
    """Mark ``job`` failed when it has stalled (see ``CertificateJob.is_stalled``)."""
    if not job.is_stalled:
        return False
    updated = CertificateJob.objects.filter(
        pk=job.pk,
        status__in=[JobStatus.PENDING, JobStatus.RUNNING],
        updated_at__lt=timezone.now() - STALL_AFTER,
    ).update(
        status=JobStatus.FAILED,
        error=_(STALLED).format(minutes=int(STALL_AFTER.total_seconds() // 60)),
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return bool(updated)
