"""Routes of the statistics pages and of the leader dashboard (included at the site root)."""

from django.urls import path

from tdkt.reports.statistics import views

app_name = "statistics"
urlpatterns = [
    path("thong-ke/", views.statistics_page, name="index"),
    path("thong-ke/khen-thuong/", views.award_list, name="awards"),
    path("thong-ke/dong-de-nghi/", views.line_list, name="lines"),
    path("tong-quan/", views.dashboard, name="dashboard"),
]
