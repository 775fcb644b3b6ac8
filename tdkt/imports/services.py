"""Writes of the import: submitting a workbook, and running it all-or-nothing.

``import_job_submit`` stores the upload and queues the job. ``import_job_run`` (the background
task) reads every sheet, checks every row, and either writes everything in one transaction or
nothing at all. Persons are matched by ``Mã cán bộ`` and facts by their full content, so the
same file imported twice changes nothing the second time.
"""

import logging

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from tdkt.core.errors import DomainError
from tdkt.core.search import fold
from tdkt.imports.models import ImportJob, ImportStatus
from tdkt.imports.validation import (
    NO_ROWS,
    NO_SHEETS,
    check_rows,
    load_context,
    sort_errors,
)
from tdkt.imports.workbook import (
    HEADER_ROW,
    SHEETS,
    CellError,
    ParsedRow,
    header_positions,
    parse_rows,
)
from tdkt.imports.writing import write_import

logger = logging.getLogger(__name__)

UNREADABLE_FILE = "Không đọc được tệp Excel đã tải lên."
SYSTEM_ERROR = "Lỗi hệ thống khi nhập dữ liệu; chưa có dữ liệu nào được ghi. Hãy báo quản trị."
MAX_STORED_ERRORS = 5000
"""A file can hold tens of thousands of bad rows; the job keeps the first errors only."""
PROGRESS_EVERY = 500
CHANGE_REASON = "Nhập từ Excel: {filename}"


@transaction.atomic
def import_job_submit(*, user, upload: UploadedFile) -> ImportJob:
    """Store ``upload`` as a new pending job of ``user`` and queue it once the job is saved."""
    from tdkt.imports.tasks import run_import_job

    job = ImportJob(created_by=user, original_filename=upload.name[:255])
    job.file.save(upload.name, upload, save=False)
    job.save()
    transaction.on_commit(lambda: run_import_job.enqueue(job.pk))
    return job


def import_job_run(*, job_id: int) -> ImportJob:
    """Run a pending job to its end: ``SUCCEEDED`` with counts, or ``FAILED`` with all errors.

    A job that is not pending (already run, or taken by another worker) is left untouched, so
    a task delivered twice is harmless. Unexpected exceptions mark the job failed, then
    propagate so the worker records them.
    """
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportStatus.PENDING).update(
        status=ImportStatus.RUNNING, started_at=timezone.now()
    )
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if not claimed:
        return job
    try:
        _run(job)
    except Exception:
        logger.exception("Import job %s failed", job_id)
        error = CellError("", 0, "", _(SYSTEM_ERROR))
        _finish(job, status=ImportStatus.FAILED, errors=[error])
        raise
    return job


def _run(job: ImportJob) -> None:
    errors: list[CellError] = []
    sheets = _read(job, errors)
    if sheets is None:
        _finish(job, status=ImportStatus.FAILED, errors=errors)
        return
    ctx = load_context(user=job.created_by, sheets=sheets)
    check_rows(sheets=sheets, ctx=ctx, errors=errors)
    if errors:
        _finish(job, status=ImportStatus.FAILED, errors=errors)
        return
    reason = _(CHANGE_REASON).format(filename=job.original_filename)[:100]
    try:
        counts = write_import(sheets=sheets, ctx=ctx, user=job.created_by, reason=reason)
    except DomainError as error:
        _finish(job, status=ImportStatus.FAILED, errors=[CellError("", 0, "", error.message)])
        return
    _finish(job, status=ImportStatus.SUCCEEDED, counts=counts)


def _read(job: ImportJob, errors: list[CellError]) -> dict[str, list[ParsedRow]] | None:
    """Parse every known sheet; None (with an error recorded) when nothing can be imported."""
    with job.file.open("rb") as handle:
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            logger.warning("Import job %s: unreadable file: %s", job.pk, exc)
            errors.append(CellError("", 0, "", _(UNREADABLE_FILE)))
            return None
        try:
            return _read_sheets(job, workbook, errors)
        finally:
            workbook.close()


def _read_sheets(job, workbook, errors: list[CellError]) -> dict[str, list[ParsedRow]] | None:
    names = {fold(name): name for name in workbook.sheetnames}
    present = [
        (spec, workbook[names[fold(spec.name)]]) for spec in SHEETS if fold(spec.name) in names
    ]
    if not present:
        errors.append(CellError("", 0, "", _(NO_SHEETS)))
        return None
    estimate = sum(max((sheet.max_row or HEADER_ROW) - HEADER_ROW, 0) for _spec, sheet in present)
    ImportJob.objects.filter(pk=job.pk).update(total_rows=estimate)
    progress = _Progress(job)
    sheets: dict[str, list[ParsedRow]] = {}
    for spec, worksheet in present:
        rows = worksheet.iter_rows(values_only=True)
        positions, header_errors = header_positions(spec, next(rows, ()))
        errors.extend(header_errors)
        if header_errors:
            continue
        sheets[spec.name] = []
        for row in parse_rows(spec, positions, rows, errors):
            sheets[spec.name].append(row)
            progress.step()
    progress.flush()
    if not progress.count and not errors:
        errors.append(CellError("", 0, "", _(NO_ROWS)))
    return sheets


class _Progress:
    """Counts rows read and publishes the count on the job every ``PROGRESS_EVERY`` rows."""

    def __init__(self, job: ImportJob):
        self.job_id = job.pk
        self.count = 0

    def step(self) -> None:
        self.count += 1
        if self.count % PROGRESS_EVERY == 0:
            ImportJob.objects.filter(pk=self.job_id).update(processed_rows=self.count)

    def flush(self) -> None:
        ImportJob.objects.filter(pk=self.job_id).update(
            processed_rows=self.count, total_rows=self.count
        )


def _finish(job: ImportJob, *, status: str, errors=(), counts=None) -> None:
    ordered = sort_errors(list(errors))
    job.status = status
    job.errors = [error.as_dict() for error in ordered[:MAX_STORED_ERRORS]]
    job.error_count = len(ordered)
    job.counts = counts or {}
    job.finished_at = timezone.now()
    job.save(
        update_fields=["status", "errors", "error_count", "counts", "finished_at", "updated_at"]
    )
