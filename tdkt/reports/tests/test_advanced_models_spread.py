"""The spread of advanced models by year: on a model's page (per year and cumulative, with its
chart), across the models a user reaches (the "lan tỏa theo năm" table) and the list of
adoptions behind each figure; figures are recomputed here from the adoptions as written."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from tdkt.reports.advanced import services
from tdkt.reports.advanced.spread import model_spread
from tdkt.reports.tests.test_advanced_models import _model

ADOPTIONS = reverse("advanced_models:adoptions")

# (model, unit code, date) as written by the fixture below.
WRITTEN = [
    ("hanoi", "T-HN-P01", dt.date(2024, 3, 1)),
    ("hanoi", "KV-HN-01", dt.date(2024, 9, 30)),
    ("hanoi", "T-PT2025", dt.date(2025, 7, 2)),
    ("hanoi", "KV-PT-01", dt.date(2025, 12, 31)),
    ("phu_tho", "KV-PT-01", dt.date(2025, 1, 2)),
    ("phu_tho", "T-HN", dt.date(2025, 6, 5)),
]


@pytest.fixture
def spread(users, people, org):
    models = {
        "hanoi": _model(users["hanoi_officer"], person=people["duc"]),
        "phu_tho": _model(users["phu_tho_officer"], collective=org.area_phu_tho_1, title="Tập thể"),
    }
    for key, code, day in WRITTEN:
        services.adoption_add(model=models[key], user=None, unit_code=code, adopted_on=day)
    return models


def _expected_model_years(key, first_year):
    """Per year from the model's year to this year: (year, adopted that year, so far)."""
    rows, total = [], 0
    for year in range(first_year, timezone.localdate().year + 1):
        count = sum(1 for k, _code, day in WRITTEN if k == key and day.year == year)
        total += count
        rows.append((year, count, total))
    return rows


def _expected_sector_years(keys):
    days = [(k, code, day) for k, code, day in WRITTEN if k in keys]
    years = range(min(d.year for *_, d in days), max(d.year for *_, d in days) + 1)
    rows, total = [], 0
    for year in years:
        that_year = [(k, code) for k, code, day in days if day.year == year]
        total += len(that_year)
        models = len({k for k, _ in that_year})
        units = len({code for _, code in that_year})
        rows.append((year, len(that_year), models, units, total))
    return rows


def test_model_page_shows_the_spread_by_year(client, users, spread):
    model = spread["hanoi"]
    client.force_login(users["hanoi_officer"])
    response = client.get(reverse("advanced_models:detail", args=[model.pk]))
    got = [(y.year, y.adopted, y.cumulative) for y in response.context["spread"]]
    assert got == _expected_model_years("hanoi", model.year)
    chart = response.context["spread_chart"]
    assert chart["labels"] == [str(year) for year, _n, _t in got]
    assert chart["datasets"][0]["data"] == [n for _y, n, _t in got]
    assert chart["datasets"][1]["data"] == [t for _y, _n, t in got]
    html = response.content.decode()
    assert 'id="spread-chart-data"' in html and "chart.umd.min.js" in html
    assert '<tr data-year="2024"><th scope="row" class="fw-normal">2024</th>' in html


def test_a_model_without_adoptions_has_no_chart(client, users, people):
    model = _model(users["hanoi_officer"], person=people["duc"], title="Chưa lan tỏa")
    client.force_login(users["hanoi_officer"])
    response = client.get(reverse("advanced_models:detail", args=[model.pk]))
    assert response.context["spread"] == []
    assert "chart.umd.min.js" not in response.content.decode()


def test_model_spread_runs_to_the_last_adoption_or_this_year():
    class A:
        def __init__(self, day):
            self.adopted_on = day

    years = model_spread(
        [A(dt.date(2021, 5, 1)), A(dt.date(2023, 1, 1)), A(dt.date(2023, 2, 1))],
        first_year=2020,
        today=dt.date(2022, 6, 1),
    )
    assert [(y.year, y.adopted, y.cumulative) for y in years] == [
        (2020, 0, 0), (2021, 1, 1), (2022, 0, 1), (2023, 2, 3),
    ]  # fmt: skip


