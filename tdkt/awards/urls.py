from django.urls import path, re_path

from tdkt.awards import decision_views, views

app_name = "awards"
urlpatterns = [
    path("ca-nhan/<int:person_pk>/them/", views.award_create_for_person, name="create-person"),
    path("tap-the/<int:unit_pk>/them/", views.award_create_for_unit, name="create-unit"),
    path("<int:pk>/sua/", views.award_edit, name="edit"),
    path("<int:pk>/huy-bo/", views.award_revoke, name="revoke"),
    path("<int:pk>/sang-kien/", views.award_initiatives, name="initiatives"),
]

urlpatterns += [
    path("quyet-dinh/", decision_views.decision_list, name="decision-list"),
    path("quyet-dinh.xlsx", decision_views.decision_export, name="decision-export"),
    path("quyet-dinh/ghi/", decision_views.decision_create, name="decision-create"),
    path("quyet-dinh/<int:pk>/", decision_views.decision_detail, name="decision-detail"),
    path(
        "quyet-dinh/<int:pk>/danh-sach.xlsx",
        decision_views.decision_recipients_export,
        name="decision-recipients-export",
    ),
    path("quyet-dinh/<int:pk>/huy-bo/", decision_views.decision_revoke, name="decision-revoke"),
    path("to-trinh/", decision_views.transmission_list, name="transmission-list"),
    path("to-trinh/lap/", decision_views.transmission_create, name="transmission-create"),
    path("to-trinh/<int:pk>/", decision_views.transmission_detail, name="transmission-detail"),
    path(
        "to-trinh/<int:pk>/quyet-dinh/",
        decision_views.transmission_award,
        name="transmission-award",
    ),
    path(
        "to-trinh/<int:pk>/khong-khen-thuong/",
        decision_views.transmission_refuse,
        name="transmission-refuse",
    ),
    re_path(
        r"^quyet-dinh/(?P<pk>\d+)/van-ban\.(?P<fmt>docx|pdf)$",
        decision_views.decision_document,
        name="decision-document",
    ),
    re_path(
        r"^to-trinh/(?P<pk>\d+)/van-ban\.(?P<fmt>docx|pdf)$",
        decision_views.transmission_document,
        name="transmission-document",
    ),
    re_path(
        r"^de-nghi/(?P<pk>\d+)/to-trinh\.(?P<fmt>docx|pdf)$",
        decision_views.proposal_document,
        name="proposal-document",
    ),
    re_path(
        r"^dong-de-nghi/(?P<pk>\d+)/bao-cao-thanh-tich\.(?P<fmt>docx|pdf)$",
        decision_views.line_report,
        name="line-report",
    ),
]
