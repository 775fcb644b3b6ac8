from django.urls import path

from tdkt.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("xuat-excel/", views.person_export, name="export"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/sua/", views.person_edit, name="edit"),
    path("<int:pk>/lich-su/", views.person_history_view, name="history"),
    path("<int:pk>/them/<slug:kind>/", views.fact_add, name="fact-add"),
    path("<int:pk>/dieu-dong/", views.person_move_view, name="move"),
    path("<int:pk>/xet-khen-thuong/", views.person_eligibility, name="eligibility"),
    path(
        "<int:pk>/tam-dung/<int:freeze_pk>/ket-thuc/", views.freeze_close_view, name="freeze-close"
    ),
]