@pytest.mark.parametrize("page", ["advanced_models:list", "advanced_models:by-province"])
def test_sector_spread_counts_the_models_in_reach(client, users, spread, page):
    client.force_login(users["sector"])
    rows = client.get(reverse(page)).context["spread"]
    got = [(y.year, y.adoptions, y.models, y.units, y.cumulative) for y in rows]
    assert got == _expected_sector_years({"hanoi", "phu_tho"})
    client.force_login(users["hanoi_officer"])
    rows = client.get(reverse(page)).context["spread"]
    got = [(y.year, y.adoptions, y.models, y.units, y.cumulative) for y in rows]
    assert got == _expected_sector_years({"hanoi"})


def test_each_year_drills_to_its_adoptions(client, users, spread):
    client.force_login(users["sector"])
    html = client.get(reverse("advanced_models:by-province")).content.decode()
    assert f'href="{ADOPTIONS}?adopted_year=2025"' in html
    response = client.get(ADOPTIONS, {"adopted_year": 2025})
    assert response.status_code == 200
    got = sorted((a.model.title, a.unit.code, a.adopted_on) for a in response.context["page"])
    titles = {"hanoi": spread["hanoi"].title, "phu_tho": spread["phu_tho"].title}
    assert got == sorted((titles[k], code, day) for k, code, day in WRITTEN if day.year == 2025)


def test_the_drill_keeps_the_filters_of_the_list(client, users, spread, org):
    client.force_login(users["sector"])
    response = client.get(reverse("advanced_models:list"), {"province": org.phu_tho.pk})
    assert [(y.year, y.adoptions) for y in response.context["spread"]] == [(2025, 2)]
    assert f"?adopted_year=2025&amp;province={org.phu_tho.pk}" in response.content.decode()
    response = client.get(ADOPTIONS, {"adopted_year": 2025, "province": org.phu_tho.pk})
    assert {a.unit.code for a in response.context["page"]} == {"KV-PT-01", "T-HN"}


def test_adoptions_are_scoped_and_bad_input_is_explained(client, users, spread):
    client.force_login(users["hanoi_officer"])
    response = client.get(ADOPTIONS)
    assert {a.model_id for a in response.context["page"]} == {spread["hanoi"].pk}
    response = client.get(ADOPTIONS, {"adopted_year": "abc", "year": "99999999999999999999"})
    assert response.status_code == 200
    assert "adopted_year" in response.context["filter"].errors
    assert response.context["page"].paginator.count == 4
    client.force_login(users["phu_tho_officer"])
    response = client.get(ADOPTIONS, {"adopted_year": 2024})
    assert response.context["page"].paginator.count == 0


def test_spread_chart_data_is_valid_json_in_the_page(client, users, spread):
    client.force_login(users["hanoi_officer"])
    html = client.get(reverse("advanced_models:detail", args=[spread["hanoi"].pk])).content
    text = html.decode().split('id="spread-chart-data" type="application/json">', 1)[1]
    data = json.loads(text.split("</script>", 1)[0])
    assert [d["type"] for d in data["datasets"]] == ["bar", "line"]


def _add_adoptions(model, count, start):
    from tdkt.org.models import Unit
    from tdkt.org.services import unit_create

    root = Unit.objects.get(code="VKSNDTC")
    for index in range(count):
        unit = unit_create(
            code=f"X-{start + index}", short_name=f"Đơn vị {start + index}",
            full_name=f"Đơn vị {start + index}", unit_type="SUPREME_UNIT", parent=root,
            valid_from=dt.date(2015, 1, 1),
        )  # fmt: skip
        day = dt.date(2024 + index % 2, 1 + index % 12, 1)
        services.adoption_add(model=model, user=None, unit_code=unit.code, adopted_on=day)


@pytest.mark.parametrize(
    ("name", "queries"),
    [("detail", 11), ("adoptions", 8), ("list", 9), ("by-province", 9)],
)
def test_spread_pages_run_a_fixed_number_of_queries(
    client, users, people, django_assert_num_queries, name, queries
):
    model = _model(users["sector"], person=people["duc"])
    url = reverse(f"advanced_models:{name}", args=[model.pk] if name == "detail" else [])
    client.force_login(users["sector"])
    _add_adoptions(model, 1, 0)
    client.get(url)
    with django_assert_num_queries(queries):
        client.get(url)
    _add_adoptions(model, 14, 1)
    with django_assert_num_queries(queries):
        client.get(url)


def test_an_owner_beyond_any_id_is_refused_not_a_server_error(client, users, spread):
    client.force_login(users["hanoi_officer"])
    huge = "99999999999999999999999"
    for url in (reverse("advanced_models:list"), ADOPTIONS):
        response = client.get(url, {"owner": huge})
        assert response.status_code == 200
        assert "owner" in response.context["filter"].errors
