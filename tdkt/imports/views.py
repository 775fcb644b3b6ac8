"""Pages of the import: template download, upload, job progress and result, job history.

Every page needs the "import" action somewhere in the user's reach; anyone else gets 404, and
anonymous users are sent to the login page. A job is visible only to the user who started it.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.accounts.permissions import IMPORT
from tdkt.accounts.scope import require_anywhere
from tdkt.imports.forms import ImportUploadForm
from tdkt.imports.models import ImportJob
from tdkt.imports.services import import_job_submit
from tdkt.imports.template import template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_FILENAME = "mau-nhap-can-bo.xlsx"
ERRORS_PER_PAGE = 50
JOBS_PER_PAGE = 25


def import_access_required(view):
    """Login required; then 404 unless the user may import into at least one unit."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        require_anywhere(request.user, IMPORT)
        return view(request, *args, **kwargs)

    return wrapper


@require_GET
@import_access_required
def template_download(request):
    response = HttpResponse(template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_FILENAME}"'
    return response


@require_http_methods(["GET", "POST"])
@import_access_required
def upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = import_job_submit(user=request.user, upload=form.cleaned_data["file"])
        return redirect("imports:job", pk=job.pk)
    return render(request, "imports/upload.html", {"form": form})


@require_GET
@import_access_required
def job_list(request):
    jobs = ImportJob.objects.restrict(request.user).defer("errors")
    page = Paginator(jobs, JOBS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "imports/job_list.html", {"page": page})


def _job_context(request, pk: int) -> dict:
    job = get_object_or_404(ImportJob.objects.restrict(request.user), pk=pk)
    errors = Paginator(job.errors, ERRORS_PER_PAGE).get_page(request.GET.get("page"))
    return {"job": job, "errors": errors}


@require_GET
@import_access_required
def job_detail(request, pk: int):
    return render(request, "imports/job_detail.html", _job_context(request, pk))


@require_GET
@import_access_required
def job_progress(request, pk: int):
    """The progress block alone, polled by htmx every second until the job has finished."""
    return render(request, "imports/job_detail.html#progress", _job_context(request, pk))
