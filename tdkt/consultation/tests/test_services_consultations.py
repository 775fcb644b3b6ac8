"""Creating, editing, publishing and closing consultations."""

import datetime as dt

import pytest
from django.utils import timezone

from tdkt.consultation.models import Candidate, Consultation, ConsultationStatus
from tdkt.consultation.services import consultations as services
from tdkt.consultation.tests.conftest import after_closing, consultation_input
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.core.models import PublicHoliday
from tdkt.proposals.models import LineStatus

pytestmark = pytest.mark.django_db


def test_closing_date_counts_working_days_from_the_opening_day():
    # 10–23/9/2025, the sector's 2025 consultation: ten working days
    assert services.closing_date(dt.date(2025, 9, 10), 10) == dt.date(2025, 9, 23)
    # a Saturday opening: the window starts on Monday
    assert services.closing_date(dt.date(2025, 9, 13), 1) == dt.date(2025, 9, 15)


def test_closing_date_skips_holidays():
    PublicHoliday.objects.create(date=dt.date(2031, 9, 2), name="Nghỉ thử")  # a Tuesday
    assert services.closing_date(dt.date(2031, 9, 1), 2) == dt.date(2031, 9, 3)


def test_the_number_of_days_is_the_dated_parameter_and_is_marked_unsure():
    value = services.working_days_on(dt.date(2025, 9, 10))
    assert value.value == 10
    assert value.unsure
    assert "152/2025" in value.citation
    with pytest.raises(DomainError):
        services.working_days_on(dt.date(2023, 6, 1))


def test_create_lists_the_passed_state_level_lines_of_the_round(draft, lines):
    assert draft.status == ConsultationStatus.DRAFT
    assert draft.working_days == 10
    assert draft.closes_on == services.closing_date(draft.opens_on, 10)
    published = set(draft.candidates.values_list("line_id", flat=True))
    assert published == {lines.duc.pk, lines.division.pk, lines.phu_tho.pk}
    duc = draft.candidates.get(line=lines.duc)
    assert duc.summary == "Hai lần CSTĐ ngành."


def test_create_is_for_the_sector_officer_only(state_round, lines, users):
    with pytest.raises(DomainError) as error:
        services.consultation_create(
            data=consultation_input(state_round), user=users["hanoi_officer"]
        )
    assert error.value.code == "not_officer"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "   "}, "title"),
        ({"opens_on": dt.date(1800, 1, 1)}, "opens_on"),
        ({"opens_on": timezone.localdate() - dt.timedelta(days=1)}, "opens_on"),
    ],
)
def test_create_refuses_bad_input(state_round, lines, users, overrides, field):
    with pytest.raises(DomainError) as error:
        services.consultation_create(
            data=consultation_input(state_round, **overrides), user=users["sector"]
        )
    assert error.value.field == field


def test_a_line_cannot_be_published_twice(draft, state_round, lines, users):
    other = services.consultation_create(
        data=consultation_input(state_round, title="Đợt khác"), user=users["sector"]
    )
    assert other.candidates.count() == 0
    with pytest.raises(DomainError) as error:
        services.candidates_add(consultation=other, lines=[lines.duc], user=users["sector"])
    assert error.value.code == "already_published"


@pytest.mark.parametrize("name", ["sector_level", "accepted"])
def test_only_passed_state_level_lines_can_be_added(draft, lines, users, name):
    with pytest.raises(DomainError) as error:
        services.candidates_add(
            consultation=draft, lines=[getattr(lines, name)], user=users["sector"]
        )
    assert error.value.code == "not_eligible"


def test_remove_and_add_back_a_candidate(draft, lines, users):
    candidate = draft.candidates.get(line=lines.phu_tho)
    services.candidate_remove(candidate=candidate, user=users["sector"])
    assert not Candidate.objects.filter(line=lines.phu_tho).exists()
    services.candidates_add(consultation=draft, lines=[lines.phu_tho], user=users["sector"])
    assert draft.candidates.filter(line=lines.phu_tho).exists()


def test_edit_the_public_summary_is_versioned(draft, lines, users):
    candidate = draft.candidates.get(line=lines.duc)
    services.candidate_update(
        candidate=candidate, summary="Tóm tắt mới", expected_version=1, user=users["sector"]
    )
    with pytest.raises(StaleEditError):
        services.candidate_update(
            candidate=candidate, summary="Bản cũ", expected_version=1, user=users["sector"]
        )
    candidate.refresh_from_db()
    assert candidate.summary == "Tóm tắt mới"


