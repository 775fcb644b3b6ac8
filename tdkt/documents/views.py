"""Pages of the Word templates: list, download (default, in use, filled with sample data),
replace with an edited copy, restore the default.

Anyone who may view something can list and download; replacing and restoring need the
``change_catalog`` action (the sector officer). Others get 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.accounts.permissions import CHANGE_CATALOG, VIEW
from tdkt.accounts.scope import reach_of, require_anywhere
from tdkt.core.errors import DomainError
from tdkt.documents import registry, services
from tdkt.documents.forms import ReplacementForm
from tdkt.documents.models import TemplateReplacement
from tdkt.documents.rendering import DOCX_CONTENT_TYPE, fill_template, template_source

VERSIONS = {"mac-dinh": "default", "hien-hanh": "current", "dien-thu": "sample"}


def _require(user, action: str) -> None:
    require_anywhere(user, action)


def _template(key: str) -> registry.WordTemplate:
    template = registry.get(key)
    if template is None:
        raise Http404
    return template


@login_required
@require_GET
def template_list(request):
    _require(request.user, VIEW)
    replacements = {
        r.key: r for r in TemplateReplacement.objects.select_related("uploaded_by").defer("content")
    }
    rows = [(t, replacements.get(t.key)) for t in registry.all_templates()]
    can_change = reach_of(request.user).allows_anywhere(CHANGE_CATALOG)
    return render(request, "documents/list.html", {"rows": rows, "can_change": can_change})


@login_required
@require_GET
def template_download(request, key: str, version: str):
    _require(request.user, VIEW)
    template = _template(key)
    if version not in VERSIONS:
        raise Http404
    if VERSIONS[version] == "default":
        content, name = template.default_path.read_bytes(), template.filename
    else:
        content, _replaced = template_source(template)
        name = template.filename
        if VERSIONS[version] == "sample":
            try:
                content = fill_template(template, content, template.sample())
            except DomainError as error:
                messages.error(request, error.message)
                return redirect("documents:list")
            name = f"dien-thu-{template.filename}"
    response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def template_replace(request, key: str):
    _require(request.user, CHANGE_CATALOG)
    template = _template(key)
    form = ReplacementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.template_replace(
                key=key,
                content=upload.read(services.MAX_BYTES + 1),
                name=upload.name,
                user=request.user,
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("Đã dùng mẫu mới cho “%s”.") % template.title)
            return redirect("documents:list")
    return render(request, "documents/replace.html", {"template": template, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def template_restore(request, key: str):
    _require(request.user, CHANGE_CATALOG)
    template = _template(key)
    if request.method == "POST":
        if services.template_restore(key=key, user=request.user):
            messages.success(request, _("Đã khôi phục mẫu mặc định cho “%s”.") % template.title)
        return redirect("documents:list")
    replacement = TemplateReplacement.objects.filter(key=key).defer("content").first()
    if replacement is None:
        return redirect("documents:list")
    return render(
        request, "documents/restore.html", {"template": template, "replacement": replacement}
    )
