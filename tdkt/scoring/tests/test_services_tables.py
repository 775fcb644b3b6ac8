"""Scoring tables: drafts are built, publishing freezes them, versions and copies keep the past."""

from decimal import Decimal

import pytest

from tdkt.core.errors import DomainError, StaleEditError
from tdkt.org.models import UnitType
from tdkt.scoring import selectors
from tdkt.scoring.models import CriterionKind, ScoringTable, TableStatus
from tdkt.scoring.services import tables as services
from tdkt.scoring.tests.builders import make_table

pytestmark = pytest.mark.django_db


def test_published_table_is_frozen():
    table = make_table()
    group = table.groups.first()
    with pytest.raises(DomainError) as caught:
        services.criterion_save(
            table=table, expected_version=table.version, group=group, code="9", title="Mới",
            kind=CriterionKind.STANDARD, max_points=Decimal("5"),
        )  # fmt: skip
    assert caught.value.code == "frozen"
    with pytest.raises(DomainError):
        services.table_update(table=table, expected_version=table.version, name="Khác")


def test_publish_refuses_a_table_without_criteria_or_bands():
    table = services.table_create(user=None, unit_type=UnitType.AREA, name="Trống", year_from=2025)
    with pytest.raises(DomainError) as caught:
        services.table_publish(table=table, expected_version=table.version, user=None)
    assert caught.value.message == services.PUBLISH_EMPTY
    draft = make_table(publish=False)
    draft.bands.all().delete()
    with pytest.raises(DomainError) as caught:
        services.table_publish(table=draft, expected_version=draft.version, user=None)
    assert caught.value.message == services.PUBLISH_NO_BANDS


def test_new_version_copies_content_and_keeps_the_original():
    table = make_table()
    copy = services.table_new_version(table=table, user=None)
    assert copy.status == TableStatus.DRAFT and copy.edition == table.edition + 1
    assert copy.based_on == table
    assert copy.criteria.count() == table.criteria.count() == 4
    assert copy.bands.count() == 3
    services.criterion_delete(criterion=copy.criteria.first(), expected_version=copy.version)
    assert table.criteria.count() == 4
    # the published original is still the table in force until the copy is published
    assert selectors.table_for(unit_type=UnitType.PROVINCIAL, year=2024) == table
    copy.refresh_from_db()
    services.table_publish(table=copy, expected_version=copy.version, user=None)
    assert selectors.table_for(unit_type=UnitType.PROVINCIAL, year=2024) == copy


def test_copy_last_year_makes_a_draft_for_the_new_year():
    table = make_table(year_from=2024)
    copy = services.table_copy_last_year(unit_type=UnitType.PROVINCIAL, year=2025, user=None)
    assert (copy.year_from, copy.status, copy.name) == (2025, "DRAFT", "Bảng chấm điểm 2025")
    assert copy.criteria.count() == table.criteria.count()
    with pytest.raises(DomainError) as caught:
        services.table_copy_last_year(unit_type=UnitType.PROVINCIAL, year=2025, user=None)
    assert caught.value.code == "exists"
    with pytest.raises(DomainError) as caught:
        services.table_copy_last_year(unit_type=UnitType.AREA, year=2025, user=None)
    assert caught.value.code == "no_source"


def test_table_for_picks_the_latest_start_covering_the_year():
    old = make_table(year_from=2020)
    new = make_table(year_from=2025)
    assert selectors.table_for(unit_type=UnitType.PROVINCIAL, year=2024) == old
    assert selectors.table_for(unit_type=UnitType.PROVINCIAL, year=2026) == new
    assert selectors.table_for(unit_type=UnitType.PROVINCIAL, year=2019) is None
    assert selectors.table_for(unit_type=UnitType.AREA, year=2026) is None


def test_stale_edit_of_a_draft_is_refused():
    table = make_table(publish=False)
    opened = table.version
    services.table_update(table=table, expected_version=opened, name="Bảng A")
    with pytest.raises(StaleEditError):
        services.table_update(
            table=ScoringTable.objects.get(pk=table.pk), expected_version=opened, name="Bảng B"
        )
    assert ScoringTable.objects.get(pk=table.pk).name == "Bảng A"


def test_bad_table_input_is_refused():
    with pytest.raises(DomainError) as caught:
        services.table_create(
            user=None, unit_type=UnitType.AREA, name="X", year_from=2026, year_to=2025
        )
    assert caught.value.message == services.YEARS_REVERSED
    table = make_table(publish=False)
    with pytest.raises(DomainError) as caught:
        services.criterion_save(
            table=table, expected_version=None, group=table.groups.first(), code="1",
            title="A", kind=CriterionKind.STANDARD, max_points=Decimal("0"),
        )  # fmt: skip
    assert caught.value.message == services.MAX_NOT_POSITIVE


def test_groups_nest_without_cycles_and_only_empty_groups_are_deleted():
    table = make_table(publish=False)
    first = table.groups.get(code="I")
    child = services.group_save(
        table=table, expected_version=None, code="I.1", title="Con", parent=first
    )
    with pytest.raises(DomainError) as caught:
        services.group_save(
            table=table, expected_version=None, code="I", title="x", parent=child, group=first
        )
    assert caught.value.message == services.GROUP_CYCLE
    with pytest.raises(DomainError):
        services.group_delete(group=first, expected_version=None)
    services.group_delete(group=child, expected_version=None)
    rows = selectors.table_tree(table)
    assert [r.group.code if r.group else r.criterion.code for r in rows][:3] == ["I", "1", "2"]


def test_reorder_swaps_with_the_neighbour():
    table = make_table(publish=False)
    second = table.criteria.get(code="2")
    services.item_move(item=second, expected_version=None, direction=-1)
    codes = [r.criterion.code for r in selectors.table_tree(table) if r.criterion]
    assert codes[:2] == ["2", "1"]
