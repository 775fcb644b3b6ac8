"""Top-level routes. Each app owns its own ``urls.py``; the API is assembled in ``tdkt.api``."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from tdkt.api.api import api
from tdkt.web.urls import auth_urlpatterns


def _superusers_only(request) -> bool:
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = _superusers_only
admin.site.site_header = "Quản trị hệ thống TĐKT"
admin.site.site_title = "Quản trị TĐKT"

urlpatterns = [
    path("", include("tdkt.web.urls")),
    *auth_urlpatterns,
    path("tai-khoan/", include("tdkt.accounts.urls")),
    path("don-vi/", include("tdkt.org.urls")),
    path("can-bo/", include("tdkt.people.urls")),
    path("nhap-du-lieu/", include("tdkt.imports.urls")),
    path("xet-khen-thuong/", include("tdkt.eligibility.urls")),
    path("quy-tac/", include("tdkt.rules.urls")),
    path("thi-dua/", include("tdkt.emulation.urls")),
    path("cham-diem/", include("tdkt.scoring.urls")),
    path("de-nghi/", include("tdkt.proposals.urls")),
    path("hoi-dong/", include("tdkt.council.urls")),
    path("cong-khai/", include("tdkt.consultation.urls")),
    path("sang-kien/", include("tdkt.initiatives.urls")),
    path("mau-van-ban/", include("tdkt.documents.urls")),
    path("", include("tdkt.documents.certificates.urls")),
    path("ho-so-khen-thuong/", include("tdkt.reports.urls")),
    path("", include("tdkt.reports.statistics.urls")),
    path("bao-cao/bieu-mau/", include("tdkt.reports.official_forms.urls")),
    path("dien-hinh/", include("tdkt.reports.advanced.urls")),
    path("so-khen-thuong/", include("tdkt.awards.urls")),
    path("danh-muc/", include("tdkt.catalog.urls")),
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
