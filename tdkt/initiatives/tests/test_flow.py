"""The initiative flow: submission, shares, recusal, decision, scope, files, query counts."""

import datetime as dt
import io
import os
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.accounts.models import Role
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.eligibility.histories import person_history
from tdkt.initiatives import services
from tdkt.initiatives.models import Attachment, Initiative, Status
from tdkt.initiatives.services import ShareInput
from tdkt.testing import make_person, make_user

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _save(user, unit, shares, *, submit=True, initiative=None, version=None, title="Sổ tay"):
    return services.initiative_save(
        user=user,
        initiative=initiative,
        expected_version=version,
        unit=unit,
        title=title,
        year=dt.date.today().year,
        description="Mô tả",
        applied_where="Phòng 1",
        applied_result="Giảm thời gian",
        shares=shares,
        submit=submit,
    )


def _post_form(client, url, **extra):
    data = {
        "title": "Sổ tay kiểm sát điện tử",
        "year": dt.date.today().year,
        "description": "Mô tả",
        "applied_where": "Phòng 1",
        "applied_result": "Rút ngắn thời gian",
        "submit": "1",
    }
    data.update(extra)
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(url, data)


# --- services ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_submits_own_initiative_with_shares(org, people, users):
    duc, binh = people["duc"], people["hanoi_division"]
    initiative = _save(users["staff_duc"], org.hanoi, [ShareInput(duc, 60), ShareInput(binh, 40)])
    assert initiative.status == Status.SUBMITTED
    assert initiative.submitted_by == users["staff_duc"]
    assert [(s.person, s.percent) for s in initiative.shares.all()] == [(duc, 60), (binh, 40)]
    assert set(initiative.authors.all()) == {duc, binh}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("percents", "message"),
    [((60, 30), re.escape("phải bằng 100% (hiện là 90%)")), ((100, 0), "từ 1 đến 100%")],
)
def test_shares_must_sum_to_100(org, people, users, percents, message):
    shares = [
        ShareInput(people["duc"], percents[0]),
        ShareInput(people["hanoi_division"], percents[1]),
    ]
    with pytest.raises(DomainError, match=message):
        _save(users["hanoi_officer"], org.hanoi, shares)
    assert not Initiative.objects.exists()


@pytest.mark.django_db
def test_staff_cannot_submit_without_being_an_author_or_for_another_unit(org, people, users):
    with pytest.raises(DomainError, match="chính bạn là tác giả"):
        _save(users["staff_duc"], org.hanoi, [ShareInput(people["hanoi_division"], 100)])
    with pytest.raises(DomainError, match="không thể nộp sáng kiến cho đơn vị này"):
        _save(users["staff_duc"], org.phu_tho, [ShareInput(people["duc"], 100)])


@pytest.mark.django_db
def test_author_twice_is_refused(org, people, users):
    shares = [ShareInput(people["duc"], 50), ShareInput(people["duc"], 50)]
    with pytest.raises(DomainError, match="ghi hai lần"):
        _save(users["hanoi_officer"], org.hanoi, shares)


@pytest.mark.django_db
def test_officer_recognises_and_the_rule_engine_sees_only_recognised(org, people, users):
    duc = people["duc"]
    initiative = _save(users["hanoi_officer"], org.hanoi, [ShareInput(duc, 100)])
    draft = _save(users["hanoi_officer"], org.hanoi, [ShareInput(duc, 100)], submit=False)
    assert draft.status == Status.DRAFT
    assert person_history(duc).initiatives == ()
    services.initiative_recognise(
        user=users["hanoi_officer"], initiative=initiative, expected_version=initiative.version,
        effect_scope="NGANH", decision_number="12/QĐ-VKS", decided_on=dt.date(2025, 11, 2),
        recognising_body="VKSND thành phố Hà Nội",
    )  # fmt: skip
    initiative.refresh_from_db()
    assert initiative.status == Status.RECOGNISED and initiative.effect_scope == "NGANH"
    facts = person_history(duc).initiatives
    assert [f.id for f in facts] == [str(initiative.pk)]
    assert facts[0].recognised_on == dt.date(2025, 11, 2)


