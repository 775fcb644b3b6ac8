"""Pages of a cluster's covenant: targets, signatures, the signed Word document."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.accounts.permissions import MANAGE_EMULATION
from tdkt.core.errors import DomainError
from tdkt.emulation.forms import CovenantForm, CovenantSignForm, CovenantTargetFormSet
from tdkt.emulation.selectors import clusters as cluster_selectors
from tdkt.emulation.selectors.covenants import covenant_for
from tdkt.emulation.services import covenants as services
from tdkt.org.models import Unit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _signable(user, cluster, view) -> set[int]:
    """Member units still unsigned that ``user`` may sign for."""
    unsigned = [r.member.unit_id for r in view.rows if r.signature is None]
    if not unsigned or view.covenant is None or not view.targets:
        return set()
    ids = unsigned + [cluster.organiser_id]
    managed = set(
        Unit.objects.restrict(user, MANAGE_EMULATION)
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )
    if cluster.organiser_id in managed:
        return set(unsigned)
    return managed & set(unsigned)


@login_required
def covenant_detail(request, pk):
    """The covenant of a cluster: targets and one line per member, with sign buttons."""
    cluster = cluster_selectors.cluster_get(user=request.user, pk=pk)
    view = covenant_for(cluster)
    context = {
        "cluster": cluster,
        "covenant": view,
        "signable": _signable(request.user, cluster, view),
        "may_edit": not view.locked and services.may_edit(request.user, cluster),
    }
    return render(request, "emulation/covenant.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def covenant_edit(request, pk):
    """Write or change the covenant's targets (until the first signature)."""
    cluster = cluster_selectors.cluster_get(user=request.user, pk=pk)
    if not services.may_edit(request.user, cluster):
        raise Http404
    view = covenant_for(cluster)
    if view.locked:
        messages.error(request, _(services.ALREADY_SIGNED_EDIT))
        return redirect("emulation:covenant", pk=cluster.pk)
    covenant = view.covenant
    if request.method == "POST":
        form = CovenantForm(request.POST)
        formset = CovenantTargetFormSet(request.POST, prefix="targets")
        if form.is_valid() and formset.is_valid():
            targets = [
                services.TargetInput(
                    text=f.cleaned_data.get("text") or "",
                    value=f.cleaned_data.get("value"),
                    measure=f.cleaned_data.get("measure") or "",
                )
                for f in formset
            ]
            try:
                services.covenant_save(
                    cluster=cluster,
                    targets=targets,
                    preamble=form.cleaned_data["preamble"],
                    place=form.cleaned_data["place"],
                    expected_version=form.cleaned_data["version"],
                    user=request.user,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã lưu giao ước thi đua."))
                return redirect("emulation:covenant", pk=cluster.pk)
    else:
        initial = {"version": covenant.version, "preamble": covenant.preamble} if covenant else {}
        if covenant:
            initial["place"] = covenant.place
        form = CovenantForm(initial=initial)
        formset = CovenantTargetFormSet(
            prefix="targets",
            initial=[
                {"text": t.text, "value": t.value, "measure": t.measure} for t in view.targets
            ],
        )
    context = {"cluster": cluster, "form": form, "formset": formset}
    return render(request, "emulation/covenant_form.html", context)


@login_required
@require_POST
def covenant_sign(request, pk):
    """Record the signature of one member unit by the current user."""
    cluster = cluster_selectors.cluster_get(user=request.user, pk=pk)
    view = covenant_for(cluster)
    form = CovenantSignForm(request.POST)
    if view.covenant is None or not form.is_valid():
        raise Http404
    unit = next(
        (r.member.unit for r in view.rows if r.member.unit_id == form.cleaned_data["unit"]), None
    )
    if unit is None:
        raise Http404
    try:
        services.covenant_sign(covenant=view.covenant, unit=unit, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã ghi nhận %(unit)s ký giao ước.") % {"unit": unit})
    return redirect("emulation:covenant", pk=cluster.pk)


@login_required
def covenant_docx(request, pk):
    """The covenant as a Word document, with its targets and the signatures so far."""
    from tdkt.emulation.documents import covenant_document

    cluster = cluster_selectors.cluster_get(user=request.user, pk=pk)
    view = covenant_for(cluster)
    if view.covenant is None:
        raise Http404
    response = HttpResponse(covenant_document(cluster, view), content_type=DOCX)
    response["Content-Disposition"] = (
        f'attachment; filename="giao-uoc-{cluster.year}-{cluster.pk}.docx"'
    )
    return response
