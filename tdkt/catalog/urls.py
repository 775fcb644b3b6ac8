from django.urls import path

from tdkt.catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.award_types, name="award-types"),
    path("<slug:code>/sua/", views.award_type_edit, name="award-type-edit"),
    path("van-ban/", views.legal_documents, name="documents"),
    path("van-ban/them/", views.legal_document_edit, name="document-create"),
    path("van-ban/<int:pk>/sua/", views.legal_document_edit, name="document-edit"),
]
