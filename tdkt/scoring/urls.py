from django.urls import path

from tdkt.scoring.views import cards, clusters, indicators, tables, units, votes

app_name = "scoring"
urlpatterns = [
    path("", clusters.cluster_index, name="index"),
    path("cum/<int:pk>/", clusters.cluster_dashboard, name="cluster"),
    path("cum/<int:pk>/han-cham-diem/", clusters.deadline_edit, name="deadline"),
    path("cum/<int:pk>/mo-tham-dinh/", clusters.review_open, name="review-open"),
    path("cum/<int:pk>/ket-thuc-tham-dinh/", clusters.review_close, name="review-close"),
    path("cum/<int:pk>/xep-hang.xlsx", clusters.ranking_export, name="ranking-export"),
    path("cum/<int:pk>/lap-phieu/<int:unit_pk>/", cards.scorecard_start, name="scorecard-start"),
    path("cum/<int:pk>/binh-xet/", votes.vote_page, name="vote"),
    path("cum/<int:pk>/binh-xet/bo-phieu/<int:unit_pk>/", votes.ballot_cast, name="ballot"),
    path("cum/<int:pk>/binh-xet/ket-thuc/", votes.vote_close, name="vote-close"),
    path("cum/<int:pk>/binh-xet/bien-ban.docx", votes.vote_minutes, name="vote-minutes"),
    path("phieu/<int:pk>/", cards.scorecard_detail, name="scorecard"),
    path("phieu/<int:pk>/luu/", cards.scorecard_save, name="scorecard-save"),
    path("phieu/<int:pk>/nop/", cards.scorecard_submit, name="scorecard-submit"),
    path("phieu/<int:pk>/tai-lieu/", cards.evidence_upload, name="evidence-upload"),
    path(
        "phieu/<int:pk>/tai-lieu/<int:evidence_pk>/",
        cards.evidence_download,
        name="evidence-download",
    ),
    path(
        "phieu/<int:pk>/tai-lieu/<int:evidence_pk>/xoa/",
        cards.evidence_delete,
        name="evidence-delete",
    ),
    path("phieu/<int:pk>/phieu.xlsx", cards.scorecard_export, name="scorecard-export"),
    path("phieu/<int:pk>/tham-dinh/", cards.review_edit, name="review"),
    path("don-vi/<int:pk>/", units.unit_year, name="unit-year"),
    path("chi-tieu/", indicators.indicator_list, name="indicators"),
    path("chi-tieu/mau.xlsx", indicators.indicator_template, name="indicator-template"),
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
