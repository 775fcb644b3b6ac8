"""Vietnam's provinces and districts before 1/7/2025, and the provincial mergers of 2025.

These are real place names (legal-digest §9) used to build the organisation of the demo data.
District lists follow the administrative map of about 2023 as far as it is known here; island
districts without a procuracy (Hoàng Sa, Trường Sa, Cồn Cỏ) are left out. Populations are
rounded figures in thousands, used only to spread staff and area procuracies.
"""

from dataclasses import dataclass

DISTRICT_KINDS = {"Q": "quận", "H": "huyện", "X": "thị xã", "T": "thành phố"}
"""One-letter prefixes of the district lists below."""


@dataclass(frozen=True)
class District:
    kind: str
    """``quận``, ``huyện``, ``thị xã`` or ``thành phố``."""
    name: str


@dataclass(frozen=True)
class Province:
    abbr: str
    """Stable ASCII abbreviation used in unit codes (``HN`` → ``T-HN``)."""
    name: str
    kind: str
    """``tỉnh`` or ``thành phố``."""
    population: int
    districts: tuple[District, ...]

    @property
    def title(self) -> str:
        """``tỉnh Hòa Bình``, ``thành phố Hà Nội``."""
        return f"{self.kind} {self.name}"

    @property
    def label(self) -> str:
        """The name as it follows an area number: ``Hà Nội``, ``TP Hồ Chí Minh``."""
        return "TP Hồ Chí Minh" if self.name == "Hồ Chí Minh" else self.name


def _districts(spec: str) -> tuple[District, ...]:
    items = []
    for item in spec.split(","):
        prefix, name = item.strip().split(":", 1)
        items.append(District(DISTRICT_KINDS[prefix], name.strip()))
    return tuple(items)


