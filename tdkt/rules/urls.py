from django.urls import path

from tdkt.rules import views

app_name = "rules"
urlpatterns = [
    path("", views.rule_index, name="index"),
    path("tham-so/", views.parameter_list, name="parameters"),
    path("<slug:code>/", views.rule_detail, name="detail"),
]
