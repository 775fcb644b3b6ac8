"""Public pages, open without logging in: the consultations open for comment, one
consultation's candidates with the comment form, and the acknowledgement. Only public fields
are shown (name, unit, position, code, summary); they work without JavaScript and print."""

import ipaddress

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from tdkt.consultation import selectors
from tdkt.consultation.conf import setting
from tdkt.consultation.forms import CommentForm
from tdkt.consultation.services import comments as comment_services
from tdkt.consultation.services.consultations import working_days_on
from tdkt.core.errors import DomainError

PAGE_SIZE = 20


def client_ip(request) -> str | None:
    """The client's address: ``REMOTE_ADDR``, or the first address of ``X-Forwarded-For``
    when the setting says the proxy in front of the application sets it."""
    address = request.META.get("REMOTE_ADDR", "")
    if setting("TDKT_CONSULTATION_TRUST_X_FORWARDED_FOR"):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            address = forwarded.split(",")[0].strip()
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def public_list(request):
    """The consultations open for comment today, closing soonest first, paged."""
    today = timezone.localdate()
    qs = selectors.public_with_candidates(selectors.public_open(today=today))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "consultation/public/list.html", {"page": page, "today": today})


@require_http_methods(["GET", "POST"])
def public_detail(request, pk):
    """One published consultation: the notice, the candidates, the closing day and, while it
    is open, the comment form. A refused comment is shown again with the reason."""
    consultation = selectors.public_get(pk)
    today = timezone.localdate()
    candidates = list(selectors.candidates_of(consultation))
    form = CommentForm(request.POST or None, candidates=candidates)
    error = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            comment_services.comment_submit(
                consultation_id=consultation.pk,
                candidate_id=data["candidate"] or None,
                content=data["content"],
                author_name=data["author_name"],
                contact=data["contact"],
                client_ip=client_ip(request),
                trap=data["website"],
                today=today,
            )
        except DomainError as exc:
            if exc.field in form.fields:
                form.add_error(exc.field, exc.message)
            else:
                error = exc.message
        else:
            return redirect("consultation:public-thanks", pk=consultation.pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "consultation": consultation,
        "candidates": candidates,
        "form": form,
        "error": error,
        "open": consultation.accepts_comments_on(today),
        "not_yet": today < consultation.opens_on,
        "parameter": working_days_on(consultation.opens_on),
    }
    return render(request, "consultation/public/detail.html", context, status=status)


def public_thanks(request, pk):
    consultation = selectors.public_get(pk)
    return render(request, "consultation/public/thanks.html", {"consultation": consultation})
