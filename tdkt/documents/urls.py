from django.urls import path

from tdkt.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.template_list, name="list"),
    path("<str:key>/tai-ve/<slug:version>/", views.template_download, name="download"),
    path("<str:key>/thay-the/", views.template_replace, name="replace"),
    path("<str:key>/khoi-phuc/", views.template_restore, name="restore"),
]
