from django.urls import path

from tdkt.documents.certificates import views

app_name = "certificates"
urlpatterns = [
    path("xac-minh/<str:token>/", views.verify, name="verify"),
    path("bang-khen/", views.decision_list, name="decisions"),
    path("bang-khen/mau-phoi/", views.form_list, name="forms"),
    path("bang-khen/mau-phoi/them/", views.form_create, name="form-create"),
    path("bang-khen/mau-phoi/<int:pk>/", views.form_edit, name="form-edit"),
    path("bang-khen/mau-phoi/<int:pk>/in-thu/", views.form_test_print, name="form-test-print"),
    path("bang-khen/quyet-dinh/<int:pk>/", views.decision_detail, name="decision"),
    path("bang-khen/quyet-dinh/<int:pk>/in/", views.job_start, name="job-start"),
    path("bang-khen/lan-in/<int:pk>/tien-do/", views.job_progress, name="job-progress"),
    path("bang-khen/lan-in/<int:pk>/tai-ve/", views.job_download, name="job-download"),
    path("bang-khen/khen-thuong/<int:pk>/", views.award_certificate, name="award"),
    path("bang-khen/khen-thuong/<int:pk>/cap-lai/", views.award_reissue, name="reissue"),
]