_PROVINCES = [
    # abbr, name, kind, population (thousands), districts
    (
        "HN",
        "Hà Nội",
        "thành phố",
        8500,
        "Q:Ba Đình, Q:Hoàn Kiếm, Q:Tây Hồ, Q:Long Biên, Q:Cầu Giấy, Q:Đống Đa, Q:Hai Bà Trưng,"
        " Q:Hoàng Mai, Q:Thanh Xuân, Q:Nam Từ Liêm, Q:Bắc Từ Liêm, Q:Hà Đông, X:Sơn Tây,"
        " H:Sóc Sơn, H:Đông Anh, H:Gia Lâm, H:Thanh Trì, H:Mê Linh, H:Ba Vì, H:Phúc Thọ,"
        " H:Đan Phượng, H:Hoài Đức, H:Quốc Oai, H:Thạch Thất, H:Chương Mỹ, H:Thanh Oai,"
        " H:Thường Tín, H:Phú Xuyên, H:Ứng Hòa, H:Mỹ Đức",
    ),
    (
        "HCM",
        "Hồ Chí Minh",
        "thành phố",
        9400,
        "T:Thủ Đức, Q:1, Q:3, Q:4, Q:5, Q:6, Q:7, Q:8, Q:10, Q:11, Q:12, Q:Bình Thạnh, Q:Gò Vấp,"
        " Q:Phú Nhuận, Q:Tân Bình, Q:Tân Phú, Q:Bình Tân, H:Củ Chi, H:Hóc Môn, H:Bình Chánh,"
        " H:Nhà Bè, H:Cần Giờ",
    ),
    (
        "HP",
        "Hải Phòng",
        "thành phố",
        2100,
        "Q:Hồng Bàng, Q:Ngô Quyền, Q:Lê Chân, Q:Hải An, Q:Kiến An, Q:Đồ Sơn, Q:Dương Kinh,"
        " H:Thủy Nguyên, H:An Dương, H:An Lão, H:Kiến Thụy, H:Tiên Lãng, H:Vĩnh Bảo, H:Cát Hải,"
        " H:Bạch Long Vĩ",
    ),
    (
        "DNG",
        "Đà Nẵng",
        "thành phố",
        1250,
        "Q:Hải Châu, Q:Thanh Khê, Q:Sơn Trà, Q:Ngũ Hành Sơn, Q:Liên Chiểu, Q:Cẩm Lệ, H:Hòa Vang",
    ),
    (
        "CT",
        "Cần Thơ",
        "thành phố",
        1260,
        "Q:Ninh Kiều, Q:Bình Thủy, Q:Cái Răng, Q:Ô Môn, Q:Thốt Nốt, H:Phong Điền, H:Cờ Đỏ,"
        " H:Thới Lai, H:Vĩnh Thạnh",
    ),
    (
        "HAG",
        "Hà Giang",
        "tỉnh",
        900,
        "T:Hà Giang, H:Đồng Văn, H:Mèo Vạc, H:Yên Minh, H:Quản Bạ, H:Bắc Mê, H:Vị Xuyên,"
        " H:Bắc Quang, H:Quang Bình, H:Hoàng Su Phì, H:Xín Mần",
    ),
    (
        "CB",
        "Cao Bằng",
        "tỉnh",
        540,
        "T:Cao Bằng, H:Bảo Lâm, H:Bảo Lạc, H:Hà Quảng, H:Trùng Khánh, H:Hạ Lang, H:Quảng Hòa,"
        " H:Hòa An, H:Nguyên Bình, H:Thạch An",
    ),
    (
        "BK",
        "Bắc Kạn",
        "tỉnh",
        320,
        "T:Bắc Kạn, H:Pác Nặm, H:Ba Bể, H:Ngân Sơn, H:Bạch Thông, H:Chợ Đồn, H:Chợ Mới, H:Na Rì",
    ),
    (
        "TQ",
        "Tuyên Quang",
        "tỉnh",
        800,
        "T:Tuyên Quang, H:Lâm Bình, H:Na Hang, H:Chiêm Hóa, H:Hàm Yên, H:Yên Sơn, H:Sơn Dương",
    ),
    (
        "LCI",
        "Lào Cai",
        "tỉnh",
        770,
        "T:Lào Cai, X:Sa Pa, H:Bát Xát, H:Mường Khương, H:Si Ma Cai, H:Bắc Hà, H:Bảo Thắng,"
        " H:Bảo Yên, H:Văn Bàn",
    ),
    (
        "DB",
        "Điện Biên",
        "tỉnh",
        640,
        "T:Điện Biên Phủ, X:Mường Lay, H:Mường Nhé, H:Mường Chà, H:Tủa Chùa, H:Tuần Giáo,"
        " H:Điện Biên, H:Điện Biên Đông, H:Mường Ảng, H:Nậm Pồ",
    ),
    (
        "LCU",
        "Lai Châu",
        "tỉnh",
        480,
        "T:Lai Châu, H:Tam Đường, H:Mường Tè, H:Sìn Hồ, H:Phong Thổ, H:Than Uyên, H:Tân Uyên,"
        " H:Nậm Nhùn",
    ),
    (
        "SL",
        "Sơn La",
        "tỉnh",
        1300,
        "T:Sơn La, H:Quỳnh Nhai, H:Thuận Châu, H:Mường La, H:Bắc Yên, H:Phù Yên, H:Mộc Châu,"
        " H:Yên Châu, H:Mai Sơn, H:Sông Mã, H:Sốp Cộp, H:Vân Hồ",
    ),
    (
        "YB",
        "Yên Bái",
        "tỉnh",
        840,
        "T:Yên Bái, X:Nghĩa Lộ, H:Lục Yên, H:Văn Yên, H:Mù Cang Chải, H:Trấn Yên, H:Trạm Tấu,"
        " H:Văn Chấn, H:Yên Bình",
    ),
    (
        "HB",
        "Hòa Bình",
        "tỉnh",
        880,
        "T:Hòa Bình, H:Đà Bắc, H:Lương Sơn, H:Kim Bôi, H:Cao Phong, H:Tân Lạc, H:Mai Châu,"
        " H:Lạc Sơn, H:Yên Thủy, H:Lạc Thủy",
    ),
    (
        "TNG",
        "Thái Nguyên",
        "tỉnh",
        1330,
        "T:Thái Nguyên, T:Sông Công, T:Phổ Yên, H:Định Hóa, H:Phú Lương, H:Đồng Hỷ, H:Võ Nhai,"
        " H:Đại Từ, H:Phú Bình",
    ),
    (
        "LS",
        "Lạng Sơn",
        "tỉnh",
        800,
        "T:Lạng Sơn, H:Tràng Định, H:Bình Gia, H:Văn Lãng, H:Cao Lộc, H:Văn Quan, H:Bắc Sơn,"
        " H:Hữu Lũng, H:Chi Lăng, H:Lộc Bình, H:Đình Lập",
    ),
    (
        "QNI",
        "Quảng Ninh",
        "tỉnh",
        1360,
        "T:Hạ Long, T:Móng Cái, T:Cẩm Phả, T:Uông Bí, T:Đông Triều, X:Quảng Yên, H:Bình Liêu,"
        " H:Tiên Yên, H:Đầm Hà, H:Hải Hà, H:Ba Chẽ, H:Vân Đồn, H:Cô Tô",
    ),
    (
        "BG",
        "Bắc Giang",
        "tỉnh",
        1920,
        "T:Bắc Giang, H:Yên Thế, H:Tân Yên, H:Lạng Giang, H:Lục Nam, H:Lục Ngạn, H:Sơn Động,"
        " H:Yên Dũng, X:Việt Yên, H:Hiệp Hòa",
    ),
    (
        "PT",
        "Phú Thọ",
        "tỉnh",
        1510,
        "T:Việt Trì, X:Phú Thọ, H:Đoan Hùng, H:Hạ Hòa, H:Thanh Ba, H:Phù Ninh, H:Yên Lập,"
        " H:Cẩm Khê, H:Tam Nông, H:Lâm Thao, H:Thanh Sơn, H:Thanh Thủy, H:Tân Sơn",
    ),
    (
        "VP",
        "Vĩnh Phúc",
        "tỉnh",
        1200,
        "T:Vĩnh Yên, T:Phúc Yên, H:Lập Thạch, H:Tam Dương, H:Tam Đảo, H:Bình Xuyên, H:Yên Lạc,"
        " H:Vĩnh Tường, H:Sông Lô",
    ),
    (
        "BN",
        "Bắc Ninh",
        "tỉnh",
        1500,
        "T:Bắc Ninh, T:Từ Sơn, X:Quế Võ, X:Thuận Thành, H:Yên Phong, H:Tiên Du, H:Gia Bình,"
        " H:Lương Tài",
    ),
    (
        "HD",
        "Hải Dương",
        "tỉnh",
        1950,
        "T:Hải Dương, T:Chí Linh, X:Kinh Môn, H:Nam Sách, H:Kim Thành, H:Thanh Hà, H:Cẩm Giàng,"
        " H:Bình Giang, H:Gia Lộc, H:Tứ Kỳ, H:Ninh Giang, H:Thanh Miện",
    ),
    (
        "HY",
        "Hưng Yên",
        "tỉnh",
        1290,
        "T:Hưng Yên, X:Mỹ Hào, H:Văn Lâm, H:Văn Giang, H:Yên Mỹ, H:Ân Thi, H:Khoái Châu,"
        " H:Kim Động, H:Tiên Lữ, H:Phù Cừ",
    ),
    (
        "TB",
        "Thái Bình",
        "tỉnh",
        1880,
        "T:Thái Bình, H:Quỳnh Phụ, H:Hưng Hà, H:Đông Hưng, H:Thái Thụy, H:Tiền Hải,"
        " H:Kiến Xương, H:Vũ Thư",
    ),
    (
        "HNA",
        "Hà Nam",
        "tỉnh",
        880,
        "T:Phủ Lý, X:Duy Tiên, X:Kim Bảng, H:Thanh Liêm, H:Bình Lục, H:Lý Nhân",
    ),
    (
        "ND",
        "Nam Định",
        "tỉnh",
        1880,
        "T:Nam Định, H:Mỹ Lộc, H:Vụ Bản, H:Ý Yên, H:Nghĩa Hưng, H:Nam Trực, H:Trực Ninh,"
        " H:Xuân Trường, H:Giao Thủy, H:Hải Hậu",
    ),
    (
        "NB",
        "Ninh Bình",
        "tỉnh",
        1010,
        "T:Ninh Bình, T:Tam Điệp, H:Nho Quan, H:Gia Viễn, H:Hoa Lư, H:Yên Khánh, H:Kim Sơn,"
        " H:Yên Mô",
    ),
    (
        "TH",
        "Thanh Hóa",
        "tỉnh",
        3740,
        "T:Thanh Hóa, T:Sầm Sơn, X:Bỉm Sơn, X:Nghi Sơn, H:Mường Lát, H:Quan Hóa, H:Bá Thước,"
        " H:Quan Sơn, H:Lang Chánh, H:Ngọc Lặc, H:Cẩm Thủy, H:Thạch Thành, H:Hà Trung,"
        " H:Vĩnh Lộc, H:Yên Định, H:Thọ Xuân, H:Thường Xuân, H:Triệu Sơn, H:Thiệu Hóa,"
        " H:Hoằng Hóa, H:Hậu Lộc, H:Nga Sơn, H:Như Xuân, H:Như Thanh, H:Nông Cống,"
        " H:Quảng Xương",
    ),
    (
        "NA",
        "Nghệ An",
        "tỉnh",
        3440,
        "T:Vinh, X:Cửa Lò, X:Thái Hòa, X:Hoàng Mai, H:Quế Phong, H:Quỳ Châu, H:Kỳ Sơn,"
        " H:Tương Dương, H:Nghĩa Đàn, H:Quỳ Hợp, H:Quỳnh Lưu, H:Con Cuông, H:Tân Kỳ, H:Anh Sơn,"
        " H:Diễn Châu, H:Yên Thành, H:Đô Lương, H:Thanh Chương, H:Nghi Lộc, H:Nam Đàn,"
        " H:Hưng Nguyên",
    ),
    (
        "HT",
        "Hà Tĩnh",
        "tỉnh",
        1330,
        "T:Hà Tĩnh, X:Hồng Lĩnh, X:Kỳ Anh, H:Hương Sơn, H:Đức Thọ, H:Vũ Quang, H:Nghi Xuân,"
        " H:Can Lộc, H:Hương Khê, H:Thạch Hà, H:Cẩm Xuyên, H:Kỳ Anh, H:Lộc Hà",
    ),
    (
        "QB",
        "Quảng Bình",
        "tỉnh",
        910,
        "T:Đồng Hới, X:Ba Đồn, H:Minh Hóa, H:Tuyên Hóa, H:Quảng Trạch, H:Bố Trạch, H:Quảng Ninh,"
        " H:Lệ Thủy",
    ),
    (
        "QT",
        "Quảng Trị",
        "tỉnh",
        650,
        "T:Đông Hà, X:Quảng Trị, H:Vĩnh Linh, H:Hướng Hóa, H:Gio Linh, H:Đa Krông, H:Cam Lộ,"
        " H:Triệu Phong, H:Hải Lăng",
    ),
    (
        "HUE",
        "Huế",
        "thành phố",
        1170,
        "T:Huế, X:Hương Thủy, X:Hương Trà, H:Phong Điền, H:Quảng Điền, H:Phú Vang, H:Phú Lộc,"
        " H:A Lưới, H:Nam Đông",
    ),
    (
        "QNA",
        "Quảng Nam",
        "tỉnh",
        1520,
        "T:Tam Kỳ, T:Hội An, X:Điện Bàn, H:Tây Giang, H:Đông Giang, H:Đại Lộc, H:Duy Xuyên,"
        " H:Quế Sơn, H:Nam Giang, H:Phước Sơn, H:Hiệp Đức, H:Thăng Bình, H:Tiên Phước,"
        " H:Bắc Trà My, H:Nam Trà My, H:Núi Thành, H:Phú Ninh, H:Nông Sơn",
    ),
    (
        "QNG",
        "Quảng Ngãi",
        "tỉnh",
        1250,
        "T:Quảng Ngãi, X:Đức Phổ, H:Bình Sơn, H:Trà Bồng, H:Sơn Tịnh, H:Tư Nghĩa, H:Sơn Hà,"
        " H:Sơn Tây, H:Minh Long, H:Nghĩa Hành, H:Mộ Đức, H:Ba Tơ, H:Lý Sơn",
    ),
    (
        "BDI",
        "Bình Định",
        "tỉnh",
        1510,
        "T:Quy Nhơn, X:An Nhơn, X:Hoài Nhơn, H:An Lão, H:Hoài Ân, H:Phù Mỹ, H:Vĩnh Thạnh,"
        " H:Tây Sơn, H:Phù Cát, H:Tuy Phước, H:Vân Canh",
    ),
    (
        "PY",
        "Phú Yên",
        "tỉnh",
        880,
        "T:Tuy Hòa, X:Sông Cầu, X:Đông Hòa, H:Đồng Xuân, H:Tuy An, H:Sơn Hòa, H:Sông Hinh,"
        " H:Tây Hòa, H:Phú Hòa",
    ),
    (
        "KH",
        "Khánh Hòa",
        "tỉnh",
        1260,
        "T:Nha Trang, T:Cam Ranh, X:Ninh Hòa, H:Cam Lâm, H:Vạn Ninh, H:Khánh Vĩnh,"
        " H:Diên Khánh, H:Khánh Sơn",
    ),
    (
        "NT",
        "Ninh Thuận",
        "tỉnh",
        600,
        "T:Phan Rang – Tháp Chàm, H:Bác Ái, H:Ninh Sơn, H:Ninh Hải, H:Ninh Phước, H:Thuận Bắc,"
        " H:Thuận Nam",
    ),
    (
        "BTH",
        "Bình Thuận",
        "tỉnh",
        1260,
        "T:Phan Thiết, X:La Gi, H:Tuy Phong, H:Bắc Bình, H:Hàm Thuận Bắc, H:Hàm Thuận Nam,"
        " H:Tánh Linh, H:Đức Linh, H:Hàm Tân, H:Phú Quý",
    ),
    (
        "KT",
        "Kon Tum",
        "tỉnh",
        580,
        "T:Kon Tum, H:Đắk Glei, H:Ngọc Hồi, H:Đắk Tô, H:Kon Plông, H:Kon Rẫy, H:Đắk Hà,"
        " H:Sa Thầy, H:Tu Mơ Rông, H:Ia H'Drai",
    ),
    (
        "GL",
        "Gia Lai",
        "tỉnh",
        1590,
        "T:Pleiku, X:An Khê, X:Ayun Pa, H:KBang, H:Đak Đoa, H:Chư Păh, H:Ia Grai, H:Mang Yang,"
        " H:Kông Chro, H:Đức Cơ, H:Chư Prông, H:Chư Sê, H:Đak Pơ, H:Ia Pa, H:Krông Pa,"
        " H:Phú Thiện, H:Chư Pưh",
    ),
    (
        "DLK",
        "Đắk Lắk",
        "tỉnh",
        1920,
        "T:Buôn Ma Thuột, X:Buôn Hồ, H:Ea H'leo, H:Ea Súp, H:Buôn Đôn, H:Cư M'gar, H:Krông Búk,"
        " H:Krông Năng, H:Ea Kar, H:M'Đrắk, H:Krông Bông, H:Krông Pắc, H:Krông A Na, H:Lắk,"
        " H:Cư Kuin",
    ),
    (
        "DNO",
        "Đắk Nông",
        "tỉnh",
        670,
        "T:Gia Nghĩa, H:Đắk Glong, H:Cư Jút, H:Đắk Mil, H:Krông Nô, H:Đắk Song, H:Đắk R'Lấp,"
        " H:Tuy Đức",
    ),
    (
        "LD",
        "Lâm Đồng",
        "tỉnh",
        1330,
        "T:Đà Lạt, T:Bảo Lộc, H:Đam Rông, H:Lạc Dương, H:Lâm Hà, H:Đơn Dương, H:Đức Trọng,"
        " H:Di Linh, H:Bảo Lâm, H:Đạ Huoai, H:Đạ Tẻh, H:Cát Tiên",
    ),
    (
        "BP",
        "Bình Phước",
        "tỉnh",
        1030,
        "T:Đồng Xoài, X:Phước Long, X:Bình Long, X:Chơn Thành, H:Bù Gia Mập, H:Lộc Ninh,"
        " H:Bù Đốp, H:Hớn Quản, H:Đồng Phú, H:Bù Đăng, H:Phú Riềng",
    ),
    (
        "TNI",
        "Tây Ninh",
        "tỉnh",
        1190,
        "T:Tây Ninh, X:Hòa Thành, X:Trảng Bàng, H:Tân Biên, H:Tân Châu, H:Dương Minh Châu,"
        " H:Châu Thành, H:Gò Dầu, H:Bến Cầu",
    ),
    (
        "BDU",
        "Bình Dương",
        "tỉnh",
        2760,
        "T:Thủ Dầu Một, T:Dĩ An, T:Thuận An, T:Tân Uyên, T:Bến Cát, H:Bàu Bàng, H:Dầu Tiếng,"
        " H:Bắc Tân Uyên, H:Phú Giáo",
    ),
    (
        "DNA",
        "Đồng Nai",
        "tỉnh",
        3310,
        "T:Biên Hòa, T:Long Khánh, H:Tân Phú, H:Vĩnh Cửu, H:Định Quán, H:Trảng Bom,"
        " H:Thống Nhất, H:Cẩm Mỹ, H:Long Thành, H:Xuân Lộc, H:Nhơn Trạch",
    ),
    (
        "BRVT",
        "Bà Rịa – Vũng Tàu",
        "tỉnh",
        1180,
        "T:Vũng Tàu, T:Bà Rịa, X:Phú Mỹ, H:Châu Đức, H:Xuyên Mộc, H:Long Điền, H:Đất Đỏ, H:Côn Đảo",
    ),
    (
        "LA",
        "Long An",
        "tỉnh",
        1730,
        "T:Tân An, X:Kiến Tường, H:Tân Hưng, H:Vĩnh Hưng, H:Mộc Hóa, H:Tân Thạnh, H:Thạnh Hóa,"
        " H:Đức Huệ, H:Đức Hòa, H:Bến Lức, H:Thủ Thừa, H:Tân Trụ, H:Cần Đước, H:Cần Giuộc,"
        " H:Châu Thành",
    ),
    (
        "TG",
        "Tiền Giang",
        "tỉnh",
        1790,
        "T:Mỹ Tho, T:Gò Công, X:Cai Lậy, H:Tân Phước, H:Cái Bè, H:Cai Lậy, H:Châu Thành,"
        " H:Chợ Gạo, H:Gò Công Tây, H:Gò Công Đông, H:Tân Phú Đông",
    ),
    (
        "BTR",
        "Bến Tre",
        "tỉnh",
        1300,
        "T:Bến Tre, H:Châu Thành, H:Chợ Lách, H:Mỏ Cày Nam, H:Mỏ Cày Bắc, H:Giồng Trôm,"
        " H:Bình Đại, H:Ba Tri, H:Thạnh Phú",
    ),
    (
        "TV",
        "Trà Vinh",
        "tỉnh",
        1020,
        "T:Trà Vinh, X:Duyên Hải, H:Càng Long, H:Cầu Kè, H:Tiểu Cần, H:Châu Thành, H:Cầu Ngang,"
        " H:Trà Cú, H:Duyên Hải",
    ),
    (
        "VL",
        "Vĩnh Long",
        "tỉnh",
        1030,
        "T:Vĩnh Long, X:Bình Minh, H:Long Hồ, H:Mang Thít, H:Vũng Liêm, H:Tam Bình, H:Trà Ôn,"
        " H:Bình Tân",
    ),
    (
        "DT",
        "Đồng Tháp",
        "tỉnh",
        1600,
        "T:Cao Lãnh, T:Sa Đéc, T:Hồng Ngự, H:Tân Hồng, H:Hồng Ngự, H:Tam Nông, H:Tháp Mười,"
        " H:Cao Lãnh, H:Thanh Bình, H:Lấp Vò, H:Lai Vung, H:Châu Thành",
    ),
    (
        "AG",
        "An Giang",
        "tỉnh",
        1900,
        "T:Long Xuyên, T:Châu Đốc, X:Tân Châu, X:Tịnh Biên, H:An Phú, H:Phú Tân, H:Châu Phú,"
        " H:Tri Tôn, H:Châu Thành, H:Chợ Mới, H:Thoại Sơn",
    ),
    (
        "KG",
        "Kiên Giang",
        "tỉnh",
        1750,
        "T:Rạch Giá, T:Hà Tiên, T:Phú Quốc, H:Kiên Lương, H:Hòn Đất, H:Tân Hiệp, H:Châu Thành,"
        " H:Giồng Riềng, H:Gò Quao, H:An Biên, H:An Minh, H:Vĩnh Thuận, H:U Minh Thượng,"
        " H:Giang Thành, H:Kiên Hải",
    ),
    (
        "HGI",
        "Hậu Giang",
        "tỉnh",
        730,
        "T:Vị Thanh, T:Ngã Bảy, X:Long Mỹ, H:Châu Thành A, H:Châu Thành, H:Phụng Hiệp,"
        " H:Vị Thủy, H:Long Mỹ",
    ),
    (
        "ST",
        "Sóc Trăng",
        "tỉnh",
        1200,
        "T:Sóc Trăng, X:Vĩnh Châu, X:Ngã Năm, H:Kế Sách, H:Long Phú, H:Cù Lao Dung, H:Mỹ Tú,"
        " H:Châu Thành, H:Trần Đề, H:Mỹ Xuyên, H:Thạnh Trị",
    ),
    (
        "BL",
        "Bạc Liêu",
        "tỉnh",
        920,
        "T:Bạc Liêu, X:Giá Rai, H:Hồng Dân, H:Phước Long, H:Vĩnh Lợi, H:Đông Hải, H:Hòa Bình",
    ),
    (
        "CM",
        "Cà Mau",
        "tỉnh",
        1210,
        "T:Cà Mau, H:U Minh, H:Thới Bình, H:Trần Văn Thời, H:Cái Nước, H:Đầm Dơi, H:Năm Căn,"
        " H:Ngọc Hiển, H:Phú Tân",
    ),
]

