"""The sweep: every person and unit in the officer's reach, every code, one background job."""

import datetime as dt

import pytest

from tdkt.core.errors import DomainError
from tdkt.eligibility import evaluation, services
from tdkt.eligibility.models import SubjectKind, SweepJob, SweepResult, SweepStatus
from tdkt.eligibility.services import (
    NO_CODES,
    NOT_COVERED,
    RESULT_COLUMNS,
    sweep_run,
    sweep_start,
)
from tdkt.people.models import YearlyRating
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db
YEAR = 2024


@pytest.fixture
def staff(org):
    """Hà Nội: an excellent officer, a good one, one only rated HTNV, one recruited in 2025;
    Phú Thọ (out of the Hà Nội officer's reach): an excellent one."""
    people = {
        "excellent": make_person(org.hanoi, "Xuất Sắc"),
        "good": make_person(org.hanoi_division, "Tốt"),
        "fair": make_person(org.hanoi_division, "Hoàn Thành"),
        "recruited_2025": make_person(org.hanoi, "Mới", recruitment_date=dt.date(2025, 2, 1)),
        "elsewhere": make_person(org.area_phu_tho_1, "Phú Thọ"),
    }
    for key, rating in (("excellent", "HTXSNV"), ("good", "HTTNV"), ("fair", "HTNV")):
        YearlyRating.objects.create(person=people[key], year=YEAR, rating=rating)
    YearlyRating.objects.create(person=people["elsewhere"], year=YEAR, rating="HTXSNV")
    return people


def _run(user, codes, django_capture_on_commit_callbacks, year=YEAR) -> SweepJob:
    with django_capture_on_commit_callbacks(execute=True):
        job = sweep_start(user=user, year=year, codes=codes)
    job.refresh_from_db()
    return job


def _eligible(job, code) -> set[str]:
    return set(
        SweepResult.objects.filter(job=job, code=code, outcome="ELIGIBLE").values_list(
            "person__full_name", flat=True
        )
    )


def test_the_sweep_finds_the_eligible_persons_of_the_officers_reach(
    users, staff, django_capture_on_commit_callbacks
):
    # When the Hà Nội officer sweeps 2024 for LĐTT and CSTĐCS
    job = _run(users["hanoi_officer"], ["CSTDCS", "LDTT"], django_capture_on_commit_callbacks)

    # Then the job ran in the background to its end, codes in catalog order
    assert job.status == SweepStatus.SUCCEEDED
    assert job.codes == ["LDTT", "CSTDCS"]
    # and the persons employed in 2024 in Hà Nội were evaluated, nobody else
    evaluated = set(job.results.values_list("person__full_name", flat=True))
    assert evaluated == {"Đặng Văn Đức", "Trần Thị Bình", "Xuất Sắc", "Tốt", "Hoàn Thành"}
    assert _eligible(job, "LDTT") == {"Xuất Sắc", "Tốt"}
    assert _eligible(job, "CSTDCS") == {"Xuất Sắc"}
    # and the counts per code add up to the stored rows
    assert job.summary["LDTT"]["ELIGIBLE"] == 2
    assert sum(job.summary["LDTT"].values()) == 5
    assert job.total == job.progress == 5
    fair = job.results.get(code="LDTT", person=staff["fair"])
    assert fair.outcome == "NOT_ELIGIBLE"
    assert "Hoàn thành tốt nhiệm vụ" in fair.reasons
    assert fair.unit == staff["fair"].unit and fair.subject_kind == SubjectKind.PERSON
    assert fair.rule_id.startswith("LDTT@")


def test_collective_codes_evaluate_the_units_that_exist_at_the_end_of_the_year(
    users, org, staff, django_capture_on_commit_callbacks
):
    job = _run(users["hanoi_officer"], ["TTLDTT"], django_capture_on_commit_callbacks)

    units = set(job.results.values_list("unit__code", flat=True))
    assert job.status == SweepStatus.SUCCEEDED
    # Ba Đình ended on 30/6/2025 but existed on 31/12/2024; the 2025 area did not exist yet
    assert units == {"T-HN", "T-HN-P01", "H-HN-BADINH"}
    assert set(job.results.values_list("subject_kind", flat=True)) == {SubjectKind.UNIT}
    assert not job.results.filter(person__isnull=False).exists()


