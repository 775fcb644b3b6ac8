"""Statistics: every figure checked against counts made here from the register's rows (plain
loops, not the aggregate queries), every count opening a list of as many rows, scope, bad input,
the Excel export and a fixed number of queries at two sizes."""

import io
import statistics as pystats
from collections import Counter
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType
from tdkt.emulation.selectors.registrations import comparison
from tdkt.reports.statistics.figures import statistics_for
from tdkt.reports.statistics.forms import YEARS_REVERSED
from tdkt.reports.statistics.scope import statistics_scope
from tdkt.reports.tests.statistics_data import build_awards, build_proposals, build_registration

pytestmark = pytest.mark.django_db
YEARS = (2016, 2026)


@pytest.fixture
def world(org, people, users):
    build_awards(org, people)
    rounds = build_proposals(org, people, users)
    build_registration(org, people)
    return rounds


def reached_paths(org, who: str) -> tuple[str, ...]:
    """Paths each test user reaches, written out by hand (a merged province reaches the
    provinces it absorbed)."""
    return {
        "sector": (org.root.path,),
        "hanoi_officer": (org.hanoi.path,),
        "phu_tho_officer": (org.phu_tho.path, org.vinh_phuc.path, org.hoa_binh.path),
    }[who]


def standing_awards(org, who: str) -> list[Award]:
    paths = reached_paths(org, who)
    return [
        a
        for a in Award.objects.select_related("award_type", "person", "holder_unit")
        if not a.revoked and YEARS[0] <= a.year <= YEARS[1] and a.holder_unit.path.startswith(paths)
    ]


def figures(table) -> dict[str, list]:
    return {row.key: [c.value for c in row.cells] for row in table.rows}


WHO = ["sector", "hanoi_officer", "phu_tho_officer"]


@pytest.mark.parametrize("who", WHO)
def test_award_figures_equal_counts_made_from_the_register(world, org, users, who):
    mine = standing_awards(org, who)
    stats = statistics_for(statistics_scope(user=users[who], year_from=2016, year_to=2026))

    by_code = figures(stats.table("by_code"))
    assert set(by_code) == {a.award_type.code for a in mine}
    for code, (n, persons, collectives, money, unpriced) in by_code.items():
        rows = [a for a in mine if a.award_type.code == code]
        assert n == len(rows)
        assert persons == sum(1 for a in rows if a.person_id)
        assert collectives == sum(1 for a in rows if a.unit_id)
        assert money == sum((a.money for a in rows if a.money is not None), Decimal(0))
        assert unpriced == sum(1 for a in rows if a.money is None)

    assert {k: v[0] for k, v in figures(stats.table("by_level")).items()} == {
        str(k): n for k, n in Counter(min(a.award_type.level, 2) for a in mine).items()
    }
    assert {k: v[0] for k, v in figures(stats.table("by_kind")).items()} == Counter(
        a.kind for a in mine
    )
    years = figures(stats.table("by_year"))
    assert list(years) == [str(y) for y in range(2016, 2027)]
    for year, (total, state, sector, unit, money) in years.items():
        rows = [a for a in mine if a.year == int(year)]
        assert total == len(rows)
        assert (state, sector, unit) == tuple(
            sum(1 for a in rows if min(a.award_type.level, 2) == lv) for lv in (2, 1, 0)
        )
        assert money == sum((a.money or 0 for a in rows), Decimal(0))
    assert {k: v[0] for k, v in figures(stats.table("by_unit_type")).items()} == Counter(
        a.holder_unit.unit_type for a in mine
    )
    individuals = [a for a in mine if a.person_id]
    genders = figures(stats.table("by_gender"))
    for gender in ("M", "F"):
        n = sum(1 for a in individuals if a.person.gender == gender)
        assert genders[gender][0] == n
        assert genders[gender][1] == (round(100 * n / len(individuals), 1) if individuals else None)
    assert {k: v[0] for k, v in figures(stats.table("by_rank")).items()} == Counter(
        a.person.rank or "-" for a in individuals
    )
    assert stats.summary.awards == len(mine)
    assert stats.summary.money == sum((a.money or 0 for a in mine), Decimal(0))
    assert stats.summary.unpriced == sum(1 for a in mine if a.money is None)


def test_provinces_count_each_award_for_the_province_of_its_holding_unit(world, org, users):
    stats = statistics_for(statistics_scope(user=users["sector"], year_from=2016, year_to=2026))
    branches = {k: v[0] for k, v in figures(stats.table("by_branch")).items()}
    mine = standing_awards(org, "sector")

    def under(unit):
        return sum(1 for a in mine if a.holder_unit.path.startswith(unit.path))

    assert branches[str(org.hanoi.pk)] == under(org.hanoi)
    assert branches[str(org.hoa_binh.pk)] == under(org.hoa_binh)
    assert branches[str(org.phu_tho.pk)] == under(org.phu_tho)
    assert branches[str(org.office.pk)] == under(org.office)
    assert sum(branches.values()) == len(mine)


