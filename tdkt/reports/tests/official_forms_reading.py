"""Reading a statistics form back from its Excel file, for the tests."""

import posixpath
import zipfile
from dataclasses import dataclass
from io import BytesIO
from xml.etree import ElementTree

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


# --- A second reader: the .xlsx package read with the standard library only -----------------

CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _text(element) -> str:
    """The text of a string item: its ``<t>`` runs joined (rich text has several)."""
    return "".join(t.text or "" for t in element.iter(f"{{{MAIN}}}t"))


def _reference(ref: str) -> tuple[int, int]:
    """``"AB12"`` → ``(12, 28)``."""
    letters = "".join(ch for ch in ref if ch.isalpha())
    return int(ref[len(letters) :]), _column_number(letters)


@dataclass
class Package:
    """What the standard-library reader found in an .xlsx file."""

    sheet_name: str
    dimension: str
    cells: dict[tuple[int, int], object]
    """Every cell holding a value, ``(row, column)`` → text or number."""
    strings: list[str]
    """The texts of the cells, whether kept as shared or as inline strings."""
    merged: list[str]


def read_package(content: bytes) -> Package:
    """Open the file as an Office Open XML package with ``zipfile`` and ``ElementTree`` and
    check its structure on the way: every part the content types name exists and parses, the
    relationships lead from the package to the workbook and from it to its one sheet, strings
    are read whether inline or shared (every shared-string index in range), the sheet's
    declared dimension covers every cell and the number of merged ranges matches its
    ``count``. Empty strings count as no value, as in openpyxl."""
    archive = zipfile.ZipFile(BytesIO(content))
    assert archive.testzip() is None
    names = set(archive.namelist())
    types = ElementTree.fromstring(archive.read("[Content_Types].xml"))
    overrides = {
        o.get("PartName").lstrip("/"): o.get("ContentType")
        for o in types.iter(f"{{{CONTENT_TYPES}}}Override")
    }
    for part in overrides:
        assert part in names, part
        ElementTree.fromstring(archive.read(part))
    root_rels = ElementTree.fromstring(archive.read("_rels/.rels"))
    (office,) = [
        r.get("Target").lstrip("/")
        for r in root_rels.iter(f"{{{PACKAGE_RELS}}}Relationship")
        if r.get("Type").endswith("/officeDocument")
    ]
    assert overrides[office] == SHEET_MAIN
    workbook = ElementTree.fromstring(archive.read(office))
    (sheet,) = workbook.iter(f"{{{MAIN}}}sheet")
    folder = posixpath.dirname(office)
    rels_part = posixpath.join(folder, "_rels", posixpath.basename(office) + ".rels")
    targets = {
        r.get("Id"): r.get("Target")
        for r in ElementTree.fromstring(archive.read(rels_part)).iter(
            f"{{{PACKAGE_RELS}}}Relationship"
        )
    }
    target = targets[sheet.get(f"{{{OFFICE_RELS}}}id")]
    sheet_part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    assert overrides[sheet_part] == WORKSHEET
    shared = [
        _text(si)
        for part, kind in overrides.items()
        if kind == SHARED_STRINGS
        for si in ElementTree.fromstring(archive.read(part)).iter(f"{{{MAIN}}}si")
    ]
    xml = ElementTree.fromstring(archive.read(sheet_part))
    cells, refs = {}, []
    for c in xml.iter(f"{{{MAIN}}}c"):
        position = _reference(c.get("r"))
        refs.append(position)
        v = c.find(f"{{{MAIN}}}v")
        if c.get("t") == "inlineStr":
            inline = c.find(f"{{{MAIN}}}is")
            if inline is not None and _text(inline):
                cells[position] = _text(inline)
        elif v is None or v.text is None:
            continue
        elif c.get("t") == "s":
            index = int(v.text)
            assert 0 <= index < len(shared)
            cells[position] = shared[index]
        elif c.get("t") == "str":
            cells[position] = v.text
        else:
            number = float(v.text)
            cells[position] = int(number) if number.is_integer() else number
    dimension = xml.find(f"{{{MAIN}}}dimension").get("ref")
    first, last = (_reference(part) for part in dimension.split(":"))
    assert all(first[0] <= r <= last[0] and first[1] <= c <= last[1] for r, c in refs)
    merge_cells = xml.find(f"{{{MAIN}}}mergeCells")
    merged = [m.get("ref") for m in merge_cells.iter(f"{{{MAIN}}}mergeCell")]
    assert int(merge_cells.get("count")) == len(merged)
    strings = [value for value in cells.values() if isinstance(value, str)]
    return Package(sheet.get("name"), dimension, cells, strings, merged)
