from django.urls import path

from tdkt.consultation.views import officer, public

app_name = "consultation"
urlpatterns = [
    # public, without login
    path("", public.public_list, name="public-list"),
    path("<int:pk>/", public.public_detail, name="public-detail"),
    path("<int:pk>/da-gui/", public.public_thanks, name="public-thanks"),
    # the sector officer
    path("quan-ly/", officer.consultation_list, name="list"),
    path("quan-ly/tao/", officer.consultation_create, name="create"),
    path("quan-ly/<int:pk>/", officer.consultation_detail, name="detail"),
    path("quan-ly/<int:pk>/sua/", officer.consultation_edit, name="edit"),
    path("quan-ly/<int:pk>/xoa/", officer.consultation_delete, name="delete"),
    path("quan-ly/<int:pk>/cong-bo/", officer.consultation_publish, name="publish"),
    path("quan-ly/<int:pk>/ket-thuc/", officer.consultation_close, name="close"),
    path("quan-ly/<int:pk>/ket-qua/", officer.consultation_outcome, name="outcome"),
    path("quan-ly/<int:pk>/bao-cao.pdf", officer.consultation_report, name="report"),
    path("quan-ly/<int:pk>/lich-su/", officer.consultation_history, name="history"),
    path("quan-ly/<int:pk>/them/", officer.candidates_add, name="candidates-add"),
    path(
        "quan-ly/<int:pk>/ung-vien/<int:candidate_pk>/",
        officer.candidate_edit,
        name="candidate-edit",
    ),
    path(
        "quan-ly/<int:pk>/ung-vien/<int:candidate_pk>/bo/",
        officer.candidate_remove,
        name="candidate-remove",
    ),
    path("quan-ly/<int:pk>/y-kien/", officer.comment_list, name="comments"),
    path("quan-ly/<int:pk>/y-kien.xlsx", officer.comment_export, name="comments-export"),
    path("quan-ly/y-kien/<int:pk>/", officer.comment_resolve, name="comment-resolve"),
    path("dong/<int:line_pk>/bao-cao.pdf", officer.line_report, name="line-report"),
]
