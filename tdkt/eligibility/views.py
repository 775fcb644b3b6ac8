"""Pages of the sweep: ask (year, codes), follow the job, browse and export its results.

Every page needs the "view" action somewhere in the user's reach; anyone else gets 404, and
anonymous users are sent to the login page. A sweep is visible only to the user who started it
(and to superusers).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.accounts.permissions import VIEW
from tdkt.accounts.scope import require_anywhere
from tdkt.core.errors import DomainError
from tdkt.eligibility import selectors
from tdkt.eligibility.codes import catalog_order
from tdkt.eligibility.exports import results_workbook
from tdkt.eligibility.forms import ResultFilterForm, SweepForm
from tdkt.eligibility.models import SweepStatus
from tdkt.eligibility.services import sweep_abandon_if_stalled, sweep_start

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RESULTS_PER_PAGE = 50
RECENT_JOBS = 10
CLOSING_MONTH = 11
"""From November the year being closed is the current one; before, the previous one."""


def view_access_required(view):
    """Login required; then 404 unless the user may view something somewhere."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        require_anywhere(request.user, VIEW)
        return view(request, *args, **kwargs)

    return wrapper


def _code_choices(codes: list[str]) -> list[tuple[str, str]]:
    names = selectors.award_names()
    return [(code, names.get(code, code)) for code in codes]


def _default_year() -> int:
    today = timezone.localdate()
    return today.year if today.month >= CLOSING_MONTH else today.year - 1


@require_http_methods(["GET", "POST"])
@view_access_required
def sweep(request):
    choices = _code_choices(catalog_order())
    initial = {"year": _default_year(), "codes": [code for code, _name in choices]}
    form = SweepForm(request.POST or None, initial=initial, code_choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            job = sweep_start(user=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return redirect("eligibility:sweep-job", pk=job.pk)
    jobs = selectors.sweep_job_list(user=request.user)[:RECENT_JOBS]
    return render(request, "eligibility/sweep.html", {"form": form, "jobs": jobs})


def _filters(request, job) -> tuple[ResultFilterForm, dict]:
    form = ResultFilterForm(
        request.GET,
        code_choices=_code_choices(job.codes),
        units=selectors.sweep_unit_choices(user=request.user, year=job.year),
    )
    return form, form.filters()


@require_GET
@view_access_required
def sweep_job(request, pk):
    job = selectors.sweep_job_get(user=request.user, pk=pk)
    sweep_abandon_if_stalled(job)
    context = {"job": job}
    if job.status == SweepStatus.SUCCEEDED:
        names = dict(_code_choices(job.codes))
        form, filters = _filters(request, job)
        results = selectors.sweep_results(job=job, **filters)
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        for result in page:
            result.code_name = names.get(result.code, result.code)
        summary = [{**row, "name": names.get(row["code"])} for row in job.summary_rows]
        context.update(filter_form=form, page=page, summary=summary)
    return render(request, "eligibility/sweep_job.html", context)


@require_GET
@view_access_required
def sweep_job_progress(request, pk):
    """The progress block alone, polled by htmx every second; once the job has finished the
    whole page is reloaded to show the results."""
    job = selectors.sweep_job_get(user=request.user, pk=pk)
    sweep_abandon_if_stalled(job)
    response = render(request, "eligibility/sweep_job.html#progress", {"job": job})
    if job.is_finished and request.htmx:
        response["HX-Refresh"] = "true"
    return response


@require_GET
@view_access_required
def sweep_export(request, pk):
    """The filtered results of a finished sweep as an Excel workbook."""
    job = selectors.sweep_job_get(user=request.user, pk=pk)
    if job.status != SweepStatus.SUCCEEDED:
        raise Http404
    _form, filters = _filters(request, job)
    results = selectors.sweep_results(job=job, **filters)
    names = dict(_code_choices(job.codes))
    response = HttpResponse(results_workbook(job=job, results=results, names=names), XLSX)
    filename = f"xet-khen-thuong-{job.year}-{job.pk}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
