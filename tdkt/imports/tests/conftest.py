"""Fixtures of the import tests: an organisation, users with roles, workbooks built in memory."""

import datetime as dt
from io import BytesIO
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from openpyxl import Workbook

from tdkt.accounts.models import Role, RoleAssignment, User
from tdkt.imports.models import ImportJob
from tdkt.imports.services import import_job_run
from tdkt.imports.workbook import SHEETS_BY_NAME
from tdkt.org.models import UnitType
from tdkt.org.services import unit_create
from tdkt.people.models import Assignment, Person


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _unit(code, unit_type, parent=None, **extra):
    return unit_create(
        code=code,
        short_name=code,
        full_name=f"Đơn vị {code}",
        unit_type=unit_type,
        parent=parent,
        valid_from=extra.pop("valid_from", dt.date(2015, 1, 1)),
        **extra,
    )


@pytest.fixture
def org(db):
    """Supreme procuracy; Hà Nội with a division and a former district; TP HCM."""
    root = _unit("VKSTC", UnitType.SUPREME)
    hanoi = _unit("HN", UnitType.PROVINCIAL, root)
    division = _unit("HN-P1", UnitType.DIVISION, hanoi)
    district = _unit("HN-HUYEN", UnitType.DISTRICT, hanoi, valid_to=dt.date(2025, 6, 30))
    hcm = _unit("HCM", UnitType.PROVINCIAL, root)
    return SimpleNamespace(root=root, hanoi=hanoi, division=division, district=district, hcm=hcm)


def make_user(username, role=None, unit=None, **extra) -> User:
    user = User.objects.create_user(username=username, password="x-Secret-123", **extra)
    if role:
        RoleAssignment.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture
def officer(org):
    """A TĐKT officer of Hà Nội: may import into Hà Nội's subtree only."""
    return make_user("officer", Role.UNIT_OFFICER, org.hanoi)


@pytest.fixture
def leader(org):
    """A leader of Hà Nội: may view but not import."""
    return make_user("leader", Role.LEADER, org.hanoi)


def make_person(code, unit, *, start=dt.date(2019, 1, 1), position="KSV", **fields) -> Person:
    values = {
        "full_name": f"Cán bộ {code}",
        "gender": "M",
        "date_of_birth": dt.date(1980, 1, 1),
        "rank": "KSV_TC",
        "position": position,
        "recruitment_date": dt.date(2005, 1, 1),
        **fields,
    }
    person = Person(code=code, unit=unit, **values)
    person.refresh_derived()
    person.save()
    Assignment.objects.create(person=person, unit=unit, position=position, start=start)
    return person


def build_workbook(sheets: dict[str, list[list]], *, headers: dict | None = None) -> bytes:
    """An .xlsx with the given sheets: the template's header row, then ``rows``."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        sheet.append((headers or {}).get(name, SHEETS_BY_NAME[name].headers))
        for row in rows:
            sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_import(user, content: bytes, name: str = "nhap.xlsx") -> ImportJob:
    """Run an import of ``content`` as ``user`` the way the worker does; return the job."""
    job = ImportJob(created_by=user, original_filename=name)
    job.file.save(name, ContentFile(content), save=False)
    job.save()
    import_job_run(job_id=job.pk)
    job.refresh_from_db()
    return job
