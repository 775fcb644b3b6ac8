"""The layouts of the statistics forms 0601.N–0605.N/BNV-TĐKT (Circular 02/2023/TT-BNV) as data.

Each form is a title, a tree of column headings (leaves carry a key the figures are filed
under), and a list of rows (each with its code, unit of measure and key). The headings and row
labels are kept here, apart from the code that fills and draws the form, so that a wrong heading
can be corrected by editing one string. What was taken from a published form and what was
inferred is said per form in ``docs/official-forms.md``.
"""

from dataclasses import dataclass, field

CIRCULAR = "Ban hành kèm theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ trưởng Bộ Nội vụ"
DUE = "Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo"


@dataclass(frozen=True)
class Column:
    """A heading; a leaf (no children) is a column of figures filed under ``key``."""

    label: str
    key: str = ""
    children: tuple["Column", ...] = ()
    number: str = ""
    """The column number printed under the heading, spanning all its leaves (e.g. ``2`` over
    every order of 0602); leaves under no numbered heading are numbered by position."""

    def leaves(self) -> list["Column"]:
        if not self.children:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]

    def depth(self) -> int:
        return 1 + max((child.depth() for child in self.children), default=0)


@dataclass(frozen=True)
class Row:
    """A line of the table. ``section`` rows only carry a label (a heading inside the table)."""

    label: str
    code: str = ""
    key: str = ""
    measure: str = ""
    section: bool = False
    total: bool = False
    indent: int = 0


@dataclass(frozen=True)
class FormLayout:
    code: str
    title: str
    subtitle: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    measure_column: bool = True
    """Whether the form has the "Đơn vị tính" column C."""
    measure_note: str = ""
    """A unit of measure for the whole table, printed above it on the right."""
    total_column_label: str = ""
    """The number printed under the "Tổng số" column (e.g. ``1=(2+3+4)``)."""
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def sentence_title(self) -> str:
        """The title in sentence case, proper nouns kept capitalised."""
        text = self.title.capitalize()
        for noun in ("trung ương", "nhà nước"):
            text = text.replace(noun, noun.capitalize())
        return text

    @property
    def form_number(self) -> str:
        return f"Biểu số {self.code}.N/BNV-TĐKT"

    def leaves(self) -> list[Column]:
        return [leaf for column in self.columns for leaf in column.leaves()]

    def column_numbers(self) -> list[tuple[int, int, str]]:
        """The column-number row as ``(first leaf index, leaves spanned, label)``, in order:
        a numbered heading spans its leaves, any other leaf gets its position (1, 2, …), the
        first one ``total_column_label`` when the form has one."""
        out: list[tuple[int, int, str]] = []

        def walk(column: Column, first: int) -> int:
            span = len(column.leaves())
            if column.number:
                out.append((first, span, column.number))
            elif not column.children:
                label = str(first + 1)
                if first == 0 and self.total_column_label:
                    label = self.total_column_label
                out.append((first, 1, label))
            else:
                start = first
                for child in column.children:
                    start = walk(child, start)
            return first + span

        first = 0
        for column in self.columns:
            first = walk(column, first)
        return out

    def header_depth(self) -> int:
        return max(column.depth() for column in self.columns)


TOTAL = "total"

