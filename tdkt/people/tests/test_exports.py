"""The people export: the "CanBo" layout of the import template, in a fixed number of queries."""

import datetime as dt
from io import BytesIO

import pytest
from openpyxl import load_workbook

from tdkt.imports.workbook import PEOPLE
from tdkt.org.models import UnitType
from tdkt.org.services import unit_create
from tdkt.people.exports import UNIT_NAME_HEADER, people_workbook
from tdkt.people.models import Assignment, Person

D = dt.date


def _unit(code):
    return unit_create(
        code=code,
        short_name=code,
        full_name=f"Viện kiểm sát {code}",
        unit_type=UnitType.PROVINCIAL,
        parent=None,
        valid_from=D(2015, 1, 1),
    )


def _person(code, unit, assignments, **fields):
    values = {
        "full_name": f"Cán bộ {code}",
        "gender": "F",
        "date_of_birth": D(1985, 3, 15),
        "rank": "KSV_TC",
        "position": "KSV",
        "recruitment_date": D(2008, 9, 1),
    }
    person = Person.objects.create(code=code, unit=unit, **(values | fields))
    for assignment_unit, start, end in assignments:
        Assignment.objects.create(
            person=person, unit=assignment_unit, position="KSV", start=start, end=end
        )
    return person


def _rows(content: bytes) -> list[tuple]:
    workbook = load_workbook(BytesIO(content))
    assert workbook.sheetnames == [PEOPLE.name]
    return list(workbook[PEOPLE.name].iter_rows(values_only=True))


@pytest.mark.django_db
def test_export_uses_the_import_layout_plus_the_unit_name(django_assert_num_queries):
    hanoi, hcm = _unit("HN"), _unit("HCM")
    _person("CB1", hcm, [(hanoi, D(2010, 1, 1), D(2019, 12, 31)), (hcm, D(2020, 1, 1), None)])
    _person("CB2", hanoi, [], rank="", position="", gender="M", leaving_date=D(2024, 6, 30))

    with django_assert_num_queries(1):
        content = people_workbook(Person.objects.order_by("code"))

    header, first, second = _rows(content)
    assert list(header) == [*PEOPLE.headers, UNIT_NAME_HEADER]
    assert first == (
        "CB1",
        "Cán bộ CB1",
        "Nữ",
        dt.datetime(1985, 3, 15),
        "Kiểm sát viên trung cấp",
        "Kiểm sát viên",
        "HCM",
        dt.datetime(2008, 9, 1),
        dt.datetime(2020, 1, 1),
        None,
        "Viện kiểm sát HCM",
    )
    assert second[:3] == ("CB2", "Cán bộ CB2", "Nam")
    assert second[4:6] == (None, None)
    assert second[8:] == (None, dt.datetime(2024, 6, 30), "Viện kiểm sát HN")


@pytest.mark.django_db
def test_query_count_does_not_grow_with_rows(django_assert_num_queries):
    unit = _unit("HN")
    for n in range(30):
        _person(f"CB{n:02}", unit, [(unit, D(2015, 1, 1), None)])

    with django_assert_num_queries(1):
        content = people_workbook(Person.objects.all())

    assert len(_rows(content)) == 31


@pytest.mark.django_db
def test_dates_are_formatted_day_first():
    unit = _unit("HN")
    _person("CB1", unit, [(unit, D(2015, 1, 1), None)])

    sheet = load_workbook(BytesIO(people_workbook(Person.objects.all())))[PEOPLE.name]

    assert sheet["D2"].number_format == "DD/MM/YYYY"
    assert sheet["A1"].font.bold
