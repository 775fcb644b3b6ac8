"""Background tasks of the sweep (run by ``manage.py db_worker``, or at once in tests)."""

from django.tasks import task

from tdkt.eligibility.services import sweep_run


@task
def run_sweep_job(job_id: int) -> str:
    """Run the sweep ``job_id``; returns its final status."""
    return sweep_run(job_id=job_id).status