def test_revoked_awards_never_count_and_the_page_says_how_many_were_left_out(world, users, client):
    stats = statistics_for(statistics_scope(user=users["sector"], year_from=2025, year_to=2025))
    assert stats.summary.revoked_left_out == 1
    assert "CSTDCS" not in figures(stats.table("by_code"))  # the only 2025 CSTĐCS was revoked

    client.force_login(users["sector"])
    response = client.get(reverse("statistics:index") + "?year_from=2025&year_to=2025")
    assert "Khen thưởng đã bị hủy bỏ không được tính." in response.content.decode()
    revoked = client.get(response.context["revoked_url"]).context["page"].object_list
    assert [(a.award_type.code, a.year, a.revoked) for a in revoked] == [("CSTDCS", 2025, True)]


def test_a_unit_filter_includes_the_units_it_succeeded(world, org, users):
    scope = statistics_scope(user=users["sector"], year_from=2016, year_to=2026, unit=org.phu_tho)
    stats = statistics_for(scope)
    expected = standing_awards(org, "phu_tho_officer")
    assert stats.summary.awards == len(expected)
    assert any(a.holder_unit_id == org.hoa_binh.pk for a in expected)


def test_registration_against_result_agrees_with_the_emulation_comparison(world, users):
    stats = statistics_for(statistics_scope(user=users["hanoi_officer"], year_from=2025,
                                            year_to=2025))  # fmt: skip
    rows = figures(stats.table("registrations"))
    assert rows == {
        "2025-LDTT": [1, 1, 0, 100.0],
        "2025-CSTDCS": [1, 0, 1, 0.0],
        "2025-TTLDXS": [1, 1, 0, 100.0],
    }
    units = comparison(user=users["hanoi_officer"], year=2025)
    assert sum(u.registered for u in units) == sum(v[0] for v in rows.values())
    assert sum(u.achieved for u in units) == sum(v[1] for v in rows.values())


def test_lines_by_state_and_round_equal_the_lines_in_reach(world, org, users):
    from tdkt.proposals.models import ProposalLine

    stats = statistics_for(statistics_scope(user=users["hanoi_officer"], year_from=2026,
                                            year_to=2026))  # fmt: skip
    mine = [line for line in ProposalLine.objects.select_related("proposal__unit")
            if line.proposal.unit.path.startswith(org.hanoi.path)]  # fmt: skip
    assert {k: v[0] for k, v in figures(stats.table("lines_by_status")).items()} == Counter(
        line.status for line in mine
    )
    by_round = figures(stats.table("lines_by_round"))
    assert {k: v[0] for k, v in by_round.items()} == {
        str(k): n for k, n in Counter(line.proposal.round_id for line in mine).items()
    }
    annual = by_round[str(world["annual"].pk)]
    assert annual == [4, 0, 1, 1, 0, 2, 0]


def test_appraisal_turnaround_counts_working_days_from_each_submission(world, users):
    stats = statistics_for(statistics_scope(user=users["sector"], year_from=2026, year_to=2026))
    rows = figures(stats.table("appraisal"))

    def expect(days):
        return [len(days), round(pystats.mean(days), 1), pystats.median(days), max(days)]

    assert rows["ACCEPTED"] == expect([3, 1])
    assert rows["RETURNED"] == expect([4, 1])
    assert rows["REJECTED"] == expect([5])
    assert rows["RESUBMITTED"] == expect([5])
    hanoi = statistics_for(
        statistics_scope(user=users["hanoi_officer"], year_from=2026, year_to=2026)
    )
    assert "REJECTED" not in figures(hanoi.table("appraisal"))  # Phú Thọ's line