# Rows shared by the forms of awards (0602, 0603): by subject and by way of commendation.
SUBJECT_ROWS = (
    Row("Chia theo đối tượng khen thưởng", section=True),
    Row("- Tập thể", key="collective", measure="Tập thể"),
    Row("Trong đó: Doanh nghiệp", key="enterprise", measure="Doanh nghiệp", indent=1),
    Row("- Hộ gia đình", key="household", measure="Hộ"),
    Row("- Cá nhân", key="individual", measure="Người"),
    Row(
        "+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên",
        key="lead_ministry",
        measure="Người",
        indent=1,
    ),
    Row("+ Lãnh đạo cấp vụ, sở, ngành và tương đương", key="lead_dept", measure="Người", indent=1),
    Row("+ Doanh nhân", key="business", measure="Người", indent=1),
    Row(
        "+ Các cấp lãnh đạo khác từ phó phòng trở lên",
        key="lead_other",
        measure="Người",
        indent=1,
    ),
    Row(
        "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu "
        "(công nhân, nông dân, …)",
        key="worker",
        measure="Người",
        indent=1,
    ),
)
METHOD_ROWS = (
    Row("Chia theo phương thức khen thưởng", section=True),
    Row("- Thường xuyên", key="kind_regular"),
    Row("- Chuyên đề", key="kind_thematic"),
    Row("- Đột xuất", key="kind_adhoc"),
    Row("- Đối ngoại", key="kind_foreign"),
    Row("- Cống hiến", key="kind_career"),
    Row("- Niên hạn", key="kind_seniority"),
    Row("- Kháng chiến", key="kind_resistance"),
)


def _numbered(
    rows: tuple[Row, ...],
    *,
    width: int = 2,
    skip: tuple[int, ...] = (),
    number_sections: bool = True,
) -> tuple[Row, ...]:
    """Give every non-section row its code (01, 02, …, leaving out the numbers in ``skip``, as
    the published 0602 does) and every section its ordinal (1., 2.) when ``number_sections``."""
    out, number, section = [], 1, 0
    for row in rows:
        if row.section:
            section += 1
            label = f"{section}. {row.label}" if number_sections else row.label
            out.append(Row(label, section=True))
            continue
        while number in skip:
            number += 1
        out.append(
            Row(
                row.label,
                code=f"{number:0{width}d}",
                key=row.key,
                measure=row.measure,
                total=row.total,
                indent=row.indent,
            )
        )
        number += 1
    return tuple(out)


def _both(label: str, key: str, number: str = "") -> Column:
    children = (Column("Tập thể", f"{key}:C"), Column("Cá nhân", f"{key}:P"))
    return Column(label, children=children, number=number)


def _person(label: str, key: str, number: str = "") -> Column:
    return Column(label, children=(Column("Cá nhân", f"{key}:P"),), number=number)


EACH_OWN_COLUMN = "(Mỗi hình thức khen thưởng ghi riêng một cột)"

FORM_0601 = FormLayout(
    code="0601",
    title="SỐ PHONG TRÀO THI ĐUA",
    subtitle="Số phong trào thi đua được phát động, tổ chức trong năm",
    measure_column=False,
    measure_note="Đơn vị tính: Phong trào",
    total_column_label="1=(2+3+4)",
    columns=(
        Column("Tổng số", TOTAL),
        Column(
            "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua",
            children=(
                Column("Cấp Trung ương (Hội đồng Thi đua – Khen thưởng Trung ương)", "central"),
                Column(
                    "Cấp bộ, ban, ngành, đoàn thể trung ương, tỉnh, thành phố trực thuộc "
                    "Trung ương",
                    "sector",
                ),
                Column("Cơ quan, tổ chức, đơn vị", "unit"),
            ),
        ),
    ),
    rows=_numbered(
        (
            Row("Tổng số", key=TOTAL, total=True),
            Row("Chia theo phạm vi tổ chức thi đua", section=True),
            Row("- Toàn quốc", key="scope_national"),
            Row("- Bộ, ban, ngành, đoàn thể, địa phương", key="scope_sector"),
            Row(
                "- Cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng các cấp tổ chức",
                key="scope_cluster",
            ),
            Row("- Cơ quan, tổ chức, đơn vị", key="scope_unit"),
            Row("Chia theo thời hạn thi đua", section=True),
            Row("- Dưới 1 năm", key="length_under_1"),
            Row("- 1 năm", key="length_1"),
            Row("- Từ 1 năm đến dưới 3 năm", key="length_1_3"),
            Row("- Từ 3 năm đến dưới 5 năm", key="length_3_5"),
            Row("- Từ 5 năm trở lên", key="length_5"),
            Row("Chia theo phương thức tổ chức phong trào thi đua", section=True),
            Row("- Thi đua theo chuyên đề", key="method_thematic"),
            Row("- Thi đua thường xuyên hàng năm", key="method_regular"),
        )
    ),
)

