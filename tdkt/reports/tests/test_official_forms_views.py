"""The statistics forms page and API: the official layout of each file, the scope of every
route (anonymous, no role, staff, in and out of scope) and a fixed number of queries."""

import datetime as dt
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.accounts.models import Role
from tdkt.awards.services import award_record
from tdkt.catalog.models import AwardType
from tdkt.reports.official_forms.layouts import CIRCULAR, FORMS
from tdkt.reports.tests.official_forms_reading import read_form, sheet_texts
from tdkt.testing import make_person, make_user

pytestmark = pytest.mark.django_db
PAGE = "official_forms:index"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _login(client, user):
    client.force_login(user)
    return client


def _get(client, code="0603", year=2024, unit=None):
    return client.get(reverse(PAGE), {"form": code, "year": year, "unit": unit.pk})


def _api(client, code, year, unit):
    return client.get(f"/api/v1/official-forms/{code}", {"year": year, "unit": unit.pk})


def test_page_lists_the_forms_and_the_units_of_the_user(client, users, org):
    response = _login(client, users["hanoi_officer"]).get(reverse(PAGE))
    assert response.status_code == 200
    text = response.content.decode()
    for layout in FORMS.values():
        assert layout.form_number in text
    assert org.hanoi.full_name in text
    assert org.phu_tho.full_name not in text


@pytest.mark.parametrize("code", list(FORMS))
def test_each_form_has_the_official_heading_titles_and_print_setup(client, users, org, code):
    response = _get(_login(client, users["sector"]), code=code, unit=org.hanoi)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert f"bieu-{code}N-T-HN-2024.xlsx" in response["Content-Disposition"]
    layout = FORMS[code]
    sheet, head, _values, _shaded = read_form(response.content, layout)
    assert sheet["A1"].value == "VKSND TỐI CAO"
    assert sheet.cell(2, 1).value == org.hanoi.full_name.upper()
    texts = sheet_texts(sheet)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
        f"Biểu số {code}.N/BNV-TĐKT",
        CIRCULAR,
        layout.title,
        "Năm 2024",
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
    ):
        assert expected in texts, expected
    assert any(t.startswith("Hà Nội, ngày ") for t in texts)
    # Every heading is in the header band, and a parent heading is merged over its leaves.
    header = {
        sheet.cell(r, c).value
        for r in range(head, head + layout.header_depth())
        for c in range(1, sheet.max_column + 1)
    }
    for column in layout.columns:
        stack = [column]
        while stack:
            node = stack.pop()
            assert node.label in header, node.label
            stack.extend(node.children)
    merged = {str(m) for m in sheet.merged_cells.ranges}
    assert f"A{head}:A{head + layout.header_depth() - 1}" in merged or layout.header_depth() == 1
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert int(sheet.page_setup.fitToWidth) == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == f"${head}:${head + layout.header_depth()}"


def test_0602_heading_merges_the_orders_and_medals_over_their_fourteen_columns(client, users, org):
    response = _get(_login(client, users["sector"]), code="0602", unit=org.root)
    sheet = load_workbook(BytesIO(response.content)).active
    orders = next(
        m
        for m in sheet.merged_cells.ranges
        if (sheet.cell(m.min_row, m.min_col).value or "").startswith("Các loại huân chương")
    )
    assert orders.max_col - orders.min_col + 1 == 14
    numbers = next(r for r in range(orders.min_row, sheet.max_row) if sheet.cell(r, 1).value == "A")
    assert sheet.cell(numbers, orders.min_col).value == "2"
    span = next(
        m for m in sheet.merged_cells.ranges if m.min_row == numbers and m.min_col == orders.min_col
    )
    assert span.max_col == orders.max_col


def test_api_returns_the_same_figures_as_the_page(client, users, org, people):
    award_record(
        award_type=AwardType.objects.get(code="BK_NGANH"), year=2024, decision_number="1/QĐ",
        decision_date=dt.date(2024, 5, 1), person=people["duc"], reason="Kiểm thử",
    )  # fmt: skip
    client = _login(client, users["hanoi_officer"])
    page = read_form(_get(client, unit=org.hanoi).content, FORMS["0603"])[2]
    api = _api(client, "0603", 2024, org.hanoi)
    assert api.status_code == 200
    assert api["Content-Type"] == XLSX
    assert read_form(api.content, FORMS["0603"])[2] == page
    assert page[("total", "BK_NGANH")] == 1