@pytest.mark.django_db
def test_refused_initiative_is_not_a_fact_and_keeps_the_reason(org, people, users):
    initiative = _save(users["sector"], org.hanoi, [ShareInput(people["duc"], 100)])
    with pytest.raises(DomainError, match="lý do"):
        services.initiative_refuse(
            user=users["sector"], initiative=initiative, expected_version=None, reason=" "
        )
    services.initiative_refuse(
        user=users["sector"], initiative=initiative, expected_version=None, reason="Trùng lặp"
    )
    initiative.refresh_from_db()
    assert initiative.status == Status.REFUSED and initiative.refusal_reason == "Trùng lặp"
    assert person_history(people["duc"]).initiatives == ()
    with pytest.raises(DomainError, match="đã nộp và đang chờ xét"):
        services.initiative_refuse(
            user=users["sector"], initiative=initiative, expected_version=None, reason="Lại"
        )


@pytest.mark.django_db
def test_author_officer_must_recuse(org, people, users):
    author = make_person(org.hanoi, "Vũ Thị Lan", gender="F")
    officer_author = make_user("tdkt.lan", (Role.UNIT_OFFICER, org.hanoi), person=author)
    initiative = _save(users["hanoi_officer"], org.hanoi, [ShareInput(author, 100)])
    client = Client()
    client.force_login(officer_author)
    page = client.get(reverse("initiatives:decide", args=[initiative.pk]), follow=True)
    assert "phải tránh" in page.content.decode()
    with pytest.raises(DomainError, match="phải tránh"):
        services.initiative_recognise(
            user=officer_author, initiative=initiative, expected_version=None,
            effect_scope="CO_SO", decision_number="1/QĐ", decided_on=dt.date(2025, 1, 2),
            recognising_body="VKSND thành phố Hà Nội",
        )  # fmt: skip
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED


@pytest.mark.django_db
def test_recognition_needs_scope_and_decision_and_a_fresh_version(org, people, users):
    officer = users["hanoi_officer"]
    initiative = _save(officer, org.hanoi, [ShareInput(people["duc"], 100)])
    good = {"effect_scope": "CO_SO", "decision_number": "1/QĐ",
            "decided_on": dt.date(2025, 1, 2), "recognising_body": "VKSND Hà Nội"}  # fmt: skip
    with pytest.raises(DomainError, match="phạm vi ảnh hưởng"):
        services.initiative_recognise(
            user=officer,
            initiative=initiative,
            expected_version=None,
            **{**good, "effect_scope": ""},
        )
    with pytest.raises(DomainError, match="số quyết định"):
        services.initiative_recognise(
            user=officer,
            initiative=initiative,
            expected_version=None,
            **{**good, "decision_number": ""},
        )
    with pytest.raises(StaleEditError):
        services.initiative_recognise(
            user=officer, initiative=initiative, expected_version=initiative.version - 1, **good
        )
    with pytest.raises(DomainError, match="không có quyền"):
        services.initiative_recognise(
            user=users["phu_tho_officer"], initiative=initiative, expected_version=None, **good
        )


@pytest.mark.django_db
def test_attachments_are_checked_by_content(org, people, users):
    initiative = _save(users["hanoi_officer"], org.hanoi, [ShareInput(people["duc"], 100)])
    fake = SimpleUploadedFile("bao-cao.pdf", b"<html>not a pdf</html>")
    with pytest.raises(DomainError, match="không phải PDF"):
        services.attachment_add(user=users["hanoi_officer"], initiative=initiative, upload=fake)
    good = SimpleUploadedFile("bao-cao.docx", _docx_bytes())
    attachment = services.attachment_add(
        user=users["hanoi_officer"], initiative=initiative, upload=good
    )
    assert attachment.extension == ".docx" and attachment.file.name.endswith(".docx")
    png = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    with pytest.raises(DomainError):
        services.attachment_add(user=users["hanoi_officer"], initiative=initiative, upload=png)


