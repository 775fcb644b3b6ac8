from django.urls import path

from tdkt.awards import views

app_name = "awards"
urlpatterns = [
    path("ca-nhan/<int:person_pk>/them/", views.award_create_for_person, name="create-person"),
    path("tap-the/<int:unit_pk>/them/", views.award_create_for_unit, name="create-unit"),
    path("<int:pk>/sua/", views.award_edit, name="edit"),
    path("<int:pk>/huy-bo/", views.award_revoke, name="revoke"),
]
