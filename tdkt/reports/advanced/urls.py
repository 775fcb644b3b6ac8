from django.urls import path

from tdkt.reports.advanced import views

app_name = "advanced_models"
urlpatterns = [
    path("", views.model_list, name="list"),
    path("excel/", views.model_export, name="export"),
    path("theo-tinh/", views.model_by_province, name="by-province"),
    path("nhan-rong/", views.adoption_list, name="adoptions"),
    path("them/", views.model_create, name="create"),
    path("<int:pk>/", views.model_detail, name="detail"),
    path("<int:pk>/sua/", views.model_edit, name="edit"),
    path("<int:pk>/cong-khai/", views.model_publish, name="publish"),
    path("<int:pk>/bai-viet/", views.story_add, name="story-add"),
    path("<int:pk>/bai-viet/<int:story_pk>/xoa/", views.story_remove, name="story-remove"),
    path("<int:pk>/bai-viet/<int:story_pk>/tep/", views.story_file, name="story-file"),
    path("<int:pk>/nhan-rong/", views.adoption_add, name="adoption-add"),
    path(
        "<int:pk>/nhan-rong/<int:adoption_pk>/xoa/", views.adoption_remove, name="adoption-remove"
    ),
    path("cong-khai/<uuid:token>/", views.public_page, name="public"),
    path(
        "cong-khai/<uuid:token>/bai-viet/<int:story_pk>/",
        views.public_story_file,
        name="public-file",
    ),
]
