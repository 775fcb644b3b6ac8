from django.urls import path

from tdkt.initiatives import views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("xuat-excel/", views.initiative_export, name="export"),
    path("nop/", views.initiative_create, name="create"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/sua/", views.initiative_edit, name="edit"),
    path("<int:pk>/gui-xet/", views.initiative_submit, name="submit"),
    path("<int:pk>/xoa/", views.initiative_delete, name="delete"),
    path("<int:pk>/cham/", views.initiative_review, name="review"),
    path("<int:pk>/xet/", views.initiative_decide, name="decide"),
    path("<int:pk>/lich-su/", views.initiative_history, name="history"),
    path("<int:pk>/tep/", views.attachment_add, name="attachment-add"),
    path("<int:pk>/tep/<int:attachment_pk>/", views.attachment_download, name="attachment"),
]
