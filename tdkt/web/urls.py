from django.urls import path

from tdkt.web import views

app_name = "web"
urlpatterns: list = []
