from django.urls import path

from tdkt.imports import views

app_name = "imports"
urlpatterns: list = []
