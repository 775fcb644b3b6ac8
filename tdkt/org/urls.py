from django.urls import path

from tdkt.org import views

app_name = "org"
urlpatterns: list = []
