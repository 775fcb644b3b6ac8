"""Helpers shared by the scoring pages."""

from django.core.paginator import Paginator
from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PAGE_SIZE = 50


def page_of(request, items, per_page: int = PAGE_SIZE):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def download(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
