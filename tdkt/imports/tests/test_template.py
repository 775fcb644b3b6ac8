"""The template workbook: every sheet and header, lists of codes, an example row that is skipped."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.imports.models import ImportStatus
from tdkt.imports.template import INSTRUCTIONS_SHEET, template_workbook
from tdkt.imports.tests.conftest import run_import
from tdkt.imports.validation import NO_ROWS
from tdkt.imports.workbook import SHEETS
from tdkt.people.models import AbsenceReason, FreezeReason, TaskRating


def test_template_download_has_every_sheet_and_header(client, officer):
    client.force_login(officer)

    response = client.get(reverse("imports:template"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-can-bo.xlsx"'
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames[0] == INSTRUCTIONS_SHEET
    for spec in SHEETS:
        sheet = workbook[spec.name]
        assert [cell.value for cell in sheet[1]] == spec.headers
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.cell(row=2, column=1).comment is not None


@pytest.mark.parametrize(
    ("sheet_name", "cell", "choices"),
    [
        ("XepLoai", "C2", TaskRating),
        ("TamDung", "B2", FreezeReason),
        ("NghiPhep", "B2", AbsenceReason),
    ],
)
def test_coded_columns_offer_their_lists(sheet_name, cell, choices):
    workbook = load_workbook(BytesIO(template_workbook()))

    validation = next(
        dv for dv in workbook[sheet_name].data_validations.dataValidation if cell in dv.sqref
    )
    list_sheet, cells = validation.formula1.lstrip("=").split("!")
    assert list_sheet == "'DanhMuc'"
    assert workbook["DanhMuc"].sheet_state == "hidden"
    listed = [row[0].value for row in workbook["DanhMuc"][cells.replace("$", "")]]
    assert listed == [str(label) for _code, label in choices.choices]


def test_instructions_explain_every_column():
    sheet = load_workbook(BytesIO(template_workbook()))[INSTRUCTIONS_SHEET]
    listed = {row[1] for row in sheet.iter_rows(values_only=True) if row and len(row) > 1}

    for spec in SHEETS:
        assert set(spec.headers) <= listed


def test_the_untouched_template_imports_nothing(officer):
    job = run_import(officer, template_workbook(), name="mau-nhap-can-bo.xlsx")

    assert job.status == ImportStatus.FAILED
    assert [error["message"] for error in job.errors] == [NO_ROWS]
