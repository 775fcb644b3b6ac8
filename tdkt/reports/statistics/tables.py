"""The shape every statistics table takes, whatever it counts: rows of cells, each cell carrying
the filters of the list behind it, so a page, a workbook and the API show the same figures."""

from dataclasses import dataclass, field
from decimal import Decimal

AWARDS = "awards"
LINES = "lines"
REGISTRATIONS = "registrations"
"""Which drill-down list a table's figures open."""


@dataclass(frozen=True)
class Cell:
    """One figure. ``drill`` holds the filters (added to the scope's) of the list behind it;
    ``None`` when the figure is not a count of rows (an average) and opens nothing."""

    value: int | float | Decimal | None
    drill: dict[str, str] | None = None


@dataclass
class Row:
    label: str
    cells: list[Cell]
    key: str = ""
    """The value of the table's dimension (a code, a year, a unit id)."""


@dataclass
class Table:
    """A titled table of figures; ``target`` names the list its figures open."""

    slug: str
    title: str
    columns: list[str]
    rows: list[Row]
    target: str
    note: str = ""
    total: Row | None = None
    chart: dict | None = field(default=None)
    """Chart.js data (type, labels, datasets) drawn beside the table, or none."""

    @property
    def all_rows(self) -> list[Row]:
        return [*self.rows, self.total] if self.total else list(self.rows)


def count(value, **drill) -> Cell:
    return Cell(value, {k: str(v) for k, v in drill.items()})


def share(part: int, whole: int) -> float | None:
    """``part / whole`` as a percentage with one decimal, or ``None`` when ``whole`` is 0."""
    return round(100 * part / whole, 1) if whole else None


def chart(kind: str, labels: list[str], datasets: list[dict], links: list[dict] | None = None):
    """Chart.js data. ``links`` are the drill filters of each label; a dataset may carry its
    own ``filters`` (its series: a year, a level), added to every label's. The result's
    ``links[d][i]`` are the filters of the list behind point ``i`` of dataset ``d``, so a
    click on any bar, point or slice opens its own list (empty without ``links``)."""
    shown, matrix = [], []
    for dataset in datasets:
        series = {k: str(v) for k, v in (dataset.get("filters") or {}).items()}
        shown.append({k: v for k, v in dataset.items() if k != "filters"})
        matrix.append([{**link, **series} for link in links] if links else [])
    return {"type": kind, "labels": labels, "datasets": shown, "links": matrix}
