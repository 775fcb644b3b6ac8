"""API routes of certificates: the public verification by token (no login, like the page the
QR code opens) and the status of a decision's print job (scoped like the pages)."""

import datetime as dt

from django.http import Http404
from django.urls import reverse
from ninja import Router, Schema

from tdkt.documents.certificates import selectors
from tdkt.documents.certificates.models import CertificateJob, JobStatus

router = Router(tags=["Bằng khen, giấy khen"])


class VerificationOut(Schema):
    serial: str
    reissue_count: int
    holder: str
    code: str
    name: str
    year: int
    decision_number: str
    decision_date: dt.date
    authority: str
    valid: bool
    """False once the award or its decision is revoked."""
    revoked_on: dt.date | None


class JobOut(Schema):
    id: int
    decision_id: int
    status: str
    progress: int
    total: int
    percent: int
    error: str
    download_url: str | None
    created_at: dt.datetime
    finished_at: dt.datetime | None


@router.get("/verify/{token}", response=VerificationOut, auth=None)
def verify(request, token: str):
    """What the certificate carrying ``token`` attests, and whether it still stands. Public;
    an unknown token answers 404 and nothing else."""
    certificate = selectors.certificate_by_token(token)
    award = certificate.award
    decision = award.decision
    decision_revoked = decision is not None and decision.revoked
    revoked_on = award.revoked_on if award.revoked else None
    if revoked_on is None and decision_revoked:
        revoked_on = decision.revoked_on
    return {
        "serial": certificate.serial,
        "reissue_count": certificate.reissue_count,
        "holder": award.person.full_name if award.person_id else award.unit.full_name,
        "code": award.award_type.code,
        "name": award.award_type.name,
        "year": award.year,
        "decision_number": award.decision_number,
        "decision_date": award.decision_date,
        "authority": award.authority,
        "valid": not (award.revoked or decision_revoked),
        "revoked_on": revoked_on,
    }


def _job_out(job: CertificateJob) -> dict:
    done = job.status == JobStatus.SUCCEEDED and bool(job.file)
    return {
        "id": job.pk,
        "decision_id": job.decision_id,
        "status": job.status,
        "progress": job.progress,
        "total": job.total,
        "percent": job.percent,
        "error": job.error,
        "download_url": reverse("certificates:job-download", args=[job.pk]) if done else None,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
    }


@router.get("/jobs/{job_id}", response=JobOut)
def job_status(request, job_id: int):
    """The progress of a print job, for the officers reaching the decision's issuer."""
    return _job_out(selectors.job_get(user=request.user, pk=job_id))


@router.get("/decisions/{decision_id}/job", response=JobOut)
def decision_job(request, decision_id: int):
    """The latest print job of a decision; 404 when it has none or is out of reach."""
    decision = selectors.decision_get(user=request.user, pk=decision_id)
    job = selectors.latest_job(decision)
    if job is None:
        raise Http404
    return _job_out(job)
