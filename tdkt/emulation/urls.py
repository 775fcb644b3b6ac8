from django.urls import path

from tdkt.emulation.views import clusters, covenants, movements, registrations

app_name = "emulation"
urlpatterns = [
    path("cum-khoi/", clusters.cluster_list, name="cluster-list"),
    path("cum-khoi/xuat-excel/", clusters.cluster_export, name="cluster-export"),
    path("cum-khoi/tao/", clusters.cluster_create, name="cluster-create"),
    path(
        "cum-khoi/nam-sau/<int:organiser_pk>/<int:year>/",
        clusters.cluster_copy,
        name="cluster-copy",
    ),
    path("cum-khoi/<int:pk>/", clusters.cluster_detail, name="cluster-detail"),
    path("cum-khoi/<int:pk>/sua/", clusters.cluster_edit, name="cluster-edit"),
    path("cum-khoi/<int:pk>/xoa/", clusters.cluster_delete, name="cluster-delete"),
    path("cum-khoi/<int:pk>/lich-su/", clusters.cluster_history_view, name="cluster-history"),
    path("cum-khoi/<int:pk>/giao-uoc/", covenants.covenant_detail, name="covenant"),
    path("cum-khoi/<int:pk>/giao-uoc/soan/", covenants.covenant_edit, name="covenant-edit"),
    path("cum-khoi/<int:pk>/giao-uoc/ky/", covenants.covenant_sign, name="covenant-sign"),
    path("cum-khoi/<int:pk>/giao-uoc/word/", covenants.covenant_docx, name="covenant-docx"),
    path("phong-trao/", movements.movement_list, name="movement-list"),
    path("phong-trao/phat-dong/", movements.movement_create, name="movement-create"),
    path("phong-trao/<int:pk>/", movements.movement_detail, name="movement-detail"),
    path("phong-trao/<int:pk>/sua/", movements.movement_edit, name="movement-edit"),
    path("phong-trao/<int:pk>/xoa/", movements.movement_delete, name="movement-delete"),
    path(
        "phong-trao/<int:pk>/so-ket-tong-ket/",
        movements.review_add,
        name="movement-review-add",
    ),
    path(
        "phong-trao/<int:pk>/so-ket-tong-ket/<int:review_pk>/bao-cao/",
        movements.review_report,
        name="movement-review-report",
    ),
    path("phong-trao/<int:pk>/khen-thuong/", movements.movement_awards, name="movement-awards"),
    path("dang-ky/", registrations.registration_list, name="registration-list"),
    path("dang-ky/han/", registrations.period_set, name="registration-period"),
    path("dang-ky/lap/", registrations.registration_start, name="registration-start"),
    path("dang-ky/<int:pk>/", registrations.registration_detail, name="registration-detail"),
    path("dang-ky/<int:pk>/mo-lai/", registrations.registration_reopen, name="registration-reopen"),
    path(
        "dang-ky/<int:pk>/xuat-excel/",
        registrations.registration_export,
        name="registration-export",
    ),
    path(
        "dang-ky/doi-chieu/",
        registrations.registration_comparison,
        name="registration-comparison",
    ),
    path(
        "dang-ky/doi-chieu/xuat-excel/",
        registrations.registration_comparison_export,
        name="registration-comparison-export",
    ),
]