def test_update_recomputes_the_closing_day_and_refuses_stale_edits(draft, state_round, users):
    later = draft.opens_on + dt.timedelta(days=7)
    data = consultation_input(state_round, opens_on=later, title="Tiêu đề mới")
    updated = services.consultation_update(
        consultation=draft, data=data, expected_version=draft.version, user=users["sector"]
    )
    assert updated.closes_on == services.closing_date(later, 10)
    with pytest.raises(StaleEditError):
        services.consultation_update(
            consultation=draft, data=data, expected_version=draft.version, user=users["sector"]
        )


def test_publish_then_no_more_edits(published, state_round, lines, users):
    assert published.status == ConsultationStatus.PUBLISHED
    assert published.published_at is not None
    with pytest.raises(DomainError) as error:
        services.consultation_update(
            consultation=published,
            data=consultation_input(state_round),
            expected_version=published.version,
            user=users["sector"],
        )
    assert error.value.code == "not_draft"
    with pytest.raises(DomainError):
        services.candidate_remove(candidate=published.candidates.first(), user=users["sector"])


def test_publish_twice_is_refused_by_the_workflow(published, users):
    with pytest.raises(DomainError) as error:
        services.consultation_publish(
            consultation=published, expected_version=published.version, user=users["sector"]
        )
    assert error.value.code == "not_allowed"
    assert "Đã công bố" in error.value.message


def test_publish_refuses_an_empty_list(state_round, users):
    empty = services.consultation_create(data=consultation_input(state_round), user=users["sector"])
    with pytest.raises(DomainError) as error:
        services.consultation_publish(
            consultation=empty, expected_version=empty.version, user=users["sector"]
        )
    assert error.value.code == "empty"


def test_publish_refuses_a_line_that_changed_state(draft, lines, users):
    type(lines.duc).objects.filter(pk=lines.duc.pk).update(status=LineStatus.TRANSMITTED)
    with pytest.raises(DomainError) as error:
        services.consultation_publish(
            consultation=draft, expected_version=draft.version, user=users["sector"]
        )
    assert error.value.code == "line_changed"


def test_close_only_after_the_closing_day(published, users):
    with pytest.raises(DomainError) as error:
        services.consultation_close(
            consultation=published,
            expected_version=published.version,
            user=users["sector"],
            today=published.closes_on,
        )
    assert error.value.code == "period_not_over"
    closed = services.consultation_close(
        consultation=published,
        expected_version=published.version,
        user=users["sector"],
        today=after_closing(published),
    )
    assert closed.status == ConsultationStatus.CLOSED


def test_close_a_draft_is_refused(draft, users):
    with pytest.raises(DomainError) as error:
        services.consultation_close(
            consultation=draft,
            expected_version=draft.version,
            user=users["sector"],
            today=after_closing(draft),
        )
    assert error.value.code == "not_allowed"


def test_delete_a_draft_only(draft, users):
    pk = draft.pk
    services.consultation_delete(consultation=draft, user=users["sector"])
    assert not Consultation.objects.filter(pk=pk).exists()


def test_delete_a_published_consultation_is_refused(published, users):
    with pytest.raises(DomainError) as error:
        services.consultation_delete(consultation=published, user=users["sector"])
    assert error.value.code == "not_draft"


def test_a_line_published_concurrently_is_refused_not_a_500(draft, state_round, lines, users):
    from tdkt.consultation.models import Candidate as CandidateModel

    other = services.consultation_create(
        data=consultation_input(state_round, title="Đợt khác"), user=users["sector"]
    )
    taken = CandidateModel.objects.get(line=lines.duc)
    with pytest.raises(DomainError) as error:
        services._add(other, [taken.line])  # as if the check had run before the other commit
    assert error.value.code == "already_published"


def test_acting_on_a_deleted_draft_or_removed_candidate_is_refused(draft, users):
    candidate = draft.candidates.first()
    services.candidate_remove(candidate=candidate, user=users["sector"])
    with pytest.raises(DomainError) as error:
        services.candidate_update(
            candidate=candidate, summary="x", expected_version=1, user=users["sector"]
        )
    assert error.value.code == "gone"
    services.consultation_delete(consultation=draft, user=users["sector"])
    with pytest.raises(DomainError) as error:
        services.consultation_publish(
            consultation=draft, expected_version=draft.version, user=users["sector"]
        )
    assert error.value.code == "gone"
