"""Reading a statistics form back from its Excel file, for the tests."""

from io import BytesIO

from openpyxl import load_workbook

from tdkt.reports.official_forms.layouts import FormLayout


def read_form(content: bytes, layout: FormLayout):
    """The sheet, its figures as ``{(row_key, column_key): value}`` and the shaded cells."""
    sheet = load_workbook(BytesIO(content)).active
    head = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "Mã số")
    numbers = head + layout.header_depth()
    fixed = 3 if layout.measure_column else 2
    leaves = layout.leaves()
    values, shaded = {}, set()
    for offset, row in enumerate(layout.rows, start=1):
        r = numbers + offset
        assert sheet.cell(r, 1).value == row.label
        if row.section:
            continue
        assert (sheet.cell(r, 2).value or "") == row.code
        for index, leaf in enumerate(leaves, start=1):
            cell = sheet.cell(r, fixed + index)
            values[(row.key, leaf.key)] = cell.value
            if cell.fill.fgColor.rgb not in (None, "00000000"):
                shaded.add((row.key, leaf.key))
    return sheet, head, values, shaded


def sheet_texts(sheet) -> list[str]:
    return [
        str(cell.value)
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None and isinstance(cell.value, str)
    ]
