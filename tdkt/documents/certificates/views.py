"""Pages of certificates: the blanks (list, edit, test print), the decisions to print (list,
a decision's certificates with the background job), one award's certificate, reissue, and the
public verification page reached from a certificate's QR code.

Only ``verify`` is public; every other page needs login and answers 404 out of reach.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.documents.certificates import selectors, services
from tdkt.documents.certificates.forms import CertificateFormForm, JobStartForm, ReissueForm
from tdkt.documents.certificates.layout import FIELDS, PAPERS, seed_positions
from tdkt.documents.certificates.models import CertificateForm, JobStatus
from tdkt.documents.certificates.rendering import page_for, render_certificates, sample_page

PDF = "application/pdf"
DECISIONS_PER_PAGE = 25
RECIPIENTS_PER_PAGE = 50


def _pdf(content: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    response = HttpResponse(content, content_type=PDF)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


# --- forms (blanks) ----------------------------------------------------------------------------


@login_required
@require_GET
def form_list(request):
    selectors.require_catalog(request.user)
    forms = CertificateForm.objects.all()
    return render(request, "documents/certificate_forms.html", {"forms": forms, "papers": PAPERS})


def _apply(form: CertificateFormForm, error: DomainError) -> None:
    if error.field in FIELDS:
        form.add_error(f"{error.field}_x", error.message)
    elif error.field in form.fields:
        form.add_error(error.field, error.message)
    else:
        form.add_error(None, error.message)


def _edit(request, instance: CertificateForm, *, title: str):
    if request.method == "POST":
        form = CertificateFormForm(request.POST)
        if form.is_valid():
            try:
                saved = services.form_save(
                    form=instance,
                    expected_version=form.cleaned_data["version"] if instance.pk else None,
                    user=request.user,
                    **form.values(),
                )
            except DomainError as error:
                _apply(form, error)
            else:
                messages.success(request, _("Đã lưu mẫu phôi “%s”.") % saved.name)
                return redirect("certificates:form-edit", saved.pk)
    else:
        form = CertificateFormForm(initial=CertificateFormForm.initial_from(instance))
    context = {"form": form, "instance": instance, "title": title, "papers": PAPERS}
    return render(request, "documents/certificate_form_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def form_create(request):
    selectors.require_catalog(request.user)
    instance = CertificateForm(
        paper="A4_LANDSCAPE", serial_prefix="GK", positions=seed_positions("A4_LANDSCAPE")
    )
    return _edit(request, instance, title=_("Thêm mẫu phôi"))


@login_required
@require_http_methods(["GET", "POST"])
def form_edit(request, pk: int):
    instance = selectors.form_get(user=request.user, pk=pk)
    return _edit(request, instance, title=_("Sửa mẫu phôi “%s”") % instance.name)


@login_required
@require_GET
def form_test_print(request, pk: int):
    """A sample certificate on the form, over a millimetre grid with every field's box, to
    align the blank in the printer."""
    instance = selectors.form_get(user=request.user, pk=pk)
    content = render_certificates([sample_page(instance)], grid=True)
    return _pdf(content, f"in-thu-mau-phoi-{instance.pk}.pdf")


# --- decisions and awards ---------------------------------------------------------------------


@login_required
@require_GET
def decision_list(request):
    query = request.GET.get("q", "").strip()[:60]
    decisions = selectors.decisions_for(user=request.user, query=query)
    page = Paginator(decisions, DECISIONS_PER_PAGE).get_page(request.GET.get("page"))
    can_edit_forms = _can_edit_forms(request.user)
    context = {"page": page, "query": query, "can_edit_forms": can_edit_forms}
    return render(request, "documents/certificate_decisions.html", context)


def _can_edit_forms(user) -> bool:
    try:
        selectors.require_catalog(user)
    except Http404:
        return False
    return True


@login_required
@require_GET
def decision_detail(request, pk: int):
    decision = selectors.decision_get(user=request.user, pk=pk)
    job = selectors.latest_job(decision)
    if job is not None:
        services.certificate_job_abandon_if_stalled(job)
    awards = selectors.decision_awards(decision)
    page = Paginator(awards, RECIPIENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"decision": decision, "job": job, "page": page, "start_form": JobStartForm()}
    return render(request, "documents/certificate_decision.html", context)


@login_required
@require_POST
def job_start(request, pk: int):
    decision = selectors.decision_get(user=request.user, pk=pk)
    form = JobStartForm(request.POST)
    with_frame = form.is_valid() and form.cleaned_data["with_frame"]
    try:
        services.certificate_job_start(decision=decision, user=request.user, with_frame=with_frame)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.info(request, _("Đã bắt đầu in; tiến độ hiện ở dưới đây."))
    return redirect("certificates:decision", decision.pk)


@login_required
@require_GET
def job_progress(request, pk: int):
    """The job block alone, polled by htmx every second; the page reloads when it ends."""
    job = selectors.job_get(user=request.user, pk=pk)
    services.certificate_job_abandon_if_stalled(job)
    response = render(
        request,
        "documents/certificate_decision.html#job",
        {"job": job, "decision": job.decision, "start_form": JobStartForm()},
    )
    if job.is_finished and request.htmx:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_GET
def job_download(request, pk: int):
    job = selectors.job_get(user=request.user, pk=pk)
    if job.status != JobStatus.SUCCEEDED or not job.file:
        raise Http404
    name = f"bang-khen-qd-{job.decision.number.replace('/', '-')}.pdf"
    return FileResponse(job.file.open("rb"), content_type=PDF, filename=name)


@login_required
@require_GET
def award_certificate(request, pk: int):
    """The certificate of one award as PDF; the first print gives its serial."""
    award = selectors.award_get(user=request.user, pk=pk)
    forms = services.forms_by_code()
    try:
        form = services.form_for(award, forms)
        certificate = services.certificates_issue(awards=[award], forms=forms, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(_back(award))
    page = page_for(award, certificate[award.pk], form)
    content = render_certificates([page], frame=request.GET.get("khung") == "1")
    return _pdf(content, f"{certificate[award.pk].serial}.pdf")


def _back(award) -> str:
    if award.decision_id:
        return reverse("certificates:decision", args=[award.decision_id])
    if award.person_id:
        return reverse("reports:person-record", args=[award.person_id])
    return reverse("reports:unit-record", args=[award.unit_id])


@login_required
@require_http_methods(["GET", "POST"])
def award_reissue(request, pk: int):
    award = selectors.award_get(user=request.user, pk=pk)
    certificate = getattr(award, "certificate", None)
    if certificate is None:
        messages.error(request, _(services.NOT_ISSUED))
        return redirect(_back(award))
    form = ReissueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_reissue(
                certificate=certificate, user=request.user, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            form.add_error("reason", error.message)
        else:
            messages.success(request, _("Đã ghi cấp lại; hãy in lại bằng khen, giấy khen."))
            return redirect(_back(award))
    context = {"form": form, "award": award, "certificate": certificate, "back": _back(award)}
    return render(request, "documents/certificate_reissue.html", context)


# --- public -----------------------------------------------------------------------------------


@require_GET
def verify(request, token: str):
    """Public, without login: what the certificate carrying ``token`` attests and whether it
    still stands. Any other token answers the ordinary 404 page."""
    certificate = selectors.certificate_by_token(token)
    award = certificate.award
    decision = award.decision
    revoked_on = None
    if award.revoked:
        revoked_on = award.revoked_on
    elif decision is not None and decision.revoked:
        revoked_on = decision.revoked_on
    context = {
        "certificate": certificate,
        "award": award,
        "holder": award.person.full_name if award.person_id else award.unit.full_name,
        "revoked": award.revoked or (decision is not None and decision.revoked),
        "revoked_on": revoked_on,
    }
    response = render(request, "documents/certificate_verify.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
