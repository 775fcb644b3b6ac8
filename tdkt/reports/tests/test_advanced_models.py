"""Advanced models: registering, editing (versioned, with history), stories with checked files,
spread, publishing; every route's scope; list filters, export, by-province counts; queries."""

import datetime as dt
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.awards.services import award_record
from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.reports.advanced import services
from tdkt.reports.advanced.services import ModelInput
from tdkt.reports.models import AdvancedModel, SourceKind, Story

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _model(user, *, person=None, collective=None, title="Kiểm sát viên tiêu biểu", **extra):
    data = ModelInput(
        year=2024, title=title, reason="Thành tích xuất sắc", person=person,
        collective=collective, public_summary=extra.pop("public_summary", "Tóm tắt công khai"),
        **extra,
    )  # fmt: skip
    return services.advanced_model_create(data=data, user=user)


@pytest.fixture
def models(users, people, org):
    hanoi = _model(users["hanoi_officer"], person=people["duc"])
    phu_tho = _model(users["phu_tho_officer"], collective=org.area_phu_tho_1, title="Tập thể")
    return {"hanoi": hanoi, "phu_tho": phu_tho}


def test_create_sets_owner_province_and_history(models, org, people):
    model = models["hanoi"]
    assert model.owner_unit == org.hanoi
    assert model.province == org.hanoi
    assert models["phu_tho"].province == org.phu_tho
    assert model.history.first().history_change_reason == "Ghi nhận điển hình"


def test_create_refuses_bad_input(users, people, org):
    officer = users["hanoi_officer"]
    with pytest.raises(DomainError) as error:
        _model(officer, person=people["phu_tho"])
    assert error.value.message == services.SUBJECT_OUT_OF_SCOPE
    with pytest.raises(DomainError) as error:
        _model(officer)
    assert error.value.message == services.SUBJECT_REQUIRED
    with pytest.raises(DomainError) as error:
        _model(officer, person=people["duc"], source_kind=SourceKind.AWARD)
    assert error.value.field == "source_award"
    other = award_record(
        award_type=AwardType.objects.get(code="BK_NGANH"), year=2024, decision_number="9",
        decision_date=dt.date(2024, 5, 1), person=people["hanoi_division"], reason="x",
    )  # fmt: skip
    with pytest.raises(DomainError) as error:
        _model(officer, person=people["duc"], source_kind=SourceKind.AWARD, source_award=other)
    assert error.value.message == services.AWARD_OF_OTHER
    with pytest.raises(DomainError) as error:
        _model(officer, person=people["duc"], title="  ")
    assert error.value.field == "title"


def test_update_is_versioned(models, users, people):
    model = models["hanoi"]
    data = ModelInput(year=2023, title="Mới", reason="Lý do mới", person=people["duc"])
    services.advanced_model_update(
        model=model, data=data, expected_version=1, user=users["hanoi_officer"], reason="Sửa tên"
    )
    assert AdvancedModel.objects.get(pk=model.pk).title == "Mới"
    with pytest.raises(StaleEditError):
        services.advanced_model_update(
            model=AdvancedModel.objects.get(pk=model.pk), data=data, expected_version=1,
            user=users["hanoi_officer"], reason="Cũ",
        )  # fmt: skip


def test_publish_needs_a_public_summary(users, people):
    model = _model(users["hanoi_officer"], person=people["duc"], public_summary="")
    with pytest.raises(DomainError) as error:
        services.advanced_model_publish(
            model=model, published=True, expected_version=1, user=users["hanoi_officer"]
        )
    assert error.value.message == services.PUBLIC_SUMMARY_REQUIRED


