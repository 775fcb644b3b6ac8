"""The REST API under /api/v1/, assembled from each app's ``api.py``.

Authentication: the browser session (with CSRF on writes) or a personal token sent as
``Authorization: Bearer tdkt_…``. Every route is scoped like the pages: out of scope is 404.
Errors carry a Vietnamese ``detail`` naming the field at fault.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer, django_auth

from tdkt.accounts.services import token_authenticate
from tdkt.core.errors import DomainError


class PersonalToken(HttpBearer):
    def authenticate(self, request, token):
        user = token_authenticate(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="TĐKT API",
    version="1",
    description=(
        "API của hệ thống thi đua, khen thưởng ngành Kiểm sát nhân dân. Xác thực bằng phiên "
        "đăng nhập hoặc mã truy cập cá nhân (Authorization: Bearer tdkt_…). Mọi kết quả được "
        "giới hạn trong phạm vi đơn vị của người dùng."
    ),
    urls_namespace="api",
    auth=[django_auth, PersonalToken()],
    docs_decorator=login_required,
)

_FIELD_NAMES = {
    "page": "trang",
    "page_size": "số dòng mỗi trang",
    "day": "ngày",
    "pk": "mã định danh",
    "unit": "đơn vị",
    "gender": "giới tính",
    "year": "năm",
    "year_from": "từ năm",
    "year_to": "đến năm",
    "date_from": "từ ngày",
    "date_to": "đến ngày",
    "format": "định dạng",
}


def _describe(error: dict) -> str:
    location = [str(part) for part in error.get("loc", []) if part not in ("query", "path")]
    field = location[-1] if location else ""
    label = _FIELD_NAMES.get(field, field)
    kind = error.get("type", "")
    if kind == "missing":
        return f"Thiếu giá trị cho trường “{label}”."
    if "date" in kind:
        return f"Trường “{label}” phải là ngày theo dạng YYYY-MM-DD."
    if "int" in kind:
        return f"Trường “{label}” phải là số nguyên."
    if kind in ("enum", "literal_error"):
        return f"Giá trị của trường “{label}” không thuộc danh sách cho phép."
    if "greater_than" in kind or "less_than" in kind:
        return f"Giá trị của trường “{label}” nằm ngoài khoảng cho phép."
    return f"Giá trị của trường “{label}” không hợp lệ."


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    errors = [
        {"field": str((e.get("loc") or [""])[-1]), "message": _describe(e)} for e in exc.errors
    ]
    return api.create_response(
        request, {"detail": "Dữ liệu không hợp lệ.", "errors": errors}, status=422
    )


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return api.create_response(
        request, {"detail": "Chưa đăng nhập hoặc mã truy cập không hợp lệ."}, status=401
    )


@api.exception_handler(DomainError)
def on_domain_error(request, exc: DomainError):
    return api.create_response(request, {"detail": exc.message, "field": exc.field}, status=400)


def _register() -> None:
    from tdkt.accounts.api import router as accounts_router
    from tdkt.awards.api import router as decisions_router
    from tdkt.consultation.api import router as consultation_router
    from tdkt.council.api import router as council_router
    from tdkt.documents.certificates.api import router as certificates_router
    from tdkt.emulation.api import router as emulation_router
    from tdkt.org.api import router as org_router
    from tdkt.people.api import router as people_router
    from tdkt.proposals.api import router as proposals_router
    from tdkt.reports.api import exports_router
    from tdkt.reports.api import router as reports_router
    from tdkt.reports.official_forms.api import router as official_forms_router
    from tdkt.reports.statistics.api import router as statistics_router
    from tdkt.rules.api import router as rules_router
    from tdkt.scoring.api import router as scoring_router

    api.add_router("/units", org_router)
    api.add_router("/people", people_router)
    api.add_router("/me", accounts_router)
    api.add_router("/eligibility", rules_router)
    api.add_router("/emulation", emulation_router)
    api.add_router("/scoring", scoring_router)
    api.add_router("/proposals", proposals_router)
    api.add_router("/council", council_router)
    api.add_router("/records", reports_router)
    api.add_router("/decisions", decisions_router)
    api.add_router("/consultations", consultation_router)
    api.add_router("/certificates", certificates_router)
    api.add_router("/statistics", statistics_router)
    api.add_router("/official-forms", official_forms_router)
    api.add_router("/exports", exports_router)


_register()
