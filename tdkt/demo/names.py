"""Synthetic Vietnamese personal names: family name, middle name(s) and given name.

Frequencies are rough national shares. Names are gender-consistent (*Văn* and male given names
for men, *Thị* and female given names for women) and written with composed (NFC) diacritics.
"""

import itertools
import random
import unicodedata

FEATURED_NAME = "Đặng Văn Đức"
"""The one name the generator never draws: it belongs to the featured demo person."""

_FAMILY = (
    ("Nguyễn", 315),
    ("Trần", 109),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 51),
    ("Phan", 45),
    ("Vũ", 39),
    ("Võ", 25),
    ("Đặng", 21),
    ("Huỳnh", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Đinh", 9),
    ("Đoàn", 7),
    ("Hà", 6),
    ("Trịnh", 6),
    ("Lương", 5),
    ("Mai", 5),
    ("Cao", 5),
    ("Lý", 5),
    ("Lâm", 4),
    ("Tô", 3),
    ("Chu", 3),
    ("Lưu", 3),
    ("Tạ", 3),
    ("Nông", 3),
    ("Kiều", 2),
    ("Quách", 2),
    ("Triệu", 2),
    ("Thái", 2),
    ("Vương", 2),
    ("Tăng", 1),
    ("La", 1),
    ("Lò", 1),
    ("Hứa", 1),
    ("Khổng", 1),
    ("Âu", 1),
)
_MALE_MIDDLE = (
    ("Văn", 300),
    ("Đức", 80),
    ("Minh", 80),
    ("Quang", 60),
    ("Hữu", 60),
    ("Đình", 50),
    ("Công", 50),
    ("Thanh", 50),
    ("Xuân", 40),
    ("Ngọc", 40),
    ("Trọng", 40),
    ("Quốc", 40),
    ("Hoàng", 30),
    ("Anh", 30),
    ("Việt", 30),
    ("Mạnh", 30),
    ("Duy", 30),
    ("Thế", 30),
    ("Tiến", 20),
    ("Tuấn", 20),
    ("Bá", 20),
    ("Khắc", 20),
    ("Hải", 20),
    ("Trung", 20),
    ("Chí", 20),
    ("Phú", 10),
    ("Kim", 10),
    ("Nhật", 10),
)
_FEMALE_MIDDLE = (
    ("Thị", 400),
    ("Thu", 60),
    ("Ngọc", 60),
    ("Thanh", 60),
    ("Minh", 40),
    ("Hồng", 40),
    ("Phương", 30),
    ("Thúy", 30),
    ("Thùy", 30),
    ("Kim", 30),
    ("Bích", 20),
    ("Mỹ", 20),
    ("Hải", 20),
    ("Khánh", 20),
    ("Quỳnh", 20),
    ("Hoài", 20),
    ("Mai", 20),
    ("Diệu", 10),
    ("Lan", 10),
    ("Tuyết", 10),
    ("Vân", 10),
    ("Hà", 10),
)
_MALE_GIVEN = (
    "Anh",
    "Hùng",
    "Dũng",
    "Tuấn",
    "Minh",
    "Hải",
    "Nam",
    "Long",
    "Thắng",
    "Cường",
    "Hoàng",
    "Sơn",
    "Tùng",
    "Quân",
    "Huy",
    "Phong",
    "Trung",
    "Hiếu",
    "Đức",
    "Tâm",
    "Thành",
    "Bình",
    "Việt",
    "Khánh",
    "Lâm",
    "Toàn",
    "Vinh",
    "Hưng",
    "Thịnh",
    "Phúc",
    "Khoa",
    "Đạt",
    "Kiên",
    "Tú",
    "Hậu",
    "Hòa",
    "Quang",
    "Tiến",
    "Lợi",
    "Chiến",
    "Duy",
    "Nghĩa",
    "Tài",
    "Trí",
    "Hiển",
    "Thái",
    "Lộc",
    "Bảo",
    "Công",
    "Định",
    "Giang",
    "Khải",
    "Luân",
    "Mạnh",
    "Ninh",
    "Quý",
    "Sang",
    "Tân",
    "Thiện",
    "Thông",
    "Thuận",
    "Trường",
    "Tường",
    "Vũ",
    "Vương",
    "Hiệp",
)
_FEMALE_GIVEN = (
    "Lan",
    "Hương",
    "Hoa",
    "Mai",
    "Linh",
    "Trang",
    "Hà",
    "Thảo",
    "Hằng",
    "Nga",
    "Phương",
    "Huyền",
    "Ngọc",
    "Yến",
    "Thủy",
    "Hạnh",
    "Dung",
    "Loan",
    "Oanh",
    "Nhung",
    "Vân",
    "Anh",
    "Giang",
    "Trâm",
    "Quỳnh",
    "Nhàn",
    "Thu",
    "Hiền",
    "Liên",
    "Tuyết",
    "Diệp",
    "Hồng",
    "Nguyệt",
    "Nhi",
    "Uyên",
    "Thư",
    "Vy",
    "Ly",
    "My",
    "Lệ",
    "Ánh",
    "Chi",
    "Duyên",
    "Huệ",
    "Ngân",
    "Phượng",
    "Tâm",
    "Thơ",
    "Thùy",
    "Trinh",
    "Xuân",
    "Hậu",
    "Khánh",
)
_FEMALE_SECOND_MIDDLE = ("Thu", "Thanh", "Minh", "Hồng", "Ngọc", "Phương", "Kim", "Bích", "Hải")


def _table(pairs: tuple[tuple[str, int], ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    names = tuple(unicodedata.normalize("NFC", name) for name, _ in pairs)
    return names, tuple(itertools.accumulate(weight for _, weight in pairs))


def _flat(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(unicodedata.normalize("NFC", name) for name in names)


class NameMaker:
    """Draws names from the caller's random generator, so the sequence follows its seed."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._family = _table(_FAMILY)
        self._male_middle = _table(_MALE_MIDDLE)
        self._female_middle = _table(_FEMALE_MIDDLE)
        self._male_given = _flat(_MALE_GIVEN)
        self._female_given = _flat(_FEMALE_GIVEN)
        self._second_middle = _flat(_FEMALE_SECOND_MIDDLE)

    def _pick(self, table: tuple[tuple[str, ...], tuple[int, ...]]) -> str:
        names, cumulative = table
        return self.rng.choices(names, cum_weights=cumulative)[0]

    def full_name(self, gender: str) -> str:
        """A full name for gender ``"M"`` or ``"F"``; never ``FEATURED_NAME``."""
        while True:
            parts = self._parts(gender)
            if len(set(parts[1:])) == len(parts) - 1:
                name = " ".join(parts)
                if name != FEATURED_NAME:
                    return name

    def _parts(self, gender: str) -> list[str]:
        family = self._pick(self._family)
        if gender == "M":
            return [family, self._pick(self._male_middle), self.rng.choice(self._male_given)]
        middle = self._pick(self._female_middle)
        given = self.rng.choice(self._female_given)
        if middle == "Thị" and self.rng.random() < 0.12:
            return [family, middle, self.rng.choice(self._second_middle), given]
        return [family, middle, given]