def test_stories_need_a_link_or_a_real_file(models, users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    model, officer = models["hanoi"], users["hanoi_officer"]
    day = dt.date(2024, 6, 1)
    with pytest.raises(DomainError) as error:
        services.story_add(model=model, user=officer, title="A", published_on=day, outlet="Báo")
    assert error.value.message == services.STORY_LINK_OR_FILE
    fake = SimpleUploadedFile("bai.pdf", b"MZ not a pdf")
    with pytest.raises(DomainError) as error:
        services.story_add(
            model=model, user=officer, title="A", published_on=day, outlet="Báo", upload=fake
        )
    assert error.value.field == "file"
    story = services.story_add(
        model=model, user=officer, title="A", published_on=day, outlet="Báo",
        upload=SimpleUploadedFile("bai.pdf", PDF),
    )  # fmt: skip
    assert story.content_type == "application/pdf"


def test_adoptions_name_a_real_unit_once(models, users, org):
    model, officer = models["hanoi"], users["hanoi_officer"]
    day = dt.date(2025, 3, 1)
    with pytest.raises(DomainError) as error:
        services.adoption_add(model=model, user=officer, unit_code="KHONG-CO", adopted_on=day)
    assert "KHONG-CO" in error.value.message
    services.adoption_add(model=model, user=officer, unit_code="kv-pt-01", adopted_on=day)
    with pytest.raises(DomainError) as error:
        services.adoption_add(model=model, user=officer, unit_code="KV-PT-01", adopted_on=day)
    assert error.value.message == services.ADOPTION_TWICE
    with pytest.raises(DomainError):
        services.adoption_add(
            model=model, user=officer, unit_code="T-HN", adopted_on=dt.date(2020, 1, 1)
        )


# --- pages -------------------------------------------------------------------------------


def _routes(model, story=None, adoption=None):
    pk = model.pk
    gets = [
        reverse("advanced_models:detail", args=[pk]),
        reverse("advanced_models:edit", args=[pk]),
    ]
    if story:
        gets.append(reverse("advanced_models:story-file", args=[pk, story.pk]))
    posts = [
        reverse("advanced_models:publish", args=[pk]),
        reverse("advanced_models:story-add", args=[pk]),
        reverse("advanced_models:adoption-add", args=[pk]),
    ]
    if story:
        posts.append(reverse("advanced_models:story-remove", args=[pk, story.pk]))
    if adoption:
        posts.append(reverse("advanced_models:adoption-remove", args=[pk, adoption.pk]))
    return gets, posts


@pytest.fixture
def attached(models, users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    model = models["phu_tho"]
    story = services.story_add(
        model=model, user=users["phu_tho_officer"], title="Bài", published_on=dt.date(2025, 1, 1),
        outlet="Báo", upload=SimpleUploadedFile("bai.pdf", PDF),
    )  # fmt: skip
    adoption = services.adoption_add(
        model=model, user=users["phu_tho_officer"], unit_code="T-HN",
        adopted_on=dt.date(2025, 2, 1),
    )  # fmt: skip
    return model, story, adoption


def test_out_of_scope_answers_404_on_every_route(client, users, attached):
    model, story, adoption = attached
    gets, posts = _routes(model, story, adoption)
    for who in ("hanoi_officer", "no_role", "staff_duc"):
        client.force_login(users[who])
        for url in gets:
            assert client.get(url).status_code == 404, (who, url)
        for url in posts:
            assert client.post(url, {"version": 1}).status_code == 404, (who, url)
    assert Story.objects.filter(pk=story.pk).exists()


def test_collective_model_page_links_the_unit(client, users, models, org):
    client.force_login(users["phu_tho_officer"])
    response = client.get(reverse("advanced_models:detail", args=[models["phu_tho"].pk]))
    assert response.status_code == 200
    assert reverse("org:detail", args=[org.area_phu_tho_1.pk]) in response.content.decode()


def test_leader_views_but_cannot_change(client, users, models):
    model = models["hanoi"]
    client.force_login(users["hanoi_leader"])
    assert client.get(reverse("advanced_models:detail", args=[model.pk])).status_code == 200
    assert client.get(reverse("advanced_models:edit", args=[model.pk])).status_code == 404
    assert client.get(reverse("advanced_models:create")).status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "advanced_models:list",
        "advanced_models:export",
        "advanced_models:by-province",
        "advanced_models:adoptions",
    ],
)
def test_lists_need_a_role(client, users, models, name):
    assert client.get(reverse(name)).status_code == 302
    for who in ("no_role", "staff_duc"):
        client.force_login(users[who])
        assert client.get(reverse(name)).status_code == 404


