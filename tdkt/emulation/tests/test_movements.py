"""Movements: launch rules, reviews with validated report files, thematic awards, pages."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType, CommendationKind
from tdkt.core.errors import DomainError
from tdkt.emulation.models import Movement, MovementKind, MovementReview, ReviewStage
from tdkt.emulation.services import movements as services
from tdkt.emulation.services.movements import MovementInput
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


@pytest.fixture
def movement(org):
    return services.movement_create(
        data=MovementInput(
            name="Văn hóa công sở", kind=MovementKind.THEMATIC, launched_by=org.root,
            start_year=2019, end_year=2025, document_number="01/KH-VKSTC",
            participants=[org.root],
        )
    )  # fmt: skip


@pytest.fixture
def hanoi_movement(org):
    return services.movement_create(
        data=MovementInput(
            name="Thi đua phòng 1", kind=MovementKind.REGULAR, launched_by=org.hanoi,
            start_year=2026, end_year=2026, participants=[org.hanoi_division],
        )
    )  # fmt: skip


def _error(call, **kwargs):
    with pytest.raises(DomainError) as info:
        call(**kwargs)
    return info.value


def test_launch_rules(org, users):
    base = dict(name="P", kind=MovementKind.REGULAR, launched_by=org.hanoi, start_year=2026)
    assert _error(services.movement_create, data=MovementInput(**base, end_year=2025)).field == (
        "end_year"
    )
    data = MovementInput(**{**base, "name": " "}, end_year=2026)
    assert _error(services.movement_create, data=data).field == "name"
    data = MovementInput(**base, end_year=2026, participants=[org.phu_tho])
    assert _error(services.movement_create, data=data).field == "participants"
    data = MovementInput(**base, end_year=2026)
    assert _error(services.movement_create, data=data, user=users["phu_tho_officer"]).field == (
        "launched_by"
    )
    assert services.movement_create(data=data, user=users["hanoi_officer"]).pk


def test_movement_update_refuses_stale_edit(org, movement):
    data = MovementInput(
        name="Văn hóa công sở 2019–2025", kind=MovementKind.THEMATIC, launched_by=org.root,
        start_year=2019, end_year=2025,
    )  # fmt: skip
    services.movement_update(movement=movement, data=data, expected_version=1)
    assert (
        _error(services.movement_update, movement=movement, data=data, expected_version=1).code
        == "stale"
    )


def test_review_reports_must_really_be_pdf_or_docx(movement):
    def add(name, content, stage=ReviewStage.MID_TERM, held_on=dt.date(2022, 6, 30)):
        upload = SimpleUploadedFile(name, content)
        return services.movement_review_add(
            movement=movement, stage=stage, held_on=held_on, report=upload
        )

    assert add("so-ket.pdf", PDF).report_name == "so-ket.pdf"
    assert add("so-ket.docx", _docx()).pk
    for name, content in (
        ("gia.pdf", b"MZ\x90\x00 not a pdf"),
        ("gia.docx", PDF),
        ("zip.docx", _zip_without_word()),
        ("bao-cao.exe", PDF),
    ):
        error = _error(add, name=name, content=content)
        assert error.field == "report" and name in error.message
    big = PDF + b"0" * (services.REPORT_MAX_BYTES + 1)
    assert _error(add, name="lon.pdf", content=big).message == services.REPORT_TOO_LARGE
    assert _error(add, name="a.pdf", content=PDF, held_on=dt.date(2030, 1, 1)).field == "held_on"
    add("tong-ket.pdf", PDF, stage=ReviewStage.FINAL, held_on=dt.date(2025, 12, 1))
    error = _error(add, name="b.pdf", content=PDF, stage=ReviewStage.FINAL)
    assert error.message == services.FINAL_TWICE
    assert MovementReview.objects.count() == 3


def _zip_without_word() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "x")
    return buffer.getvalue()


def _award(org, person=None, unit=None, kind=CommendationKind.CHUYEN_DE, year=2025):
    return Award.objects.create(
        award_type=AwardType.objects.get(code="BK_NGANH"), person=person, unit=unit,
        year=year, kind=kind, decision_number=f"{year}/QĐ", decision_date=dt.date(year, 12, 1),
        holder_unit=unit or person.unit,
    )  # fmt: skip


def test_only_thematic_awards_of_the_period_are_linked(org, movement):
    person = make_person(org.hanoi, "Nguyễn Văn Tâm")
    thematic = _award(org, person=person)
    merit = _award(org, unit=org.phu_tho, kind=CommendationKind.CONG_TRANG)
    late = _award(org, unit=org.phu_tho, year=2026)
    assert _error(services.movement_awards_set, movement=movement, awards=[merit]).field == (
        "awards"
    )
    assert _error(services.movement_awards_set, movement=movement, awards=[late]).field == (
        "awards"
    )
    services.movement_awards_set(movement=movement, awards=[thematic])
    assert list(movement.awards.all()) == [thematic]


def test_movement_pages_are_scoped(client, org, users, movement, hanoi_movement):
    urls = [
        reverse("emulation:movement-detail", kwargs={"pk": hanoi_movement.pk}),
        reverse("emulation:movement-edit", kwargs={"pk": hanoi_movement.pk}),
        reverse("emulation:movement-review-add", kwargs={"pk": hanoi_movement.pk}),
        reverse("emulation:movement-awards", kwargs={"pk": hanoi_movement.pk}),
    ]
    client.force_login(users["phu_tho_officer"])
    for url in urls:
        assert client.get(url).status_code == 404
    # the sector movement includes every unit: the Phú Thọ officer sees it, cannot edit it
    sector = reverse("emulation:movement-detail", kwargs={"pk": movement.pk})
    assert client.get(sector).status_code == 200
    edit = reverse("emulation:movement-edit", kwargs={"pk": movement.pk})
    assert client.get(edit).status_code == 404
    listing = client.get(reverse("emulation:movement-list")).content.decode()
    assert "Văn hóa công sở" in listing and "Thi đua phòng 1" not in listing
    client.force_login(users["hanoi_officer"])
    for url in urls:
        assert client.get(url).status_code == 200
    client.force_login(users["no_role"])
    assert client.get(reverse("emulation:movement-list")).status_code == 404
    assert client.get(sector).status_code == 404


def test_review_report_download_is_scoped(client, users, hanoi_movement):
    review = services.movement_review_add(
        movement=hanoi_movement, stage=ReviewStage.MID_TERM, held_on=dt.date(2026, 6, 30),
        report=SimpleUploadedFile("so-ket.pdf", PDF),
    )  # fmt: skip
    url = reverse(
        "emulation:movement-review-report", kwargs={"pk": hanoi_movement.pk, "review_pk": review.pk}
    )
    client.force_login(users["phu_tho_officer"])
    assert client.get(url).status_code == 404
    client.force_login(users["hanoi_officer"])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_launch_and_review_through_the_pages(client, org, users):
    client.force_login(users["hanoi_officer"])
    data = {
        "name": "Thi đua nước rút", "kind": "THUONG_XUYEN", "launched_by": org.hanoi.pk,
        "start_year": "2026", "end_year": "2026", "participants": [org.area_hanoi_1.pk],
        "document_number": "5/KH", "document_date": "2026-02-01", "content": "", "targets": "",
    }  # fmt: skip
    response = client.post(reverse("emulation:movement-create"), data)
    assert response.status_code == 302
    movement = Movement.objects.get(name="Thi đua nước rút")
    add = reverse("emulation:movement-review-add", kwargs={"pk": movement.pk})
    bad = client.post(
        add, {"stage": "SO_KET", "held_on": "2026-06-30",
              "report": SimpleUploadedFile("x.pdf", b"not a pdf")},
    )  # fmt: skip
    assert "không đúng định dạng" in bad.content.decode()
    good = client.post(
        add, {"stage": "SO_KET", "held_on": "2026-06-30", "summary": "Đạt",
              "report": SimpleUploadedFile("so-ket.pdf", PDF)},
    )  # fmt: skip
    assert good.status_code == 302
    page = client.get(reverse("emulation:movement-detail", kwargs={"pk": movement.pk}))
    assert "so-ket.pdf" in page.content.decode() and "VKSND khu vực 1" in page.content.decode()


def test_movement_pages_query_counts_do_not_grow(client, org, users, movement):
    client.force_login(users["sector"])
    urls = [reverse("emulation:movement-list"),
            reverse("emulation:movement-detail", kwargs={"pk": movement.pk})]  # fmt: skip

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    services.movement_awards_set(movement=movement, awards=[_award(org, unit=org.office)])
    first = counts()
    for i in range(8):
        services.movement_create(
            data=MovementInput(
                name=f"Phong trào {i}", kind=MovementKind.REGULAR, launched_by=org.root,
                start_year=2026, end_year=2026, participants=[org.hanoi, org.phu_tho],
            )
        )  # fmt: skip
    awards = [_award(org, unit=u) for u in (org.hanoi, org.phu_tho, org.office)]
    services.movement_awards_set(movement=movement, awards=awards)
    movement.participants.add(org.hanoi, org.phu_tho)
    assert counts() == first
