from django.urls import path

from tdkt.eligibility import views

app_name = "eligibility"
urlpatterns = [
    path("", views.sweep, name="sweep"),
    path("<int:pk>/", views.sweep_job, name="sweep-job"),
    path("<int:pk>/tien-do/", views.sweep_job_progress, name="sweep-progress"),
    path("<int:pk>/xuat-excel/", views.sweep_export, name="sweep-export"),
]
