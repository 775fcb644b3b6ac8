"""The tile map of advanced models by province: the places of the 34 provinces, the counts on
the tiles and in the table, the units above the provinces, the user's scope and the queries."""

from collections import Counter
from itertools import combinations

import pytest
from django.urls import reverse

from tdkt.accounts.models import Role
from tdkt.core.search import fold
from tdkt.demo import geography
from tdkt.reports.advanced.province_tiles import TILES, tile_for
from tdkt.reports.advanced.selectors import shade
from tdkt.reports.tests.test_advanced_models import _model
from tdkt.testing import make_person, make_user

MAP = reverse("advanced_models:by-province")


def _demo_province_names() -> list[str]:
    """The names of the demo's provincial procuracies valid from 1/7/2025, built the way the
    demo builds them (``tdkt/demo/provinces.py``)."""
    names = [f"VKSND {geography.PROVINCES_BY_ABBR[abbr].title}" for abbr in geography.UNMERGED]
    names += [f"VKSND {kind} {name}" for name, kind, _olds in geography.MERGERS]
    return names


def test_every_demo_province_has_its_own_tile():
    names = _demo_province_names()
    assert len(names) == 34
    tiles = [tile_for(name) for name in names]
    assert None not in tiles
    assert {tile.name for tile in tiles} == {tile.name for tile in TILES}
    assert len({(tile.row, tile.column) for tile in TILES}) == len(TILES) == 34


def test_the_grid_keeps_north_at_the_top_and_west_on_the_left():
    for a, b in combinations(TILES, 2):
        if a.row != b.row:
            north, south = (a, b) if a.row < b.row else (b, a)
            assert north.latitude > south.latitude, (north.name, south.name)
        if a.column != b.column:
            west, east = (a, b) if a.column < b.column else (b, a)
            assert west.longitude < east.longitude + 0.05, (west.name, east.name)


def test_tiles_are_found_by_place_name_without_diacritics_or_codes():
    assert tile_for("VKSND tỉnh Phú Thọ").name == "Phú Thọ"
    assert tile_for("Viện kiểm sát nhân dân Thành phố Hồ Chí Minh").name == "Hồ Chí Minh"
    assert tile_for("VKSND TINH DAK LAK").name == "Đắk Lắk"
    assert tile_for("VKSND tỉnh Hà Nam") is None
    assert tile_for("Văn phòng VKSND tối cao") is None


@pytest.mark.parametrize("top", [1, 2, 3, 4, 5, 9, 40])
def test_shades_rise_with_the_count(top):
    levels = [shade(n, top) for n in range(0, top + 1)]
    assert levels[0] == 0 and levels[-1] == 4
    assert all(1 <= level <= 4 for level in levels[1:])
    assert levels == sorted(levels)


@pytest.fixture
def spread_models(users, people, org, db):
    """Two models of Hà Nội, one of Phú Thọ, one of the Supreme Procuracy's office and one of a
    district of Hòa Bình (a province ended on 30/6/2025)."""
    sector = users["sector"]
    office_person = make_person(org.office, "Ngô Thị Hạnh", gender="F")
    return [
        _model(sector, person=people["duc"], title="Hà Nội 1"),
        _model(sector, collective=org.hanoi_division, title="Hà Nội 2"),
        _model(sector, person=people["phu_tho"], title="Phú Thọ 1"),
        _model(sector, person=office_person, title="Văn phòng 1"),
        _model(sector, person=people["hoa_binh_left"], title="Hòa Bình 1"),
    ]


def _tiles(response) -> dict:
    return {t.place.name: t for t in response.context["map"].tiles}


def test_the_sector_officer_sees_every_count(client, users, org, spread_models):
    expected = Counter(m.province_id for m in spread_models)
    client.force_login(users["sector"])
    response = client.get(MAP)
    assert response.status_code == 200
    result = response.context["map"]
    tiles = _tiles(response)
    assert tiles["Hà Nội"].row.models == expected[org.hanoi.pk] == 2
    assert tiles["Phú Thọ"].row.models == expected[org.phu_tho.pk] == 1
    assert tiles["Hà Nội"].level == 4 and tiles["Phú Thọ"].level == 2
    assert result.above.models == expected[None] == 1 and result.shows_above
    assert [(o.unit_id, o.models) for o in result.owners] == [(org.office.pk, 1)]
    assert [(r.province, r.models) for r in result.ended] == [(org.hoa_binh, 1)]
    assert result.total == len(spread_models)
    table = {r.province: r.models for r in result.provinces}
    assert table == {org.hanoi: 2, org.phu_tho: 1, org.hoa_binh: 1}
    html = response.content.decode()
    link = f'{reverse("advanced_models:list")}?province={org.hanoi.pk}"'
    assert link in html
    tile_html = html.split('data-province="Hà Nội"', 1)[1].split("</a>", 1)[0]
    assert '<span class="count">2</span>' in tile_html
    assert f"?province=0&amp;owner={org.office.pk}" in html


