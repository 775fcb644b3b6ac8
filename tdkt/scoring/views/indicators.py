"""The professional indicators page: imported values in scope, the import and its template."""

from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from openpyxl import Workbook
from openpyxl.styles import Font

from tdkt.accounts.scope import reach_of
from tdkt.core.errors import DomainError
from tdkt.scoring import permissions
from tdkt.scoring.forms import IndicatorFilterForm, IndicatorImportForm
from tdkt.scoring.models import IndicatorValue
from tdkt.scoring.services import indicators as services
from tdkt.scoring.views.common import XLSX, download, page_of


def _can_import(user) -> bool:
    return reach_of(user).allows_anywhere("import")


@login_required
@require_http_methods(["GET", "POST"])
def indicator_list(request):
    """Indicator values of the units in reach, filtered; the import for those who may."""
    permissions.require_view(request.user)
    can_import = _can_import(request.user)
    form = IndicatorImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST":
        if not can_import:
            raise Http404
        if form.is_valid():
            try:
                result = services.indicators_import(
                    upload=form.cleaned_data["file"], user=request.user
                )
            except DomainError as error:
                form.add_error("file", error.message)
            else:
                if not result.errors:
                    messages.success(
                        request,
                        _("Đã nhập %(n)s giá trị chỉ tiêu; cập nhật %(m)s điểm tự chấm.")
                        % {"n": result.saved, "m": result.refreshed},
                    )
    filters = IndicatorFilterForm(request.GET or None)
    values = IndicatorValue.objects.restrict(request.user).select_related("unit")
    if filters.is_valid():
        data = filters.cleaned_data
        if data["year"]:
            values = values.filter(year=data["year"])
        if data["code"]:
            values = values.filter(code=data["code"].strip().upper())
        if data["unit"]:
            values = values.filter(unit__code=data["unit"].strip())
    values = values.order_by("-year", "unit__code", "code", "pk")
    context = {
        "form": form,
        "filters": filters,
        "page": page_of(request, values),
        "can_import": can_import,
        "result": result,
        "status": 400 if result and result.errors else 200,
    }
    return render(request, "scoring/indicators.html", context, status=context["status"])


@login_required
def indicator_template(request):
    """An empty import file with the expected columns and one example row."""
    permissions.require_view(request.user)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "ChiTieu"
    sheet.append(list(services.COLUMNS.values()))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["T-HN", 2026, "TL_GQ_TIN_BAO", 92.5])
    for column, width in zip("ABCD", (16, 8, 24, 12), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    workbook.save(buffer)
    return download(buffer.getvalue(), content_type=XLSX, filename="mau-chi-tieu-nghiep-vu.xlsx")