def test_a_staff_member_sweeps_only_their_own_record(
    users, people, django_capture_on_commit_callbacks
):
    job = _run(users["staff_duc"], ["LDTT", "TTLDTT"], django_capture_on_commit_callbacks)

    assert list(job.results.values_list("person", flat=True)) == [people["duc"].pk]


def test_codes_whose_rules_do_not_cover_the_year_are_listed_not_evaluated(
    users, staff, django_capture_on_commit_callbacks, monkeypatch
):
    real = services.codes_for
    monkeypatch.setattr(
        services,
        "codes_for",
        lambda kind, year, order: [c for c in real(kind, year, order) if c != "CSTDCS"],
    )

    job = _run(users["hanoi_officer"], ["LDTT", "CSTDCS"], django_capture_on_commit_callbacks)

    assert job.uncovered == ["CSTDCS"]
    assert set(job.summary) == {"LDTT"}


@pytest.mark.parametrize(
    ("codes", "year", "error"),
    [([], YEAR, NO_CODES), (["LDTT"], 1990, services.BAD_YEAR), (["LDTT"], 2010, NOT_COVERED)],
)
def test_a_question_that_cannot_be_answered_is_refused(users, codes, year, error):
    with pytest.raises(DomainError) as raised:
        sweep_start(user=users["hanoi_officer"], year=year, codes=codes)

    assert raised.value.code == error
    assert not SweepJob.objects.exists()


def test_an_unknown_code_is_refused_by_name(users):
    with pytest.raises(DomainError) as raised:
        sweep_start(user=users["hanoi_officer"], year=YEAR, codes=["LDTT", "NOPE"])

    assert raised.value.code == services.UNKNOWN_CODES
    assert "NOPE" in raised.value.message and raised.value.field == "codes"


def test_a_job_delivered_twice_runs_once(users, staff, django_capture_on_commit_callbacks):
    job = _run(users["hanoi_officer"], ["LDTT"], django_capture_on_commit_callbacks)
    rows = job.results.count()

    again = sweep_run(job_id=job.pk)

    assert again.status == SweepStatus.SUCCEEDED
    assert job.results.count() == rows


def test_a_failing_job_keeps_no_results(users, staff, monkeypatch):
    job = SweepJob.objects.create(created_by=users["hanoi_officer"], year=YEAR, codes=["LDTT"])
    monkeypatch.setattr(services, "PROGRESS_EVERY", 2)
    calls = []

    def broken(verdict):
        calls.append(verdict)
        if len(calls) > 3:
            raise RuntimeError("rule bug")
        return ""

    monkeypatch.setattr(evaluation, "reasons_summary", broken)

    with pytest.raises(RuntimeError):
        sweep_run(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == SweepStatus.FAILED
    assert job.error and job.finished_at
    assert not job.results.exists()


def test_the_insert_writes_every_column_of_the_result_model():
    columns = [f.column for f in SweepResult._meta.concrete_fields if not f.primary_key]

    assert columns == RESULT_COLUMNS
    assert (evaluation.PERSON_KIND, evaluation.UNIT_KIND) == (SubjectKind.PERSON, SubjectKind.UNIT)


def test_starting_a_sweep_forgets_the_oldest_beyond_those_kept(
    users, staff, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "SWEEPS_KEPT", 2)
    officer = users["hanoi_officer"]
    first = _run(officer, ["LDTT"], django_capture_on_commit_callbacks)
    others = SweepJob.objects.create(created_by=users["phu_tho_officer"], year=YEAR, codes=["LDTT"])
    _run(officer, ["LDTT"], django_capture_on_commit_callbacks)

    last = _run(officer, ["LDTT"], django_capture_on_commit_callbacks)

    assert not SweepJob.objects.filter(pk=first.pk).exists()
    assert not SweepResult.objects.filter(job_id=first.pk).exists()
    assert SweepJob.objects.filter(created_by=officer).count() == 2
    assert SweepJob.objects.filter(pk__in=[others.pk, last.pk]).count() == 2


def test_the_demo_flush_removes_results_with_the_persons_and_units(
    users, staff, django_capture_on_commit_callbacks
):
    from tdkt.demo.flush import flush_domain_data

    job = _run(users["hanoi_officer"], ["LDTT", "TTLDTT"], django_capture_on_commit_callbacks)

    flush_domain_data()

    assert not SweepResult.objects.filter(job=job).exists()
