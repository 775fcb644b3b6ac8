from django.contrib.auth import views as auth_views
from django.urls import path

from tdkt.web import holidays, inbox_views, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("viec-can-lam/", inbox_views.inbox, name="inbox"),
    path("viec-can-lam/so-luong/", inbox_views.inbox_count, name="inbox-count"),
    path("lich-nghi/", holidays.holiday_list, name="holidays"),
    path("lich-nghi/<int:pk>/xoa/", holidays.holiday_remove, name="holiday-delete"),
]

auth_urlpatterns = [
    path("dang-nhap/", auth_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
]
