"""An export of the people list imports back without changing anything."""

import datetime as dt

from tdkt.imports.models import ImportStatus
from tdkt.imports.tests.conftest import build_workbook, make_person, run_import
from tdkt.people.exports import people_workbook
from tdkt.people.models import Assignment, Person

D = dt.date


def test_export_then_import_leaves_everything_unchanged(officer, org):
    make_person("CB1", org.hanoi, start=D(2010, 1, 1))
    make_person("CB2", org.division, start=D(2021, 6, 1), rank="", position="")
    new_row = ["CB3", "Vũ Thị M", "Nữ", D(1992, 2, 2), "CV", "CV", "HN-P1", D(2016, 3, 1)]
    run_import(officer, build_workbook({"CanBo": [new_row]}))
    history = (Person.history.count(), Assignment.history.count())
    versions = dict(Person.objects.values_list("code", "version"))

    exported = people_workbook(Person.objects.restrict(officer, "view").order_by("code"))
    job = run_import(officer, exported, name="xuat.xlsx")

    assert job.status == ImportStatus.SUCCEEDED, job.errors
    assert job.counts == {"CanBo": {"created": 0, "updated": 0, "unchanged": 3}}
    assert (Person.history.count(), Assignment.history.count()) == history
    assert dict(Person.objects.values_list("code", "version")) == versions
