"""The sweep pages: permissions, the job page with its filters, the Excel export."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tdkt.eligibility.exports import HEADERS, SHEET
from tdkt.eligibility.models import STALL_AFTER, SweepJob, SweepResult, SweepStatus
from tdkt.eligibility.services import sweep_abandon_if_stalled, sweep_run, sweep_start
from tdkt.people.models import YearlyRating
from tdkt.testing import PASSWORD, make_person

pytestmark = pytest.mark.django_db
YEAR = 2024


def _login(client, user):
    client.force_login(user)
    return client


def _sweep(user, codes, capture, staff_count=0, org=None) -> SweepJob:
    for number in range(staff_count):
        person = make_person(org.hanoi_division, f"Cán bộ {number:03d}")
        YearlyRating.objects.create(person=person, year=YEAR, rating="HTTNV")
    with capture(execute=True):
        job = sweep_start(user=user, year=YEAR, codes=codes)
    job.refresh_from_db()
    assert job.status == SweepStatus.SUCCEEDED
    return job


@pytest.fixture
def job(users, org, django_capture_on_commit_callbacks):
    """A finished sweep of the Hà Nội officer: 8 persons and 3 units."""
    return _sweep(
        users["hanoi_officer"], ["LDTT", "TTLDTT"], django_capture_on_commit_callbacks, 6, org
    )


def _pages(job) -> list[str]:
    return [
        reverse("eligibility:sweep"),
        reverse("eligibility:sweep-job", args=[job.pk]),
        reverse("eligibility:sweep-progress", args=[job.pk]),
        reverse("eligibility:sweep-export", args=[job.pk]),
    ]


def test_anonymous_users_are_sent_to_the_login_page(client, job):
    for url in _pages(job):
        response = client.get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"], url


def test_a_user_without_a_role_gets_404_everywhere(client, users, job):
    _login(client, users["no_role"])

    for url in _pages(job):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("eligibility:sweep"), {"year": YEAR}).status_code == 404


def test_another_users_sweep_answers_404(client, users, job):
    _login(client, users["phu_tho_officer"])

    assert client.get(reverse("eligibility:sweep")).status_code == 200
    for url in _pages(job)[1:]:
        assert client.get(url).status_code == 404, url


def test_the_owner_sees_every_page(client, users, job):
    _login(client, users["hanoi_officer"])

    for url in _pages(job):
        assert client.get(url).status_code == 200, url


def test_a_superuser_sees_any_sweep(client, job, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.vn", PASSWORD)
    _login(client, admin)

    assert client.get(_pages(job)[1]).status_code == 200


def test_starting_a_sweep_redirects_to_its_page(
    client, users, people, django_capture_on_commit_callbacks
):
    _login(client, users["hanoi_officer"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("eligibility:sweep"), {"year": YEAR, "codes": ["LDTT"]})

    job = SweepJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("eligibility:sweep-job", args=[job.pk])
    assert job.created_by == users["hanoi_officer"] and job.codes == ["LDTT"]
    page = client.get(response["Location"])
    assert "Đặng Văn Đức" in page.content.decode()


@pytest.mark.parametrize(
    "data",
    [{"year": YEAR}, {"year": 1990, "codes": ["LDTT"]}, {"year": 2010, "codes": ["LDTT"]},
     {"year": "abc", "codes": ["NOPE"]}],
)  # fmt: skip
def test_a_question_that_cannot_be_answered_shows_the_form_again(client, users, data):
    _login(client, users["hanoi_officer"])

    response = client.post(reverse("eligibility:sweep"), data)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not SweepJob.objects.exists()


def test_the_job_page_lists_results_with_links_to_persons_and_units(client, users, job):
    _login(client, users["hanoi_officer"])

    response = client.get(_pages(job)[1])

    html = response.content.decode()
    person = job.results.filter(person__isnull=False).first().person
    assert reverse("people:detail", args=[person.pk]) in html
    assert reverse("org:detail", args=[users["hanoi_officer"].roles.get().unit_id]) in html
    assert len(response.context["page"].object_list) == job.results.count() == 8 + 3


def test_filters_by_code_outcome_and_unit(client, users, org, job):
    _login(client, users["hanoi_officer"])
    url = _pages(job)[1]

    by_code = client.get(url, {"code": "TTLDTT"}).context["page"].object_list
    eligible = client.get(url, {"outcome": "ELIGIBLE"}).context["page"].object_list
    division = client.get(url, {"unit": org.hanoi_division.pk}).context["page"].object_list

    assert {r.code for r in by_code} == {"TTLDTT"} and len(by_code) == 3
    assert {r.outcome for r in eligible} == {"ELIGIBLE"} and len(eligible) == 6
    assert {r.unit_id for r in division} == {org.hanoi_division.pk}


def test_the_job_page_costs_the_same_queries_for_few_and_many_rows(
    client, users, org, job, django_capture_on_commit_callbacks
):
    big = _sweep(users["hanoi_officer"], ["LDTT"], django_capture_on_commit_callbacks, 60, org)
    _login(client, users["hanoi_officer"])
    client.get(_pages(job)[1])  # warm up the session and caches

    counts = []
    for sweep in (job, big):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("eligibility:sweep-job", args=[sweep.pk]))
        counts.append(len(captured))
    assert len(response.context["page"].object_list) == 50
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    "query",
    [
        {"code": "<script>", "outcome": "MAYBE", "unit": "abc", "page": "zz"},
        {"unit": "999999999", "page": "-1"},
        {"unit": "1e9", "code": ["LDTT", "X"], "page": "99999"},
        {"outcome": "\x00", "unit": "", "code": ""},
    ],
)
def test_junk_query_parameters_never_give_an_error(client, users, job, query):
    _login(client, users["hanoi_officer"])

    for url in _pages(job)[1:]:
        assert client.get(url, query).status_code == 200, url


def test_a_unit_out_of_reach_is_not_a_filter(client, users, org, job):
    _login(client, users["hanoi_officer"])

    response = client.get(_pages(job)[1], {"unit": org.phu_tho.pk})

    assert len(response.context["page"].object_list) == 11


def test_the_progress_block_reloads_the_page_once_the_job_has_finished(client, users, job):
    _login(client, users["hanoi_officer"])

    response = client.get(_pages(job)[2], headers={"HX-Request": "true"})

    assert response["HX-Refresh"] == "true"


def test_a_pending_job_shows_a_polling_progress_bar(client, users):
    job = SweepJob.objects.create(created_by=users["hanoi_officer"], year=YEAR, codes=["LDTT"])
    _login(client, users["hanoi_officer"])

    html = client.get(_pages(job)[1]).content.decode()

    assert 'hx-trigger="every 1s"' in html and "progressbar" in html
    assert client.get(_pages(job)[3]).status_code == 404  # nothing to export yet


def _age(job, by):
    SweepJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - by)


def test_a_job_left_by_a_stopped_worker_fails_with_a_way_to_run_it_again(client, users):
    officer = users["hanoi_officer"]
    job = SweepJob.objects.create(
        created_by=officer, year=YEAR, codes=["LDTT"], status=SweepStatus.RUNNING
    )
    SweepResult.objects.create(
        job=job,
        subject_kind="C",
        unit=officer.roles.get().unit,
        code="LDTT",
        code_rank=0,
        position=1,
        outcome="ELIGIBLE",
        rule_id="x",
    )
    _age(job, STALL_AFTER + dt.timedelta(minutes=1))
    _login(client, officer)

    listed = client.get(_pages(job)[0]).content.decode()
    html = client.get(_pages(job)[1]).content.decode()

    assert "Không có tiến triển" in listed
    job.refresh_from_db()
    assert job.status == SweepStatus.FAILED and "không có tiến triển trong 10 phút" in job.error
    assert not job.results.exists()
    assert 'hx-trigger="every 1s"' not in html
    assert "Xét lại với cùng năm và danh hiệu" in html and 'value="LDTT"' in html


def test_a_job_that_still_moves_is_left_alone(client, users):
    job = SweepJob.objects.create(
        created_by=users["hanoi_officer"], year=YEAR, codes=["LDTT"], status=SweepStatus.RUNNING
    )
    _age(job, STALL_AFTER - dt.timedelta(minutes=1))
    _login(client, users["hanoi_officer"])

    client.get(_pages(job)[2], headers={"HX-Request": "true"})

    job.refresh_from_db()
    assert job.status == SweepStatus.RUNNING and not job.is_stalled


def test_a_stalled_job_taken_up_late_by_a_worker_is_not_run(users):
    job = SweepJob.objects.create(created_by=users["hanoi_officer"], year=YEAR, codes=["LDTT"])
    _age(job, STALL_AFTER * 2)
    job.refresh_from_db()
    assert sweep_abandon_if_stalled(job)

    sweep_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == SweepStatus.FAILED and not job.results.exists()


def test_the_export_opens_with_the_expected_header_and_rows(client, users, job):
    _login(client, users["hanoi_officer"])

    response = client.get(_pages(job)[3], {"outcome": "ELIGIBLE", "code": "LDTT"})

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    rows = list(workbook[SHEET].iter_rows(values_only=True))
    assert rows[0] == HEADERS
    expected = job.results.filter(outcome="ELIGIBLE", code="LDTT").count()
    assert len(rows) - 1 == expected == 6
    assert {row[6] for row in rows[1:]} == {"Đủ điều kiện"}
    assert {row[1] for row in rows[1:]} == {"Cá nhân"}
    assert rows[1][5] == "Lao động tiên tiến"


def test_text_that_looks_like_a_formula_is_exported_as_text(
    client, users, org, django_capture_on_commit_callbacks
):
    make_person(org.hanoi, '=HYPERLINK("http://x")')
    job = _sweep(users["hanoi_officer"], ["LDTT"], django_capture_on_commit_callbacks)
    _login(client, users["hanoi_officer"])

    response = client.get(_pages(job)[3])

    workbook = load_workbook(io.BytesIO(response.content))
    names = [row[3] for row in workbook[SHEET].iter_rows(min_row=2, values_only=True)]
    assert '=HYPERLINK("http://x")' in names
