from django.urls import path

from tdkt.council.views import ballots, councils, meetings

app_name = "council"
urlpatterns = [
    path("", councils.council_list, name="council-list"),
    path("thanh-lap/", councils.council_create, name="council-create"),
    path("<int:pk>/", councils.council_detail, name="council-detail"),
    path("<int:pk>/sua/", councils.council_edit, name="council-edit"),
    path(
        "<int:pk>/thanh-vien/<int:member_pk>/xoa/",
        councils.member_remove,
        name="member-remove",
    ),
    path("<int:pk>/phien-hop/moi/", meetings.meeting_create, name="meeting-create"),
    path("phien-hop/", meetings.meeting_list, name="meeting-list"),
    path("phien-hop/<int:pk>/", meetings.meeting_detail, name="meeting-detail"),
    path("phien-hop/<int:pk>/sua/", meetings.meeting_edit, name="meeting-edit"),
    path("phien-hop/<int:pk>/chuong-trinh/", meetings.agenda_pick, name="agenda-pick"),
    path(
        "phien-hop/<int:pk>/chuong-trinh/<int:item_pk>/bo/",
        meetings.agenda_remove,
        name="agenda-remove",
    ),
    path("phien-hop/<int:pk>/diem-danh/", meetings.attendance, name="attendance"),
    path("phien-hop/<int:pk>/mo-bo-phieu/", meetings.voting_open, name="voting-open"),
    path("phien-hop/<int:pk>/phieu/", ballots.ballot, name="ballot"),
    path("phien-hop/<int:pk>/phieu-van-ban/", ballots.written_ballot, name="written-ballot"),
    path("phien-hop/<int:pk>/kiem-phieu/", meetings.voting_close, name="voting-close"),
    path("phien-hop/<int:pk>/ban-hanh-bien-ban/", meetings.minutes_issue, name="minutes-issue"),
    path("phien-hop/<int:pk>/bien-ban.docx", meetings.minutes_download, name="minutes"),
    path("phien-hop/<int:pk>/bien-ban.pdf", meetings.minutes_pdf, name="minutes-pdf"),
    path("phien-hop/<int:pk>/ket-qua.xlsx", meetings.results_export, name="results-export"),
]