# --- pages ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_submits_in_the_browser_flow_and_officer_decides(client, org, people, users):
    colleague = make_person(org.hanoi, "Hoàng Văn Nam")
    client.force_login(users["staff_duc"])
    page = client.get(reverse("initiatives:create"))
    assert page.status_code == 200 and people["duc"].code in page.content.decode()
    response = _post_form(
        client, reverse("initiatives:create"), unit=org.hanoi.pk,
        author_1=people["duc"].code, share_1=70,
        author_2=colleague.code, share_2=30,
        file=SimpleUploadedFile("sk.pdf", PDF_BYTES),
    )  # fmt: skip
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert initiative.status == Status.SUBMITTED
    assert initiative.attachments.count() == 1
    detail = client.get(reverse("initiatives:detail", args=[initiative.pk]))
    assert "Đã nộp, chờ xét" in detail.content.decode()
    download = client.get(
        reverse("initiatives:attachment", args=[initiative.pk, initiative.attachments.get().pk])
    )
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    # the author cannot decide
    assert client.get(reverse("initiatives:decide", args=[initiative.pk])).status_code == 404

    client.force_login(users["hanoi_officer"])
    response = client.post(
        reverse("initiatives:decide", args=[initiative.pk]),
        {"version": initiative.version, "outcome": "recognise", "effect_scope": "CO_SO",
         "decision_number": "5/QĐ-VKS", "decided_on": "2025-12-01",
         "recognising_body": "VKSND thành phố Hà Nội"},
    )  # fmt: skip
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == Status.RECOGNISED
    history = client.get(reverse("initiatives:history", args=[initiative.pk])).content.decode()
    assert "Công nhận sáng kiến" in history and "Nộp sáng kiến" in history


@pytest.mark.django_db
def test_bad_input_gives_vietnamese_messages_and_keeps_the_form(client, org, people, users):
    client.force_login(users["hanoi_officer"])
    response = _post_form(
        client, reverse("initiatives:create"), unit=org.hanoi.pk,
        author_1=people["duc"].code, share_1=50, author_2="KHONG-CO", share_2=50,
    )  # fmt: skip
    body = response.content.decode()
    assert response.status_code == 200
    assert "Không tìm thấy cán bộ có mã “KHONG-CO”" in body
    assert "Sổ tay kiểm sát điện tử" in body
    response = _post_form(
        client, reverse("initiatives:create"), unit=org.hanoi.pk,
        author_1=people["duc"].code, share_1=50,
    )  # fmt: skip
    assert "hiện là 50%" in response.content.decode()
    assert not Initiative.objects.exists()


@pytest.mark.django_db
def test_refusal_without_reason_in_the_page(client, org, people, users):
    initiative = _save(users["hanoi_officer"], org.hanoi, [ShareInput(people["duc"], 100)])
    client.force_login(users["sector"])
    url = reverse("initiatives:decide", args=[initiative.pk])
    response = client.post(url, {"version": initiative.version, "outcome": "refuse"})
    assert "Hãy ghi lý do không công nhận." in response.content.decode()
    response = client.post(
        url, {"version": initiative.version, "outcome": "refuse", "refusal_reason": "Chưa mới"}
    )
    assert response.status_code == 302
    again = client.post(
        url, {"version": initiative.version, "outcome": "refuse", "refusal_reason": "Lại"},
        follow=True,
    )  # fmt: skip
    assert "đã nộp và đang chờ xét" in again.content.decode()
    initiative.refresh_from_db()
    assert initiative.refusal_reason == "Chưa mới"


@pytest.mark.django_db
def test_draft_edit_then_submit(client, org, people, users):
    client.force_login(users["staff_duc"])
    draft = _save(users["staff_duc"], org.hanoi, [ShareInput(people["duc"], 100)], submit=False)
    response = _post_form(
        client, reverse("initiatives:edit", args=[draft.pk]), unit=org.hanoi.pk,
        author_1=people["duc"].code, share_1=100, version=draft.version, submit=None, draft="1",
    )  # fmt: skip
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Sổ tay kiểm sát điện tử" and draft.status == Status.DRAFT
    response = client.post(reverse("initiatives:submit", args=[draft.pk]), {"version": 1})
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT  # stale version refused
    client.post(reverse("initiatives:submit", args=[draft.pk]), {"version": draft.version})
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED


