"""Background task printing a decision's certificates (run by ``manage.py db_worker``)."""

from django.tasks import task

from tdkt.documents.certificates.services import certificate_job_run


@task
def run_certificate_job(job_id: int) -> str:
    """Run the certificate job ``job_id``; returns its final status."""
    return certificate_job_run(job_id=job_id).status