def test_in_scope_officer_manages_a_model_end_to_end(client, users, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(users["hanoi_officer"])
    response = client.post(
        reverse("advanced_models:create"),
        {"person_code": people["duc"].code, "year": 2024, "title": "Gương sáng",
         "reason": "Lý do", "source_kind": "OTHER", "public_summary": "Công khai"},
    )  # fmt: skip
    model = AdvancedModel.objects.get(title="Gương sáng")
    assert response.status_code == 302
    detail = reverse("advanced_models:detail", args=[model.pk])
    client.post(
        reverse("advanced_models:story-add", args=[model.pk]),
        {"title": "Bài báo", "published_on": "2024-07-01", "outlet": "Báo Bảo vệ pháp luật",
         "file": SimpleUploadedFile("bai.pdf", PDF)},
    )  # fmt: skip
    client.post(
        reverse("advanced_models:adoption-add", args=[model.pk]),
        {"unit_code": "T-HN-P01", "adopted_on": "2025-01-02", "note": "Học tập"},
    )
    client.post(
        reverse("advanced_models:publish", args=[model.pk]), {"version": 1, "published": "1"}
    )
    page = client.get(detail).content.decode()
    assert "Bài báo" in page and "Phòng 1 – Hà Nội" in page and "Đang công khai" in page
    model.refresh_from_db()
    client.logout()
    public = client.get(reverse("advanced_models:public", args=[model.public_token]))
    assert public.status_code == 200
    text = public.content.decode()
    assert "Công khai" in text and "Lý do" not in text
    story = model.stories.get()
    file_url = reverse("advanced_models:public-file", args=[model.public_token, story.pk])
    assert client.get(file_url).status_code == 200


def test_unpublished_public_page_answers_404(client, models):
    model = models["hanoi"]
    assert (
        client.get(reverse("advanced_models:public", args=[model.public_token])).status_code == 404
    )


def test_bad_form_input_is_explained(client, users, people):
    client.force_login(users["hanoi_officer"])
    response = client.post(
        reverse("advanced_models:create"),
        {"person_code": "KHONGCO", "year": 2024, "title": "X", "reason": "Y",
         "source_kind": "OTHER"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Không tìm thấy cán bộ có mã “KHONGCO”" in response.content.decode()
    response = client.post(
        reverse("advanced_models:create"),
        {"person_code": people["duc"].code, "year": 2024, "title": "X", "reason": "Y",
         "source_kind": "MOVEMENT"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "cần chọn phong trào" in response.content.decode()


def test_list_filters_export_and_by_province(client, users, models, org):
    client.force_login(users["sector"])
    response = client.get(reverse("advanced_models:list"), {"province": org.phu_tho.pk})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1
    export = client.get(reverse("advanced_models:export"), {"year": 2024})
    sheet = load_workbook(BytesIO(export.content)).active
    assert sheet["B1"].value == "Tên điển hình"
    assert sorted(sheet.cell(r, 2).value for r in range(2, sheet.max_row + 1)) == [
        "Kiểm sát viên tiêu biểu",
        "Tập thể",
    ]
    result = client.get(reverse("advanced_models:by-province")).context["map"]
    counts = {r.province.pk: r.models for r in result.provinces}
    assert counts[org.hanoi.pk] == 1 and counts[org.phu_tho.pk] == 1 and result.above.models == 0
    client.force_login(users["hanoi_officer"])
    result = client.get(reverse("advanced_models:by-province")).context["map"]
    assert sum(r.models for r in result.provinces) == result.total == 1


def _many(users, people, count):
    for index in range(count):
        _model(users["sector"], person=people["duc"], title=f"Điển hình {index}")


@pytest.mark.parametrize(
    "name",
    [
        "advanced_models:list",
        "advanced_models:by-province",
        "advanced_models:export",
        "advanced_models:adoptions",
    ],
)
def test_queries_do_not_grow_with_rows(client, users, people, name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(users["sector"])
    _many(users, people, 2)
    client.get(reverse(name))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse(name))
    _many(users, people, 20)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse(name))
    assert len(small) == len(large)


def test_detail_queries_do_not_grow_with_stories(client, users, models, settings, tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.MEDIA_ROOT = tmp_path
    model = models["hanoi"]
    client.force_login(users["hanoi_officer"])
    url = reverse("advanced_models:detail", args=[model.pk])

    def add(n):
        for i in range(n):
            services.story_add(
                model=model, user=users["hanoi_officer"], title=f"B{i}",
                published_on=dt.date(2024, 1, 1), outlet="Báo", link="https://example.org/x",
            )  # fmt: skip

    add(1)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add(10)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(small) == len(large)