UNRECORDED_0602 = (
    "medal",
    "hcm_prize",
    "state_prize",
    "heroic_mother",
    "armed_forces_hero",
    "merited_teacher",
    "other",
)
"""Keys of the 0602 columns for awards the catalog has no type for (a medal, the Hồ Chí Minh
and State prizes, the honorary titles other than Anh hùng Lao động, any other state award):
the register cannot hold them, so their cells are left for manual entry."""

FORM_0602 = FormLayout(
    code="0602",
    title="SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC",
    subtitle="Số lượt khen thưởng cấp Nhà nước theo quyết định ký trong năm",
    columns=(
        Column("Tổng số", TOTAL, number="1"),
        Column(
            "Chia ra",
            children=(
                Column(
                    f"Các loại huân chương, huy chương {EACH_OWN_COLUMN}",
                    number="2",
                    children=(
                        _both("Huân chương Độc lập hạng Nhất", "HCDL1"),
                        _both("Huân chương Độc lập hạng Nhì", "HCDL2"),
                        _both("Huân chương Độc lập hạng Ba", "HCDL3"),
                        _both("Huân chương Lao động hạng Nhất", "HCLD1"),
                        _both("Huân chương Lao động hạng Nhì", "HCLD2"),
                        _both("Huân chương Lao động hạng Ba", "HCLD3"),
                        _both("Huy chương", "medal"),
                    ),
                ),
                _person("Giải thưởng Hồ Chí Minh", "hcm_prize", number="3"),
                _person("Giải thưởng Nhà nước", "state_prize", number="4"),
                Column(
                    f"Danh hiệu vinh dự nhà nước {EACH_OWN_COLUMN}",
                    number="5",
                    children=(
                        _person("Bà mẹ Việt Nam anh hùng", "heroic_mother"),
                        _both("Anh hùng lực lượng vũ trang", "armed_forces_hero"),
                        _both("Anh hùng Lao động", "AHLD"),
                        _person("Nhà giáo ưu tú", "merited_teacher"),
                    ),
                ),
                Column(
                    "Cờ thi đua của Chính phủ",
                    children=(Column("Tập thể", "CO_CP:C"),),
                    number="6",
                ),
                _both("Bằng khen của Thủ tướng Chính phủ", "BK_TTG", number="7"),
                _person("Danh hiệu “Chiến sĩ thi đua Toàn quốc”", "CSTD_TQ", number="8"),
                _both(f"Các hình thức khen thưởng khác {EACH_OWN_COLUMN}", "other", number="9"),
            ),
        ),
    ),
    rows=_numbered(
        (
            Row("Tổng số", key=TOTAL, total=True),
            Row(
                "Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng",
                section=True,
            ),
            Row(
                "- Bộ, ban, ngành, đoàn thể Trung ương",
                key="submitter_ministry",
                measure="Bộ, ngành",
            ),
            Row(
                "- Tỉnh, thành phố trực thuộc Trung ương",
                key="submitter_province",
                measure="Tỉnh, TP",
            ),
            *SUBJECT_ROWS,
            *METHOD_ROWS,
        ),
        width=1,
        skip=(4, 5),
    ),
    notes=(
        "Dòng 2, 3 đếm số bộ, ngành (tỉnh) có tờ trình: ngành Kiểm sát nhân dân là một ngành "
        "Trung ương, nên ghi 1 ở mỗi cột có khen thưởng.",
    ),
)

