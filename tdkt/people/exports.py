"""Excel export of the people list, in the layout of the import template's "CanBo" sheet.

An exported file can be imported again unchanged: same sheet name, same headers in the same
order, labels the importer accepts, plus the unit's name as an extra trailing column that the
importer ignores.
"""

from io import BytesIO

from django.db.models import OuterRef, QuerySet, Subquery
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tdkt.imports.workbook import DATE, PEOPLE
from tdkt.people.models import Assignment, Person

UNIT_NAME_HEADER = "Tên đơn vị"
DATE_FORMAT = "DD/MM/YYYY"
CHUNK = 2000


def people_workbook(persons: QuerySet[Person]) -> bytes:
    """The persons as an .xlsx file with one "CanBo" sheet; one query whatever their number.

    ``Ngày bắt đầu tại đơn vị`` is the start of each person's latest assignment. The caller
    scopes and orders ``persons``; rows are streamed (openpyxl write-only mode).
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(PEOPLE.name)
    for index, column in enumerate(PEOPLE.columns):
        sheet.column_dimensions[get_column_letter(index + 1)].width = column.width
    sheet.column_dimensions[get_column_letter(len(PEOPLE.columns) + 1)].width = 40
    sheet.freeze_panes = "A2"
    sheet.append(_header(sheet))
    for person in _with_unit_start(persons).iterator(chunk_size=CHUNK):
        sheet.append(_row(sheet, person))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_unit_start(persons: QuerySet[Person]) -> QuerySet[Person]:
    latest = Assignment.objects.filter(person=OuterRef("pk")).order_by("-start", "-pk")
    return persons.select_related("unit").annotate(
        export_unit_start=Subquery(latest.values("start")[:1])
    )


def _header(sheet) -> list[WriteOnlyCell]:
    bold = Font(bold=True)
    cells = []
    for header in [*PEOPLE.headers, UNIT_NAME_HEADER]:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        cells.append(cell)
    return cells


def _row(sheet, person: Person) -> list[WriteOnlyCell]:
    values = {
        "person_code": person.code,
        "full_name": person.full_name,
        "gender": str(person.get_gender_display()),
        "date_of_birth": person.date_of_birth,
        "rank": str(person.get_rank_display()) if person.rank else None,
        "position": str(person.get_position_display()) if person.position else None,
        "unit_code": person.unit.code,
        "recruitment_date": person.recruitment_date,
        "unit_start": person.export_unit_start,
        "leaving_date": person.leaving_date,
    }
    cells = []
    for column in PEOPLE.columns:
        cell = WriteOnlyCell(sheet, value=values[column.key])
        if column.kind == DATE:
            cell.number_format = DATE_FORMAT
        cells.append(cell)
    cells.append(WriteOnlyCell(sheet, value=person.unit.full_name))
    return cells