def _count_behind(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["page"].paginator.count


@pytest.mark.parametrize("who", ["sector", "hanoi_officer"])
def test_every_count_opens_a_list_with_as_many_rows(world, users, client, who):
    client.force_login(users[who])
    response = client.get(reverse("statistics:index") + "?year_from=2016&year_to=2026")
    assert response.status_code == 200
    checked = 0
    for item in response.context["tables"]:
        if item["table"].target == "registrations":
            continue
        for row in item["rows"]:
            for cell in row["cells"]:
                if isinstance(cell["value"], int) and cell["url"]:
                    assert _count_behind(client, cell["url"]) == cell["value"], (
                        item["table"].slug, row["label"], cell["url"],
                    )  # fmt: skip
                    checked += 1
    assert checked > 40


def test_money_opens_the_awards_whose_money_it_adds(world, users, client):
    client.force_login(users["sector"])
    response = client.get(reverse("statistics:awards") + "?year_from=2016&year_to=2026&money=set")
    listed = response.context["page"].object_list
    assert sum(a.money for a in listed) == Decimal(17_500_000)


URLS = [
    reverse("statistics:index"),
    reverse("statistics:awards"),
    reverse("statistics:lines"),
    reverse("statistics:dashboard"),
]


@pytest.mark.parametrize("url", URLS)
def test_anonymous_users_are_sent_to_the_login(world, client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/dang-nhap/" in response["Location"]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("who", ["no_role", "staff_duc"])
def test_users_without_a_role_at_a_unit_get_404(world, users, client, url, who):
    client.force_login(users[who])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", URLS[:3])
def test_a_unit_outside_the_reach_answers_404(world, org, users, client, url):
    client.force_login(users["hanoi_officer"])
    query = f"?year_from=2016&year_to=2026&unit={org.phu_tho.pk}"
    assert client.get(url + query).status_code == 404
    assert client.get(url + f"?year_from=2016&year_to=2026&unit={org.hanoi.pk}").status_code == 200


def test_a_unit_officer_never_sees_other_units_in_a_drill_down(world, org, users, client):
    client.force_login(users["hanoi_officer"])
    url = reverse("statistics:awards") + f"?year_from=2016&year_to=2026&branch={org.phu_tho.pk}"
    assert client.get(url).context["page"].paginator.count == 0
    lines = client.get(reverse("statistics:lines") + "?year_from=2026&year_to=2026")
    assert {line.proposal.unit_id for line in lines.context["page"].object_list} == {org.hanoi.pk}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?year_from=2025&year_to=2020", str(YEARS_REVERSED)),
        ("?year_from=abc&year_to=2020", "Năm phải là một số, ví dụ 2025."),
        ("?year_from=1990&year_to=2020", "Năm phải từ 2015 trở đi."),
        ("?year_from=2016&year_to=2026&unit=xyz", "Đơn vị đã chọn không thuộc phạm vi của bạn."),
    ],
)
def test_bad_input_answers_with_a_vietnamese_message(world, users, client, query, message):
    client.force_login(users["sector"])
    response = client.get(reverse("statistics:index") + query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_bad_drill_filters_answer_400_with_the_reason(world, users, client):
    client.force_login(users["sector"])
    url = reverse("statistics:lines") + "?year_from=2016&year_to=2026&status=NOPE"
    response = client.get(url)
    assert response.status_code == 400
    assert "Trạng thái “NOPE” không thuộc danh sách cho phép." in response.content.decode()


def test_the_excel_export_has_one_sheet_per_table_with_the_same_figures(world, users, client):
    client.force_login(users["sector"])
    response = client.get(reverse("statistics:index") + "?year_from=2016&year_to=2026&format=xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    stats = statistics_for(statistics_scope(user=users["sector"], year_from=2016, year_to=2026))
    assert len(workbook.sheetnames) == len(stats.tables) + 1
    summary = workbook["Tổng hợp"]
    assert summary["B3"].value == stats.summary.awards
    by_code = workbook[workbook.sheetnames[1]]
    assert by_code["A1"].value == "Theo danh hiệu, hình thức khen thưởng"
    written = {row[0]: row[1] for row in by_code.iter_rows(min_row=4, values_only=True) if row[0]}
    names = dict(AwardType.objects.values_list("code", "name"))
    for code, values in figures(stats.table("by_code")).items():
        assert written[names[code]] == values[0]


def test_drill_down_lists_export_every_row_to_excel(world, users, client):
    client.force_login(users["sector"])
    url = reverse("statistics:awards") + "?year_from=2016&year_to=2026&code=LDTT&format=xlsx"
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == Award.objects.filter(award_type__code="LDTT", revoked=False).count()
    assert {r[1] for r in rows} == {"LDTT"}
    url = reverse("statistics:lines") + "?year_from=2026&year_to=2026&format=xlsx"
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    assert sheet.max_row == 1 + 6


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        reverse("statistics:index") + "?year_from=2016&year_to=2026",
        reverse("statistics:awards") + "?year_from=2016&year_to=2026",
        reverse("statistics:lines") + "?year_from=2016&year_to=2026",
        reverse("statistics:dashboard"),
    ],
)
def test_queries_do_not_grow_with_the_number_of_awards(world, org, people, users, client, url):
    client.force_login(users["sector"])
    small = _queries(client, url)
    from tdkt.reports.tests.statistics_data import grant
    from tdkt.testing import make_person

    for i in range(25):
        person = make_person(org.area_hanoi_1, f"Người thứ {i}", gender="F" if i % 2 else "M")
        grant("LDTT", 2025, person=person, money=Decimal(100_000))
        grant("GK", 2024, person=person, kind="DOT_XUAT")
    assert _queries(client, url) == small
    assert small <= 25