def test_a_province_officer_sees_only_their_province(client, users, org, spread_models):
    client.force_login(users["hanoi_officer"])
    response = client.get(MAP)
    result = response.context["map"]
    tiles = _tiles(response)
    assert tiles["Hà Nội"].row.models == 2
    assert tiles["Phú Thọ"].row is None
    assert [r.province for r in result.provinces] == [org.hanoi]
    assert result.owners == [] and result.ended == [] and result.above.models == 0
    assert not result.shows_above
    assert result.total == 2
    html = response.content.decode()
    assert f"?province={org.phu_tho.pk}" not in html
    assert "Phú Thọ 1" not in html


def test_an_area_officer_sees_the_tile_of_the_province_above(client, org, spread_models):
    user = make_user("tdkt.kv.pt", (Role.UNIT_OFFICER, org.area_phu_tho_1))
    client.force_login(user)
    tiles = _tiles(client.get(MAP))
    assert tiles["Phú Thọ"].row.models == 1
    assert tiles["Hà Nội"].row is None


def test_the_year_filter_and_bad_years(client, users, org, spread_models):
    from tdkt.reports.models import AdvancedModel

    AdvancedModel.objects.filter(title="Hà Nội 2").update(year=2023)
    client.force_login(users["sector"])
    response = client.get(MAP, {"year": 2023})
    assert _tiles(response)["Hà Nội"].row.models == 1
    assert response.context["map"].total == 1
    for bad in ("abc", "1990", "99999999999999999999999"):
        response = client.get(MAP, {"year": bad})
        assert response.status_code == 200
        assert response.context["map"].total == len(spread_models)
        assert response.context["filter"].errors


def test_the_owner_filter_of_the_list_is_scoped(client, users, org, spread_models):
    url = reverse("advanced_models:list")
    client.force_login(users["sector"])
    response = client.get(url, {"province": "0", "owner": org.office.pk})
    assert [m.title for m in response.context["page"]] == ["Văn phòng 1"]
    assert response.context["owner_name"] == org.office.full_name
    assert client.get(url, {"owner": "abc"}).status_code == 200
    client.force_login(users["hanoi_officer"])
    response = client.get(url, {"owner": org.office.pk})
    assert response.context["page"].paginator.count == 0
    assert response.context["owner_name"] == ""


def test_map_queries_do_not_grow_with_models(client, users, people, org, django_assert_num_queries):
    client.force_login(users["sector"])
    _model(users["sector"], person=people["duc"])
    client.get(MAP)  # the session and the user's reach are loaded once per request
    with django_assert_num_queries(9):
        client.get(MAP)
    for index in range(12):
        _model(users["sector"], person=people["phu_tho"], title=f"Điển hình {index}")
        _model(users["sector"], person=people["hoa_binh_left"], title=f"Cũ {index}")
    with django_assert_num_queries(9):
        response = client.get(MAP)
    assert fold(response.context["map"].ended[0].province.short_name) == "vksnd tinh hoa binh"


def test_units_above_the_provinces_show_for_whoever_reaches_them(client, users, people, org):
    _model(users["sector"], person=people["duc"])
    client.force_login(users["sector"])
    result = client.get(MAP).context["map"]
    assert result.shows_above and result.above.models == 0 and result.owners == []
    office_officer = make_user("tdkt.vp", (Role.UNIT_OFFICER, org.office))
    client.force_login(office_officer)
    response = client.get(MAP)
    assert response.context["map"].shows_above
    assert all(t.row is None for t in response.context["map"].tiles)
    assert "Trung ương, quân sự (không thuộc tỉnh, thành phố)" in response.content.decode()
