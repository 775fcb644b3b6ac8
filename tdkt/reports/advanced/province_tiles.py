"""Where each of the 34 provincial-level units (from 1/7/2025) sits on the tile map of advanced
models: one square per province, north at the top, drawn by the page itself (no map tiles, no
geometry, nothing loaded from outside the server).

How the grid was derived: for each province we took the approximate latitude and longitude of
its seat (the political and administrative centre named by the National Assembly's resolution
202/2025/QH15 on the 2025 mergers, e.g. Yên Bái for the new Lào Cai, Quy Nhơn for Gia Lai, Tân
An for Tây Ninh), to two decimals of a degree. Rows were then entered by hand in order of
latitude (row 0 is the northernmost) and columns in order of longitude (column 0 the
westernmost), squeezing the long, thin central coast so that the map stays compact: the north,
where the seats are close together, gets about 0.3° per row, the centre about one degree. The
coordinates are kept beside the grid so that a test checks the grid keeps the seats' order: a
tile lower on the map is never north of one above it, and a tile further right never holds a
seat more than 0.05° west of one further left.

A province is recognised by the place name that ends its unit's name (``VKSND tỉnh Phú Thọ`` →
*Phú Thọ*), compared without diacritics, so the map does not depend on unit codes.
"""

from dataclasses import dataclass

from tdkt.core.search import fold


@dataclass(frozen=True)
class ProvinceTile:
    """One province on the tile map."""

    name: str
    """The place name, as it ends the provincial procuracy's name."""
    label: str
    """The short text written on the tile."""
    seat: str
    latitude: float
    longitude: float
    row: int
    column: int


def _tile(name, seat, latitude, longitude, row, column, label=None) -> ProvinceTile:
    return ProvinceTile(name, label or name, seat, latitude, longitude, row, column)


TILES: tuple[ProvinceTile, ...] = (
    _tile("Lai Châu", "Lai Châu", 22.40, 103.46, 0, 1),
    _tile("Cao Bằng", "Cao Bằng", 22.67, 106.26, 0, 5),
    _tile("Lào Cai", "Yên Bái", 21.72, 104.90, 1, 2),
    _tile("Tuyên Quang", "Tuyên Quang", 21.82, 105.21, 1, 3),
    _tile("Thái Nguyên", "Thái Nguyên", 21.59, 105.85, 1, 4),
    _tile("Lạng Sơn", "Lạng Sơn", 21.85, 106.76, 1, 6),
    _tile("Điện Biên", "Điện Biên Phủ", 21.39, 103.02, 2, 0),
    _tile("Sơn La", "Sơn La", 21.33, 103.91, 2, 1),
    _tile("Phú Thọ", "Việt Trì", 21.32, 105.40, 2, 3),
    _tile("Hà Nội", "Hà Nội", 21.03, 105.85, 2, 4),
    _tile("Bắc Ninh", "Bắc Giang", 21.27, 106.19, 2, 5),
    _tile("Quảng Ninh", "Hạ Long", 20.95, 107.08, 2, 6),
    _tile("Ninh Bình", "Hoa Lư (Ninh Bình)", 20.25, 105.97, 3, 4),
    _tile("Hưng Yên", "Hưng Yên", 20.65, 106.05, 3, 5),
    _tile("Hải Phòng", "Hải Phòng", 20.86, 106.68, 3, 6),
    _tile("Thanh Hóa", "Thanh Hóa", 19.81, 105.78, 4, 4),
    _tile("Nghệ An", "Vinh", 18.68, 105.68, 5, 4),
    _tile("Hà Tĩnh", "Hà Tĩnh", 18.34, 105.91, 6, 4),
    _tile("Quảng Trị", "Đồng Hới", 17.47, 106.62, 7, 5),
    _tile("Huế", "Huế", 16.46, 107.59, 8, 6),
    _tile("Đà Nẵng", "Đà Nẵng", 16.05, 108.20, 9, 7),
    _tile("Quảng Ngãi", "Quảng Ngãi", 15.12, 108.80, 10, 8),
    _tile("Gia Lai", "Quy Nhơn", 13.78, 109.22, 11, 8),
    _tile("Đắk Lắk", "Buôn Ma Thuột", 12.67, 108.04, 12, 7),
    _tile("Khánh Hòa", "Nha Trang", 12.24, 109.19, 12, 8),
    _tile("Lâm Đồng", "Đà Lạt", 11.94, 108.44, 13, 7),
    _tile("Hồ Chí Minh", "Hồ Chí Minh", 10.78, 106.70, 14, 5, label="TP HCM"),
    _tile("Đồng Nai", "Biên Hòa", 10.95, 106.82, 14, 6),
    _tile("Tây Ninh", "Tân An", 10.54, 106.41, 15, 5),
    _tile("Vĩnh Long", "Vĩnh Long", 10.25, 105.97, 16, 4),
    _tile("Đồng Tháp", "Mỹ Tho", 10.36, 106.36, 16, 5),
    _tile("An Giang", "Rạch Giá", 10.01, 105.08, 17, 3),
    _tile("Cần Thơ", "Cần Thơ", 10.03, 105.78, 17, 4),
    _tile("Cà Mau", "Cà Mau", 9.18, 105.15, 18, 3),
)
"""The 34 provincial-level units from 1/7/2025, north to south."""

ROWS = 1 + max(tile.row for tile in TILES)
COLUMNS = 1 + max(tile.column for tile in TILES)

_BY_FOLDED_NAME = {fold(tile.name): tile for tile in TILES}


def tile_for(unit_name: str) -> ProvinceTile | None:
    """The tile of the province whose procuracy is called ``unit_name``, or None when the name
    does not end with one of the 34 place names."""
    words = fold(unit_name).split(" ")
    for length in (3, 2, 1):
        tile = _BY_FOLDED_NAME.get(" ".join(words[-length:]))
        if tile is not None:
            return tile
    return None
