from django.urls import path

from tdkt.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("mau/", views.template_download, name="template"),
    path("lich-su/", views.job_list, name="list"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/tien-do/", views.job_progress, name="job-progress"),
]
