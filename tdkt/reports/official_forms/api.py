"""API route for the statistics forms: the same Excel file as the page."""

from typing import Literal

from django.http import HttpResponse
from django.utils import timezone
from ninja import Router

from tdkt.core.errors import DomainError
from tdkt.reports.official_forms.forms import FIRST_YEAR, YEAR_OUT_OF_RANGE
from tdkt.reports.official_forms.report import official_form
from tdkt.reports.official_forms.views import XLSX

router = Router(tags=["Biểu mẫu thống kê"])


@router.get(
    "/{code}",
    summary="Biểu mẫu thống kê 0601.N–0605.N/BNV-TĐKT (tệp Excel)",
    response={200: bytes},
    openapi_extra={"responses": {200: {"content": {XLSX: {}}}}},
)
def official_form_file(
    request, code: Literal["0601", "0602", "0603", "0604", "0605"], year: int, unit: int
):
    """The form ``code`` for ``year``, covering ``unit`` (its subtree and the units it
    succeeded), exactly as downloaded from the page. 404 when the unit is outside the caller's
    reach; 400 when the year is outside 2015 – this year."""
    today = timezone.localdate()
    if not FIRST_YEAR <= year <= today.year:
        raise DomainError(
            str(YEAR_OUT_OF_RANGE % {"first": FIRST_YEAR, "last": today.year}), field="year"
        )
    result = official_form(user=request.user, code=code, year=year, unit_id=unit, today=today)
    response = HttpResponse(result.content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    return response
