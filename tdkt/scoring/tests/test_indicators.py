"""Indicator import: all or nothing with errors by row and column, scoped, feeding computed
criteria of draft scorecards only."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tdkt.core.errors import DomainError
from tdkt.scoring.models import CriterionKind, IndicatorValue
from tdkt.scoring.services import cards, indicators
from tdkt.scoring.services import tables as table_services
from tdkt.scoring.tests.builders import make_table, score_all

pytestmark = pytest.mark.django_db

HEADER = "Mã đơn vị;Năm;Mã chỉ tiêu;Giá trị\n"
MISSING = "Mã đơn vị, Mã chỉ tiêu, Giá trị"


def _csv(body: str, name="chi-tieu.csv"):
    return SimpleUploadedFile(name, (HEADER + body).encode("utf-8"))


@pytest.fixture
def computed_table(db):
    """A 2026 table whose first criterion (10 points) is computed from TL_GQ (full at 90)."""
    table = make_table(year_from=2026, publish=False)
    first = table.criteria.get(code="1")
    table_services.criterion_save(
        table=table, expected_version=None, criterion=first, group=first.group, code="1",
        title=first.title, kind=CriterionKind.STANDARD, max_points=Decimal("10"),
        indicator_code="TL_GQ", indicator_target=Decimal("90"),
    )  # fmt: skip
    table.refresh_from_db()
    table_services.table_publish(table=table, expected_version=None, user=None)
    return table


def test_points_are_proportional_to_the_target_and_capped(computed_table):
    criterion = computed_table.criteria.get(code="1")
    assert criterion.points_from(Decimal("45")) == Decimal("5.00")
    assert criterion.points_from(Decimal("95")) == Decimal("10")
    assert criterion.points_from(Decimal("-3")) == Decimal("0")
    assert criterion.points_from(Decimal("80")) == Decimal("8.89")  # rounded half up


def test_import_saves_all_rows_and_replaces_earlier_values(org, users):
    result = indicators.indicators_import(
        upload=_csv("T-HN;2026;TL_GQ;81,5\nT-PT2025;2026;TL_GQ;90\n"), user=users["sector"]
    )
    assert (result.errors, result.saved) == ([], 2)
    indicators.indicators_import(upload=_csv("T-HN;2026;TL_GQ;70\n"), user=users["sector"])
    assert IndicatorValue.objects.get(unit=org.hanoi).value == Decimal("70")
    assert IndicatorValue.objects.count() == 2


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_saved(users):
    body = "T-HN;2026;TL_GQ;12\nXYZ;2026;TL_GQ;1\nT-HN;20x6;tl gq;abc\nT-HN;2026;TL_GQ;5\n"
    result = indicators.indicators_import(upload=_csv(body), user=users["sector"])
    found = [(e.row, e.column) for e in result.errors]
    assert found == [
        (3, "Mã đơn vị"), (4, "Năm"), (4, "Mã chỉ tiêu"), (4, "Giá trị"), (5, "Mã chỉ tiêu"),
    ]  # fmt: skip
    assert "dòng 2" in result.errors[-1].message
    assert not IndicatorValue.objects.exists()


def test_units_out_of_reach_are_refused(users):
    result = indicators.indicators_import(
        upload=_csv("T-PT2025;2026;TL_GQ;12\n"), user=users["hanoi_officer"]
    )
    assert result.errors[0].message == indicators.UNIT_UNKNOWN % {"value": "T-PT2025"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01garbage", indicators.FILE_UNREADABLE),
        ("Đơn vị;Năm\nT-HN;2026\n".encode(), indicators.MISSING_COLUMNS % {"columns": MISSING}),
        (b"PK\x03\x04broken zip", indicators.FILE_UNREADABLE),
        (HEADER.encode(), indicators.EMPTY_FILE),
    ],
)
def test_unreadable_files_get_a_clear_message(users, content, message):
    with pytest.raises(DomainError) as caught:
        indicators.indicators_import(
            upload=SimpleUploadedFile("x.csv", content), user=users["sector"]
        )
    assert caught.value.message == message


def test_xlsx_files_are_read_too(org, users):
    workbook = Workbook()
    workbook.active.append(["Giá trị", "Mã chỉ tiêu", "Năm", "Mã đơn vị"])
    workbook.active.append([88, "TL_GQ", 2026, "T-HN"])
    buffer = BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("chi-tieu.xlsx", buffer.getvalue())
    result = indicators.indicators_import(upload=upload, user=users["sector"])
    assert result.saved == 1 and IndicatorValue.objects.get().value == Decimal("88")


def test_indicators_feed_draft_scorecards_only(org, cluster, users, computed_table):
    hanoi, phu_tho = users["hanoi_officer"], users["phu_tho_officer"]
    draft = cards.scorecard_start(cluster=cluster, unit=org.hanoi, user=hanoi)
    done = score_all(
        cards.scorecard_start(cluster=cluster, unit=org.phu_tho, user=phu_tho), phu_tho
    )
    cards.scorecard_submit(scorecard=done, expected_version=done.version, user=phu_tho)
    result = indicators.indicators_import(
        upload=_csv("T-HN;2026;TL_GQ;45\nT-PT2025;2026;TL_GQ;45\n"), user=users["sector"]
    )
    assert result.refreshed == 1
    criterion = computed_table.criteria.get(code="1")
    entry = draft.entries.get(criterion=criterion)
    assert entry.points == Decimal("5.00") and "TL_GQ" in entry.note
    assert done.entries.get(criterion=criterion).points == Decimal("8")
    # typed points on a computed criterion are ignored, even out of range
    draft.refresh_from_db()
    cards.scorecard_save(
        scorecard=draft, expected_version=draft.version, user=hanoi,
        points={criterion.pk: Decimal("99")},
    )  # fmt: skip
    assert draft.entries.get(criterion=criterion).points == Decimal("5.00")


def test_new_scorecards_start_with_computed_points(org, cluster, users, computed_table):
    indicators.indicators_import(upload=_csv("T-HN;2026;TL_GQ;90\n"), user=users["sector"])
    card = cards.scorecard_start(cluster=cluster, unit=org.hanoi, user=users["hanoi_officer"])
    assert card.entries.get().points == Decimal("10")


def test_import_page_scope_errors_and_template(client, org, users):
    url = reverse("scoring:indicators")
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404
    client.force_login(users["hanoi_leader"])
    assert client.get(url).status_code == 200
    assert client.post(url, {"file": _csv("T-HN;2026;TL_GQ;1\n")}).status_code == 404
    client.force_login(users["hanoi_officer"])
    response = client.post(url, {"file": _csv("T-PT2025;2026;TL_GQ;1\n")})
    assert response.status_code == 400 and "import-errors" in response.content.decode()
    response = client.post(url, {"file": _csv("T-HN;2026;TL_GQ;1\n")}, follow=True)
    assert "Đã nhập 1 giá trị chỉ tiêu" in response.content.decode()
    client.force_login(users["phu_tho_officer"])
    assert "TL_GQ" not in client.get(url).content.decode()  # Hà Nội's value is out of reach
    sheet = load_workbook(BytesIO(client.get(reverse("scoring:indicator-template")).content)).active
    assert [c.value for c in sheet[1]] == ["Mã đơn vị", "Năm", "Mã chỉ tiêu", "Giá trị"]


def test_scorecard_page_shows_computed_points_read_only(
    client, org, cluster, users, computed_table
):
    indicators.indicators_import(upload=_csv("T-HN;2026;TL_GQ;72\n"), user=users["sector"])
    card = cards.scorecard_start(cluster=cluster, unit=org.hanoi, user=users["hanoi_officer"])
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("scoring:scorecard", args=[card.pk])).content.decode()
    criterion = computed_table.criteria.get(code="1")
    assert "Tính từ chỉ tiêu TL_GQ = 72" in page
    field = page.split(f'name="c_{criterion.pk}"')[1].split(">")[0]
    assert "disabled" in field and 'value="8.00"' in field
