from django.urls import path

from tdkt.scoring.views import tables

app_name = "scoring"
urlpatterns = [
    path("", tables.table_list, name="index"),
    path("bang-tieu-chi/", tables.table_list, name="tables"),
    path("bang-tieu-chi/them/", tables.table_create, name="table-create"),
    path("bang-tieu-chi/sao-chep-nam-truoc/", tables.table_copy_last_year, name="table-copy"),
    path("bang-tieu-chi/<int:pk>/", tables.table_detail, name="table-detail"),
    path("bang-tieu-chi/<int:pk>/sua/", tables.table_edit, name="table-edit"),
    path("bang-tieu-chi/<int:pk>/nhom/them/", tables.group_edit, name="group-add"),
    path("bang-tieu-chi/<int:pk>/nhom/<int:group_pk>/sua/", tables.group_edit, name="group-edit"),
    path("bang-tieu-chi/<int:pk>/tieu-chi/them/", tables.criterion_edit, name="criterion-add"),
    path(
        "bang-tieu-chi/<int:pk>/tieu-chi/<int:criterion_pk>/sua/",
        tables.criterion_edit,
        name="criterion-edit",
    ),
    path(
        "bang-tieu-chi/<int:pk>/<slug:kind>/<int:item_pk>/xoa/",
        tables.item_delete,
        name="item-delete",
    ),
    path(
        "bang-tieu-chi/<int:pk>/<slug:kind>/<int:item_pk>/<slug:direction>/",
        tables.item_move,
        name="item-move",
    ),
    path("bang-tieu-chi/<int:pk>/xep-loai/", tables.bands_edit, name="bands"),
    path("bang-tieu-chi/<int:pk>/ban-hanh/", tables.table_publish, name="table-publish"),
    path(
        "bang-tieu-chi/<int:pk>/phien-ban-moi/", tables.table_new_version, name="table-new-version"
    ),
]