FORM_0603 = FormLayout(
    code="0603",
    title=(
        "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ "
        "TRỰC THUỘC TRUNG ƯƠNG"
    ),
    subtitle="Số lượt khen thưởng cấp ngành Kiểm sát nhân dân theo quyết định ký trong năm",
    columns=(
        Column("Tổng số", TOTAL),
        Column(
            "Chia ra",
            children=(
                Column("Bằng khen", "BK_NGANH"),
                Column("Chiến sĩ thi đua cấp bộ, cấp tỉnh", "CSTD_NGANH"),
                Column(
                    "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực "
                    "thuộc Trung ương",
                    "CO_NGANH",
                ),
                Column(
                    "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, "
                    "thành phố trực thuộc Trung ương",
                    "KNC_VSNKS",
                ),
            ),
        ),
    ),
    rows=_numbered(
        (Row("Tổng số", key=TOTAL, total=True), *SUBJECT_ROWS, *METHOD_ROWS),
    ),
)

FORM_0604 = FormLayout(
    code="0604",
    title=(
        "SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ "
        "TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
    ),
    subtitle="Số tổ chức làm công tác thi đua, khen thưởng tại thời điểm cuối năm",
    columns=(Column("Số lượng", TOTAL),),
    rows=_numbered(
        (
            Row("Tổng số", key=TOTAL, measure="Tổ chức", total=True),
            Row("Chia theo cơ cấu tổ chức bộ máy", section=True),
            Row(
                "- Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương", key="department", measure="Vụ"
            ),
            Row("- Cấp phòng, ban hoặc bộ phận thuộc Vụ", key="division", measure="Phòng"),
            Row("- Cấp ban thuộc Sở Nội vụ", key="home_board", measure="Ban"),
            Row("- Cấp phòng thuộc Sở Nội vụ", key="home_division", measure="Phòng"),
        ),
        number_sections=False,
    ),
    notes=(
        "Tổ chức làm công tác thi đua, khen thưởng: đơn vị có tên “Thi đua – Khen thưởng” còn "
        "hiệu lực vào ngày cuối kỳ báo cáo. Dòng 04, 05 (Sở Nội vụ) không áp dụng cho ngành.",
    ),
)

FORM_0605 = FormLayout(
    code="0605",
    title=(
        "SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ "
        "TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
    ),
    subtitle="Số công chức làm công tác thi đua, khen thưởng tại thời điểm cuối kỳ báo cáo",
    measure_column=False,
    columns=(
        Column(
            "Số lượng (Người)",
            children=(Column("Tổng số", TOTAL), Column("Trong đó: Nữ", "women")),
        ),
    ),
    rows=_numbered(
        (
            Row("Tổng số", key=TOTAL, total=True),
            Row("Chia theo độ tuổi", section=True),
            Row("- Từ 30 trở xuống", key="age_30"),
            Row("- Từ 31 đến 40", key="age_31_40"),
            Row("- Từ 41 đến 50", key="age_41_50"),
            Row("- Từ 51 đến 55", key="age_51_55"),
            Row("- Từ 56 đến 60", key="age_56_60"),
            Row("- Trên 60 tuổi", key="age_over_60"),
            Row("Chia theo trình độ đào tạo", section=True),
            Row("- Sơ cấp", key="training_elementary"),
            Row("- Trung cấp", key="training_intermediate"),
            Row("- Cao đẳng", key="training_college"),
            Row("- Đại học", key="training_university"),
            Row("- Trên đại học", key="training_postgraduate"),
            Row("Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng", section=True),
            Row("- Dưới 5 năm", key="tenure_under_5"),
            Row("- Từ 5 đến 10 năm", key="tenure_5_10"),
            Row("- Từ 10 năm trở lên", key="tenure_10"),
        )
    ),
    notes=(
        "Gồm công chức chuyên trách (công tác tại đơn vị Thi đua – Khen thưởng) và kiêm nhiệm "
        "(giữ vai trò cán bộ TĐKT của đơn vị trong hệ thống, theo phân quyền hiện tại), mỗi "
        "người một lần.",
    ),
)

FORMS: dict[str, FormLayout] = {
    form.code: form for form in (FORM_0601, FORM_0602, FORM_0603, FORM_0604, FORM_0605)
}
"""The forms by code, in order."""
