from django.urls import path

from tdkt.org import views

app_name = "org"
urlpatterns = [
    path("", views.unit_tree, name="tree"),
    path("<int:pk>/", views.unit_detail, name="detail"),
    path("<int:pk>/sua/", views.unit_edit, name="edit"),
    path("<int:pk>/lich-su/", views.unit_history_view, name="history"),
    path("<int:pk>/xet-khen-thuong/", views.unit_eligibility, name="eligibility"),
    path("<int:pk>/them-don-vi/", views.unit_create_child, name="create-child"),
    path("sap-xep/", views.event_list, name="events"),
    path("sap-xep/ghi-nhan/", views.event_create, name="event-create"),
]