@pytest.mark.parametrize(
    ("who", "status"),
    [("no_role", 404), ("staff_duc", 404), ("hanoi_officer", 200), ("hanoi_leader", 200)],
)
def test_page_scope(client, users, org, who, status):
    assert _login(client, users[who]).get(reverse(PAGE)).status_code == status


def test_anonymous_is_sent_to_login(client, org):
    response = client.get(reverse(PAGE))
    assert response.status_code == 302
    assert _api(client, "0601", 2024, org.hanoi).status_code == 401


@pytest.mark.parametrize("route", ["page", "api"])
def test_out_of_scope_unit_answers_404(client, users, org, route):
    client = _login(client, users["hanoi_officer"])
    for unit in (org.phu_tho, org.root, org.vinh_phuc):
        if route == "page":
            assert _get(client, unit=unit).status_code == 404
        else:
            assert _api(client, "0603", 2024, unit).status_code == 404
    for who in ("no_role", "staff_duc"):
        client.logout()
        client = _login(client, users[who])
        assert _api(client, "0603", 2024, org.hanoi).status_code == 404


def test_merged_province_reports_its_predecessors(client, users, org):
    """Phú Thọ (from 1/7/2025) covers Vĩnh Phúc and Hòa Bình: an award of 2024 there counts."""
    person = make_person(org.hoa_binh_district, "Người Hòa Bình")
    award_record(
        award_type=AwardType.objects.get(code="BK_NGANH"), year=2024, decision_number="2/QĐ",
        decision_date=dt.date(2024, 5, 1), person=person, reason="Kiểm thử",
    )  # fmt: skip
    client = _login(client, users["phu_tho_officer"])
    values = read_form(_get(client, unit=org.phu_tho).content, FORMS["0603"])[2]
    assert values[("total", "BK_NGANH")] == 1
    assert _get(client, unit=org.hoa_binh).status_code == 200


def test_bad_input_is_explained(client, users, org):
    client = _login(client, users["sector"])
    response = client.get(reverse(PAGE), {"form": "0699", "year": "abc", "unit": org.root.pk})
    assert response.status_code == 400
    text = response.content.decode()
    assert "0699" in text or "không nằm trong" in text.lower() or "lựa chọn" in text.lower()
    response = _get(client, year=1990, unit=org.root)
    assert response.status_code == 400
    assert "Năm báo cáo phải từ 2015" in response.content.decode()
    api = _api(client, "0601", 1990, org.root)
    assert api.status_code == 400
    assert "Năm báo cáo" in api.json()["detail"]
    assert _api(client, "0699", 2024, org.root).status_code in (400, 422)


def _awards(org, count):
    kinds = ["BK_NGANH", "CSTD_NGANH", "KNC_VSNKS", "BK_TTG", "HCLD3"]
    for index in range(count):
        person = make_person(org.hanoi, f"Người {index}", position="TP" if index % 2 else "KSV")
        award_record(
            award_type=AwardType.objects.get(code=kinds[index % len(kinds)]), year=2024,
            decision_number=f"{index}/QĐ", decision_date=dt.date(2024, 3, 1), person=person,
            reason="Kiểm thử",
        )  # fmt: skip


@pytest.mark.parametrize("code", list(FORMS))
def test_queries_do_not_grow_with_the_rows(client, users, org, code, django_assert_num_queries):
    client = _login(client, users["hanoi_officer"])
    make_user("tdkt.khac", (Role.UNIT_OFFICER, org.hanoi), person=make_person(org.hanoi))
    _awards(org, 3)
    client.get(reverse(PAGE))  # warm the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert _get(client, code=code, unit=org.hanoi).status_code == 200
    _awards(org, 30)
    with CaptureQueriesContext(connection) as large:
        assert _get(client, code=code, unit=org.hanoi).status_code == 200
    assert len(large) == len(small)
    assert len(small) <= 14


def test_api_route_is_documented(client, users):
    client.force_login(users["sector"])
    schema = client.get("/api/v1/openapi.json").json()
    route = schema["paths"]["/api/v1/official-forms/{code}"]["get"]
    assert {p["name"] for p in route["parameters"]} == {"code", "year", "unit"}
