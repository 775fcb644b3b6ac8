"""The import pages: who may open them, the upload form's checks, progress and results."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse

from tdkt.accounts.models import Role
from tdkt.imports.forms import CORRUPT_FILE, FILE_TOO_LARGE, NOT_XLSX
from tdkt.imports.models import ImportJob, ImportStatus
from tdkt.imports.tests.conftest import build_workbook, make_user
from tdkt.imports.validation import NO_SHEETS
from tdkt.people.models import Person

GOOD_ROW = ["CB100", "Hoàng Văn K", "Nam", dt.date(1988, 8, 8), "", "", "HN", dt.date(2012, 1, 1)]


def routes(job):
    return [
        reverse("imports:upload"),
        reverse("imports:template"),
        reverse("imports:list"),
        reverse("imports:job", args=[job.pk]),
        reverse("imports:job-progress", args=[job.pk]),
    ]


@pytest.fixture
def job(officer):
    return ImportJob.objects.create(created_by=officer, original_filename="a.xlsx", file="x.xlsx")


def upload(client, content: bytes, name: str = "canbo.xlsx"):
    return client.post(reverse("imports:upload"), {"file": SimpleUploadedFile(name, content)})


def test_anonymous_is_sent_to_login(client, job, settings):
    settings.LOGIN_URL = "/dang-nhap/"
    for url in routes(job):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/dang-nhap/?next="), url


@pytest.mark.parametrize("role", [None, Role.LEADER, Role.STAFF])
def test_user_without_import_role_gets_404_everywhere(client, org, job, role):
    client.force_login(make_user("viewer", role, org.hanoi if role else None))
    for url in routes(job):
        assert client.get(url).status_code == 404, url


def test_officer_opens_every_page(client, officer, job):
    client.force_login(officer)
    for url in routes(job):
        assert client.get(url).status_code == 200, url


def test_another_users_job_is_404(client, org, job):
    client.force_login(make_user("other", Role.UNIT_OFFICER, org.hanoi))

    assert client.get(reverse("imports:job", args=[job.pk])).status_code == 404
    assert client.get(reverse("imports:job-progress", args=[job.pk])).status_code == 404
    assert job.original_filename not in client.get(reverse("imports:list")).content.decode()


def test_superuser_sees_every_job(client, job, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", password="x-Pass-123"))

    assert client.get(reverse("imports:job", args=[job.pk])).status_code == 200


def _file_errors(response) -> list[str]:
    assert response.status_code == 200
    return response.context["form"].errors["file"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("canbo.csv", b"a,b\n1,2\n", NOT_XLSX),
        ("canbo.xlsx", b"just some text renamed", CORRUPT_FILE),
        ("canbo.xlsx", b"PK\x03\x04 this zip is broken", CORRUPT_FILE),
    ],
)
def test_bad_uploads_are_form_errors(client, officer, name, content, message):
    client.force_login(officer)

    assert _file_errors(upload(client, content, name)) == [message]
    assert not ImportJob.objects.exists()


def test_workbook_without_template_sheets_is_refused(client, officer):
    from io import BytesIO

    from openpyxl import Workbook

    buffer = BytesIO()
    Workbook().save(buffer)
    client.force_login(officer)

    assert _file_errors(upload(client, buffer.getvalue())) == [NO_SHEETS]


def test_file_over_the_limit_is_refused(client, officer, settings):
    settings.TDKT_IMPORT_MAX_BYTES = 1000
    content = build_workbook({"CanBo": [GOOD_ROW]})
    client.force_login(officer)

    expected = FILE_TOO_LARGE.format(size=filesizeformat(len(content)), limit=filesizeformat(1000))
    assert _file_errors(upload(client, content)) == [expected]


def test_good_upload_runs_the_job_and_redirects_to_it(
    client, officer, django_capture_on_commit_callbacks
):
    client.force_login(officer)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, build_workbook({"CanBo": [GOOD_ROW]}))

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:job", args=[job.pk])
    assert (job.status, job.created_by, job.original_filename) == (
        ImportStatus.SUCCEEDED,
        officer,
        "canbo.xlsx",
    )
    assert Person.objects.filter(code="CB100").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Đã nhập xong 1 dòng." in page


def test_progress_partial_polls_while_running(client, officer, job):
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.RUNNING, total_rows=1000, processed_rows=250
    )
    client.force_login(officer)

    html = client.get(reverse("imports:job-progress", args=[job.pk])).content.decode()

    assert html.lstrip().startswith('<div id="import-progress"')
    assert f'hx-get="{reverse("imports:job-progress", args=[job.pk])}"' in html
    assert 'hx-trigger="every 1s"' in html
    assert 'aria-valuenow="25"' in html
    assert "<html" not in html


def test_progress_partial_stops_and_shows_counts_when_done(client, officer, job):
    counts = {"CanBo": {"created": 3, "updated": 2, "unchanged": 1}}
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.SUCCEEDED, counts=counts)
    client.force_login(officer)

    html = client.get(reverse("imports:job-progress", args=[job.pk])).content.decode()

    assert "hx-get" not in html
    assert '<td class="text-end">3</td>' in html and "CanBo" in html


def test_errors_are_paginated(client, officer, job):
    errors = [
        {"sheet": "CanBo", "row": n, "column": "Họ và tên", "message": f"Lỗi số {n}"}
        for n in range(2, 122)
    ]
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.FAILED, errors=errors, error_count=len(errors)
    )
    client.force_login(officer)
    url = reverse("imports:job", args=[job.pk])

    first = client.get(url).content.decode()
    last = client.get(url, {"page": 3}).content.decode()

    assert "Lỗi số 51<" in first and "Lỗi số 52<" not in first
    assert "Trang 1/3" in first
    assert "Lỗi số 121<" in last and "Lỗi số 101<" not in last
