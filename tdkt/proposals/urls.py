from django.urls import path

from tdkt.proposals.views import appraisal, checklists, lines, proposals, rounds

app_name = "proposals"
urlpatterns = [
    path("", rounds.round_list, name="round-list"),
    path("dot/mo/", rounds.round_create, name="round-create"),
    path("dot/<int:pk>/", rounds.round_detail, name="round-detail"),
    path("dot/<int:pk>/sua/", rounds.round_edit, name="round-edit"),
    path("dot/<int:pk>/dong/", rounds.round_close, name="round-close"),
    path("dot/<int:round_pk>/lap-de-nghi/", proposals.proposal_create, name="proposal-create"),
    path("danh-sach/", proposals.proposal_list, name="proposal-list"),
    path("danh-sach.xlsx", proposals.proposal_export, name="proposal-export"),
    path("<int:pk>/", proposals.proposal_detail, name="proposal-detail"),
    path("<int:pk>/nop/", proposals.proposal_submit, name="proposal-submit"),
    path("<int:pk>/ban-in/", proposals.proposal_print, name="proposal-print"),
    path("dong/<int:pk>/", lines.line_detail, name="line-detail"),
    path("dong/<int:pk>/tham-dinh/", lines.line_appraise, name="line-appraise"),
    path("dong/<int:pk>/nop-lai/", lines.line_resubmit, name="line-resubmit"),
    path("tham-dinh/", appraisal.appraisal_queue, name="appraisal-queue"),
    path("thanh-phan-ho-so/", checklists.checklist_list, name="checklists"),
    path(
        "thanh-phan-ho-so/<slug:code>/them/",
        checklists.checklist_item_add,
        name="checklist-item-add",
    ),
    path(
        "thanh-phan-ho-so/<slug:code>/lich-su/",
        checklists.checklist_history,
        name="checklist-history",
    ),
    path(
        "thanh-phan-ho-so/muc/<int:pk>/sua/",
        checklists.checklist_item_edit,
        name="checklist-item-edit",
    ),
    path(
        "thanh-phan-ho-so/muc/<int:pk>/xoa/",
        checklists.checklist_item_delete,
        name="checklist-item-delete",
    ),
    path("tham-dinh.xlsx", appraisal.appraisal_export, name="appraisal-export"),
    path("dong/<int:pk>/kiem-tra-lai/", lines.line_recheck, name="line-recheck"),
    path("dong/<int:pk>/xoa/", lines.line_delete, name="line-delete"),
    path(
        "dong/<int:pk>/tai-lieu/<int:document_pk>/",
        lines.document_download,
        name="document-download",
    ),
    path(
        "dong/<int:pk>/tai-lieu/<int:document_pk>/xoa/",
        lines.document_delete,
        name="document-delete",
    ),
]
