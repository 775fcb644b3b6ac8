from django.urls import path

from tdkt.reports.official_forms import views

app_name = "official_forms"
urlpatterns = [
    path("", views.official_forms, name="index"),
]
