"""Background tasks of the import (run by ``manage.py db_worker``, or at once in tests)."""

from django.tasks import task

from tdkt.imports.services import import_job_run


@task
def run_import_job(job_id: int) -> str:
    """Run the import job ``job_id``; returns its final status."""
    return import_job_run(job_id=job_id).status
