from django.urls import path

from tdkt.people import views

app_name = "people"
urlpatterns: list = []
