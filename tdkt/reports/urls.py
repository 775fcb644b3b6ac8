from django.urls import path

from tdkt.reports import views

app_name = "reports"
urlpatterns = [
    path("can-bo/<int:pk>/", views.person_record, name="person-record"),
    path("can-bo/<int:pk>/pdf/", views.person_record_pdf, name="person-record-pdf"),
    path("can-bo/<int:pk>/excel/", views.person_record_excel, name="person-record-excel"),
    path("don-vi/<int:pk>/", views.unit_record, name="unit-record"),
    path("don-vi/<int:pk>/pdf/", views.unit_record_pdf, name="unit-record-pdf"),
    path("don-vi/<int:pk>/excel/", views.unit_record_excel, name="unit-record-excel"),
    path("xuat-quyet-dinh/", views.decisions_export, name="decisions-export"),
]