def test_a_second_root_outside_the_reach_stays_outside(world, org, users):
    from tdkt.org.models import UnitType
    from tdkt.org.services import unit_create
    from tdkt.reports.tests.statistics_data import grant

    other = unit_create(
        code="KHAC", short_name="Cơ quan khác", full_name="Cơ quan khác",
        unit_type=UnitType.SUPREME, parent=None, valid_from=org.root.valid_from,
    )  # fmt: skip
    grant("TTLDTT", 2025, unit=other)
    scope = statistics_scope(user=users["sector"], year_from=2016, year_to=2026)
    assert not scope.whole_tree
    stats = statistics_for(scope)
    assert stats.summary.awards == len(standing_awards(org, "sector"))
    assert str(other.pk) not in figures(stats.table("by_branch"))


def test_lists_sort_by_a_column_and_name_their_filters_in_vietnamese(world, users, client):
    client.force_login(users["sector"])
    base = reverse("statistics:awards") + "?year_from=2016&year_to=2026"
    richest = client.get(base + "&sort=-money").context["page"].object_list[0]
    assert richest.money == Decimal(10_000_000)
    oldest = client.get(base + "&sort=year").context["page"].object_list[0]
    assert oldest.year == 2023
    html = client.get(base + "&code=LDTT&gender=F").content.decode()
    assert "Mã danh hiệu, hình thức: LDTT" in html
    assert "Giới tính: Nữ" in html
    lines = reverse("statistics:lines") + "?year_from=2026&year_to=2026&status=RETURNED"
    assert "Trạng thái: Trả lại để bổ sung" in client.get(lines).content.decode()
    response = client.get(base + "&sort=nope")
    assert response.status_code == 400
    assert "Giá trị “nope” không thuộc danh sách cho phép." in response.content.decode()


def test_council_results_count_working_days_since_the_acceptance(world, users):
    from tdkt.proposals.models import LineAppraisal
    from tdkt.reports.tests.statistics_data import D, at

    accepted = LineAppraisal.objects.filter(action="ACCEPTED").order_by("at").first().line
    step = LineAppraisal.objects.create(line=accepted, action="PASSED", actor=users["sector"])
    LineAppraisal.objects.filter(pk=step.pk).update(at=at(D(2026, 3, 20)))

    stats = statistics_for(statistics_scope(user=users["sector"], year_from=2026, year_to=2026))

    assert figures(stats.table("appraisal"))["PASSED"] == [1, 11, 11, 11]  # Thu 5/3 → Fri 20/3


def test_a_period_without_data_shows_empty_tables_not_errors(world, users, client):
    client.force_login(users["phu_tho_officer"])
    response = client.get(reverse("statistics:index") + "?year_from=2016&year_to=2020")
    assert response.status_code == 200
    stats = response.context["stats"]
    assert stats.summary.awards == 0
    assert stats.table("appraisal").rows == []
    assert "Không có số liệu trong kỳ và phạm vi đã chọn." in response.content.decode()
    assert client.get(reverse("statistics:dashboard")).status_code == 200


@pytest.mark.parametrize("who", ["sector", "hanoi_officer"])
def test_every_point_of_every_chart_opens_its_own_list(world, users, client, who):
    """Each bar, point or slice links to the list of its own label and its own series: the
    trend's level lines open that level of that year, not the whole year."""
    client.force_login(users[who])
    response = client.get(reverse("statistics:index") + "?year_from=2016&year_to=2026")
    checked = 0
    for item in response.context["tables"]:
        chart = item["chart"]
        if not chart or item["table"].target == "registrations":
            continue
        assert len(chart["urls"]) == len(chart["datasets"])
        for dataset, urls in zip(chart["datasets"], chart["urls"], strict=True):
            for value, url in zip(dataset["data"], urls, strict=True):
                assert _count_behind(client, url) == value, (item["table"].slug, url)
                checked += 1
    assert checked > 50
    trend = next(i["chart"] for i in response.context["tables"] if i["table"].slug == "by_year")
    labels = [d["label"] for d in trend["datasets"]]
    assert labels == ["Tổng số", "Cấp Nhà nước", "Cấp ngành", "Cấp cơ sở"]
    year = trend["labels"].index("2025")
    assert trend["links"][0][year] == {"year": "2025"}
    assert [trend["links"][d][year] for d in (1, 2, 3)] == [
        {"year": "2025", "level": "2"}, {"year": "2025", "level": "1"},
        {"year": "2025", "level": "0"},
    ]  # fmt: skip
    sector = client.get(trend["urls"][2][year]).context["page"].object_list
    assert {(a.year, min(a.award_type.level, 2)) for a in sector} == {(2025, 1)}