PROVINCES: tuple[Province, ...] = tuple(
    Province(abbr, name, kind, population, _districts(spec))
    for abbr, name, kind, population, spec in _PROVINCES
)
"""The 63 provinces and centrally-run cities before 1/7/2025, in this fixed order."""

PROVINCES_BY_ABBR = {province.abbr: province for province in PROVINCES}

UNMERGED = ("HN", "CB", "DB", "HT", "LCU", "LS", "NA", "QNI", "TH", "SL", "HUE")
"""The 11 provincial procuracies that kept their organisation on 1/7/2025 (digest §9.2)."""

MERGERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # new name, kind, old provinces (the one whose name is kept first)
    ("Tuyên Quang", "tỉnh", ("TQ", "HAG")),
    ("Lào Cai", "tỉnh", ("LCI", "YB")),
    ("Thái Nguyên", "tỉnh", ("TNG", "BK")),
    ("Phú Thọ", "tỉnh", ("PT", "HB", "VP")),
    ("Bắc Ninh", "tỉnh", ("BN", "BG")),
    ("Hưng Yên", "tỉnh", ("HY", "TB")),
    ("Hải Phòng", "thành phố", ("HP", "HD")),
    ("Ninh Bình", "tỉnh", ("NB", "HNA", "ND")),
    ("Quảng Trị", "tỉnh", ("QT", "QB")),
    ("Đà Nẵng", "thành phố", ("DNG", "QNA")),
    ("Quảng Ngãi", "tỉnh", ("QNG", "KT")),
    ("Gia Lai", "tỉnh", ("GL", "BDI")),
    ("Khánh Hòa", "tỉnh", ("KH", "NT")),
    ("Lâm Đồng", "tỉnh", ("LD", "DNO", "BTH")),
    ("Đắk Lắk", "tỉnh", ("DLK", "PY")),
    ("Hồ Chí Minh", "thành phố", ("HCM", "BDU", "BRVT")),
    ("Đồng Nai", "tỉnh", ("DNA", "BP")),
    ("Tây Ninh", "tỉnh", ("TNI", "LA")),
    ("Cần Thơ", "thành phố", ("CT", "ST", "HGI")),
    ("Vĩnh Long", "tỉnh", ("VL", "BTR", "TV")),
    ("Đồng Tháp", "tỉnh", ("DT", "TG")),
    ("Cà Mau", "tỉnh", ("CM", "BL")),
    ("An Giang", "tỉnh", ("AG", "KG")),
)
"""The 23 provinces formed by merger on 1/7/2025 (digest §9.2), with their old provinces."""

AREA_COUNT = 355
"""Area procuracies (VKSND khu vực) from 1/7/2025."""
