"""Unit services: validation, history with reasons, optimistic locking, restructuring events."""

import datetime as dt

import pytest

from tdkt.core.errors import DomainError, StaleEditError
from tdkt.org import services
from tdkt.org.models import EventKind, Unit, UnitType


@pytest.mark.django_db
def test_unit_create_sets_path_and_search_text(org):
    assert org.hanoi_division.path == f"/{org.root.pk}/{org.hanoi.pk}/{org.hanoi_division.pk}/"
    assert org.hanoi_division.depth == 2
    assert Unit.objects.search("ha noi").filter(pk=org.hanoi.pk).exists()


@pytest.mark.django_db
def test_child_cannot_outlive_its_parent(org):
    with pytest.raises(DomainError) as error:
        services.unit_create(
            code="H-HB-X", short_name="X", full_name="X", unit_type=UnitType.DISTRICT,
            parent=org.hoa_binh, valid_from=dt.date(2020, 1, 1),
        )  # fmt: skip
    assert error.value.message == services.PARENT_NOT_VALID


@pytest.mark.django_db
def test_duplicate_code_is_refused(org):
    with pytest.raises(DomainError) as error:
        services.unit_create(
            code="T-HN", short_name="X", full_name="X", unit_type=UnitType.PROVINCIAL,
            parent=org.root, valid_from=dt.date(2020, 1, 1),
        )  # fmt: skip
    assert error.value.field == "code"


@pytest.mark.django_db
def test_unit_update_records_reason_and_refuses_stale_edits(org):
    unit = Unit.objects.get(pk=org.hanoi.pk)
    version = unit.version
    services.unit_update(
        unit=unit, expected_version=version, reason="Sửa tên", short_name="VKSND TP Hà Nội"
    )
    latest = unit.history.latest()
    assert latest.history_change_reason == "Sửa tên"
    stale = Unit.objects.get(pk=org.hanoi.pk)
    with pytest.raises(StaleEditError):
        services.unit_update(unit=stale, expected_version=version, reason="Cũ", short_name="Khác")
    assert Unit.objects.get(pk=org.hanoi.pk).short_name == "VKSND TP Hà Nội"


@pytest.mark.django_db
def test_restructuring_requires_predecessors_to_end_the_day_before(org):
    with pytest.raises(DomainError) as error:
        services.restructuring_record(
            kind=EventKind.RENAME, date=dt.date(2025, 7, 1),
            predecessors=[org.hanoi], successors=[org.phu_tho],
        )  # fmt: skip
    assert error.value.message == services.PREDECESSOR_STILL_VALID
    with pytest.raises(DomainError):
        services.restructuring_record(
            kind=EventKind.MERGE, date=dt.date(2025, 7, 1), predecessors=[], successors=[]
        )


@pytest.mark.django_db
def test_a_unit_cannot_end_before_its_children_or_reopen_after_an_event(org):
    hanoi = Unit.objects.get(pk=org.hanoi.pk)
    with pytest.raises(DomainError) as error:
        services.unit_update(
            unit=hanoi, expected_version=hanoi.version, reason="x", valid_to=dt.date(2020, 1, 1)
        )
    assert error.value.message == services.CHILD_OUTSIDE_PERIOD
    with pytest.raises(DomainError) as error:
        services.unit_update(
            unit=Unit.objects.get(pk=org.ba_dinh.pk),
            expected_version=None,
            reason="Mở lại",
            valid_to=None,
        )
    assert error.value.message == services.PERIOD_CONTRADICTS_EVENT
