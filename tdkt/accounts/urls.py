from django.urls import path

from tdkt.accounts import views

app_name = "accounts"
urlpatterns: list = []