@pytest.mark.django_db
def test_every_route_answers_404_out_of_scope(client, org, people, users):
    initiative = _save(users["hanoi_officer"], org.hanoi, [ShareInput(people["duc"], 100)])
    attachment = services.attachment_add(
        user=users["hanoi_officer"], initiative=initiative,
        upload=SimpleUploadedFile("a.pdf", PDF_BYTES),
    )  # fmt: skip
    pk = initiative.pk
    client.force_login(users["phu_tho_officer"])
    for name in ("detail", "edit", "decide", "history"):
        assert client.get(reverse(f"initiatives:{name}", args=[pk])).status_code == 404, name
    assert client.post(reverse("initiatives:submit", args=[pk])).status_code == 404
    assert client.post(reverse("initiatives:attachment-add", args=[pk])).status_code == 404
    url = reverse("initiatives:attachment", args=[pk, attachment.pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("initiatives:list")).context["table"].paginator.count == 0
    export = load_workbook(io.BytesIO(client.get(reverse("initiatives:export")).content))
    assert export.active.max_row == 1
    # a user with no role and no person reaches nothing at all
    client.force_login(users["no_role"])
    assert client.get(reverse("initiatives:list")).status_code == 404
    assert client.get(reverse("initiatives:create")).status_code == 404
    # the leader of Hà Nội sees but cannot decide
    client.force_login(users["hanoi_leader"])
    assert client.get(reverse("initiatives:detail", args=[pk])).status_code == 200
    assert client.get(reverse("initiatives:decide", args=[pk])).status_code == 404


@pytest.mark.django_db
def test_staff_sees_only_own_initiatives(client, org, people, users):
    own = _save(users["staff_duc"], org.hanoi, [ShareInput(people["duc"], 100)], title="Của tôi")
    other = _save(users["hanoi_officer"], org.hanoi, [ShareInput(people["hanoi_division"], 100)])
    client.force_login(users["staff_duc"])
    listed = client.get(reverse("initiatives:list")).context["table"].paginator.count
    assert listed == 1
    assert client.get(reverse("initiatives:detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("initiatives:detail", args=[other.pk])).status_code == 404


def _count(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _many(org, users, count, start=0):
    for number in range(start, start + count):
        person = make_person(org.hanoi, f"Tác giả {number}")
        initiative = Initiative.objects.create(
            title=f"SK {number}", unit=org.hanoi, year=2024, status=Status.RECOGNISED
        )
        initiative.authors.add(person)
        initiative.shares.create(person=person, percent=100)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_rows(client, org, people, users):
    client.force_login(users["sector"])
    _many(org, users, 3)
    first = Initiative.objects.first()
    pending = _save(users["hanoi_officer"], org.hanoi, [ShareInput(people["duc"], 100)])
    urls = [
        reverse("initiatives:decide", args=[pending.pk]),
        reverse("initiatives:list"),
        reverse("initiatives:detail", args=[first.pk]),
        reverse("initiatives:history", args=[first.pk]),
        reverse("initiatives:create"),
        reverse("initiatives:export"),
    ]
    few = [_count(client, url) for url in urls]
    _many(org, users, 40, start=3)
    for _i in range(5):
        Attachment.objects.create(
            initiative=first, file="x.pdf", original_name="x.pdf", content_type="application/pdf",
            extension=".pdf",
        )  # fmt: skip
    assert [_count(client, url) for url in urls] == few


@pytest.mark.django_db
def test_export_lists_authors_with_shares(client, org, people, users):
    _save(users["hanoi_officer"], org.hanoi,
          [ShareInput(people["duc"], 60), ShareInput(people["hanoi_division"], 40)])  # fmt: skip
    client.force_login(users["hanoi_officer"])
    sheet = load_workbook(io.BytesIO(client.get(reverse("initiatives:export")).content)).active
    assert sheet["A1"].value == "Tên sáng kiến"
    assert sheet["D2"].value == "Đã nộp, chờ xét"
    assert sheet["E2"].value == "Đặng Văn Đức (60%); Trần Thị Bình (40%)"


@pytest.mark.django_db
def test_list_filters(client, org, people, users):
    _save(users["hanoi_officer"], org.hanoi, [ShareInput(people["duc"], 100)], title="Sổ tay")
    _save(users["sector"], org.area_phu_tho_1, [ShareInput(people["phu_tho"], 100)], title="Mẫu")
    client.force_login(users["sector"])
    url = reverse("initiatives:list")
    count = lambda params: client.get(url, params).context["table"].paginator.count  # noqa: E731
    assert count({}) == 2
    assert count({"q": "so tay"}) in (0, 1)
    assert count({"unit": org.phu_tho.pk}) == 1
    assert count({"status": "RECOGNISED"}) == 0
    assert count({"status": "SUBMITTED"}) == 2


@pytest.mark.django_db
def test_decision_with_a_stale_version_is_refused(client, org, people, users):
    initiative = _save(users["hanoi_officer"], org.hanoi, [ShareInput(people["duc"], 100)])
    client.force_login(users["sector"])
    response = client.post(
        reverse("initiatives:decide", args=[initiative.pk]),
        {"version": initiative.version - 1, "outcome": "refuse", "refusal_reason": "Chưa mới"},
    )
    assert "người khác sửa" in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED


@pytest.mark.django_db
def test_register_rows_without_shares_show_their_authors(client, org, people, users):
    # Given a recognised initiative from the old register: authors but no shares
    legacy = Initiative.objects.create(
        title="Sổ tay cũ", unit=org.hanoi, year=2020, status=Status.RECOGNISED,
        recognised_on=dt.date(2020, 10, 1), effect_scope="CO_SO",
    )  # fmt: skip
    legacy.authors.add(people["duc"])
    # Then its author (a staff member) sees it, with the author listed and no percent
    client.force_login(users["staff_duc"])
    body = client.get(reverse("initiatives:detail", args=[legacy.pk])).content.decode()
    assert "Đặng Văn Đức" in body and "Cấp cơ sở" in body
    sheet = load_workbook(io.BytesIO(client.get(reverse("initiatives:export")).content)).active
    assert sheet["E2"].value == "Đặng Văn Đức"
    # and it cannot be decided again
    client.force_login(users["hanoi_officer"])
    assert (
        "Xét công nhận"
        not in client.get(reverse("initiatives:detail", args=[legacy.pk])).content.decode()
    )


@pytest.mark.django_db
def test_only_drafts_can_be_deleted_and_out_of_scope_is_404(
    client, org, people, users, django_capture_on_commit_callbacks
):
    draft = _save(users["staff_duc"], org.hanoi, [ShareInput(people["duc"], 100)], submit=False)
    attachment = services.attachment_add(
        user=users["staff_duc"], initiative=draft, upload=SimpleUploadedFile("a.pdf", PDF_BYTES)
    )
    stored = attachment.file.path
    submitted = _save(users["staff_duc"], org.hanoi, [ShareInput(people["duc"], 100)])
    client.force_login(users["phu_tho_officer"])
    url = reverse("initiatives:delete", args=[draft.pk])
    assert client.post(url, {"version": draft.version}).status_code == 404
    client.force_login(users["staff_duc"])
    client.post(url, {"version": draft.version - 1})
    assert Initiative.objects.filter(pk=draft.pk).exists()  # stale
    response = client.post(
        reverse("initiatives:delete", args=[submitted.pk]), {"version": submitted.version},
        follow=True,
    )  # fmt: skip
    assert "Chỉ xóa được sáng kiến đang ở trạng thái nháp." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"version": draft.version})
    assert not os.path.exists(stored)
    assert not Initiative.objects.filter(pk=draft.pk).exists()
    assert Initiative.objects.filter(pk=submitted.pk).exists()
