"""API routes of the exports: the decision exchange (JSON, CSV), the record files (PDF, Excel)
and the statistics workbook — the same content as the pages, within the caller's reach, with a
personal token as well as a session."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.accounts import services
from tdkt.reports.forms import PERIOD_REVERSED
from tdkt.reports.tests.test_records import grant
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db
DECISIONS = "/api/v1/exports/decisions"
STATISTICS = "/api/v1/exports/statistics"
PERIOD = {"date_from": "2022-01-01", "date_to": "2025-12-31"}


@pytest.fixture
def awards(org, people):
    grant("LDTT", 2023, person=people["duc"])
    grant("CSTDCS", 2024, person=people["duc"], revoked=True, number="99/QĐ-HUY")
    grant("TTLDTT", 2024, unit=org.hanoi, number="HN/QĐ")
    grant("TTLDTT", 2024, unit=org.phu_tho, number="PT/QĐ")


def _bearer(user) -> dict:
    _token, raw = services.token_create(user=user, name="Kết nối")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _without_time(body: bytes) -> dict:
    document = json.loads(body)
    document.pop("generated_at")
    return document


def test_a_token_client_gets_the_same_json_as_the_page(client, awards, users):
    headers = _bearer(users["hanoi_officer"])

    api = client.get(DECISIONS, PERIOD, **headers)
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("reports:decisions-export"), {**PERIOD, "format": "json"})

    assert api.status_code == 200 and api.streaming
    assert api["Content-Type"] == "application/json; charset=utf-8"
    assert api["Content-Disposition"] == page["Content-Disposition"]
    document = _without_time(_body(api))
    assert document == _without_time(_body(page))
    assert document["format"] == "tdkt.decisions/1"
    numbers = {d["number"] for d in document["decisions"]}
    assert numbers == {"2023/QĐ-LDTT", "99/QĐ-HUY", "HN/QĐ"}  # Phú Thọ is out of reach


def test_the_csv_is_the_pages_csv(client, awards, users):
    headers = _bearer(users["sector"])

    api = client.get(DECISIONS, {**PERIOD, "format": "csv"}, **headers)
    client.force_login(users["sector"])
    page = client.get(reverse("reports:decisions-export"), {**PERIOD, "format": "csv"})

    assert api["Content-Type"] == "text/csv; charset=utf-8"
    body = _body(api)
    assert body == _body(page) and body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert {r["decision_number"] for r in rows} == {"2023/QĐ-LDTT", "99/QĐ-HUY", "HN/QĐ", "PT/QĐ"}
    assert {r["revoked"] for r in rows if r["decision_number"] == "99/QĐ-HUY"} == {"1"}


@pytest.mark.parametrize(
    ("params", "status", "field", "words"),
    [
        ({"date_from": "khong-phai-ngay"}, 422, "date_from", "“từ ngày” phải là ngày"),
        ({"date_to": None}, 422, "date_to", "Thiếu giá trị cho trường “đến ngày”"),
        ({"format": "xml"}, 422, "format", "“định dạng” không thuộc danh sách"),
        ({"date_from": "2025-01-01", "date_to": "2024-01-01"}, 400, "date_to", PERIOD_REVERSED),
    ],
)
def test_a_bad_period_is_explained_in_vietnamese(client, users, params, status, field, words):
    query = {k: v for k, v in {**PERIOD, **params}.items() if v is not None}

    response = client.get(DECISIONS, query, **_bearer(users["hanoi_officer"]))

    assert response.status_code == status
    body = response.json()
    if status == 422:
        assert body["errors"][0]["field"] == field
        assert words in body["errors"][0]["message"]
    else:
        assert (body["field"], body["detail"]) == (field, str(words))


def test_the_exports_need_a_role_at_a_unit(client, awards, org, users):
    assert client.get(DECISIONS, PERIOD).status_code == 401
    assert client.get(DECISIONS, PERIOD, HTTP_AUTHORIZATION="Bearer tdkt_sai").status_code == 401
    no_role = _bearer(users["no_role"])
    assert client.get(DECISIONS, PERIOD, **no_role).status_code == 404
    assert (
        client.get(STATISTICS, {"year_from": 2024, "year_to": 2024}, **no_role).status_code == 404
    )
    staff = _bearer(users["staff_duc"])  # reaches his own record only
    assert client.get(STATISTICS, {"year_from": 2024, "year_to": 2024}, **staff).status_code == 404


def _record_files(kind: str, pk: int) -> list[str]:
    return [f"/api/v1/records/{kind}/{pk}/{suffix}" for suffix in ("pdf", "excel")]


def _rows(content: bytes) -> dict[str, list[tuple]]:
    workbook = load_workbook(io.BytesIO(content))
    return {name: list(workbook[name].iter_rows(values_only=True)) for name in workbook.sheetnames}


def test_record_files_are_the_pages_files(client, awards, org, people, users):
    headers = _bearer(users["sector"])
    duc = people["duc"]

    pdf, excel = (client.get(url, **headers) for url in _record_files("persons", duc.pk))
    unit_pdf, unit_excel = (
        client.get(url, **headers) for url in _record_files("units", org.hanoi.pk)
    )
    client.force_login(users["sector"])
    page_excel = client.get(reverse("reports:person-record-excel", args=[duc.pk]))

    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert f'filename="ho-so-khen-thuong-{duc.code}.pdf"' in pdf["Content-Disposition"]
    assert excel["Content-Disposition"] == page_excel["Content-Disposition"]
    assert _rows(excel.content) == _rows(page_excel.content)
    assert unit_pdf.content.startswith(b"%PDF-")
    assert f"ho-so-khen-thuong-{org.hanoi.code}.xlsx" in unit_excel["Content-Disposition"]
    holders = [r[4] for r in _rows(unit_excel.content)["KhenThuongTapThe"][1:]]
    assert holders == ["HN/QĐ"]


def test_record_files_out_of_reach_answer_404(client, org, people, users):
    hanoi = _record_files("persons", people["duc"].pk) + _record_files("units", org.hanoi.pk)
    phu_tho = _bearer(users["phu_tho_officer"])
    assert all(client.get(url, **phu_tho).status_code == 404 for url in hanoi)
    no_role = _bearer(users["no_role"])
    assert all(client.get(url, **no_role).status_code == 404 for url in hanoi)
    missing = _record_files("persons", 999999) + _record_files("units", 999999)
    sector = _bearer(users["sector"])
    assert all(client.get(url, **sector).status_code == 404 for url in missing)
    assert all(client.get(url).status_code == 401 for url in hanoi)
    staff = _bearer(users["staff_duc"])
    assert client.get(_record_files("persons", people["duc"].pk)[0], **staff).status_code == 200
    assert client.get(_record_files("units", org.hanoi.pk)[0], **staff).status_code == 404


def test_the_statistics_workbook_is_the_pages_export(client, awards, org, users):
    query = {"year_from": 2022, "year_to": 2025, "unit": org.hanoi.pk}

    api = client.get(STATISTICS, query, **_bearer(users["hanoi_officer"]))
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("statistics:index"), {**query, "format": "xlsx"})

    assert api.status_code == 200
    assert api["Content-Disposition"] == page["Content-Disposition"]
    assert 'filename="thong-ke-khen-thuong-2022-2025.xlsx"' in api["Content-Disposition"]
    assert _rows(api.content) == _rows(page.content)


def test_the_statistics_workbook_checks_the_period_and_the_unit(client, org, users):
    headers = _bearer(users["hanoi_officer"])

    early = client.get(STATISTICS, {"year_from": 1990, "year_to": 2024}, **headers)
    reversed_ = client.get(STATISTICS, {"year_from": 2025, "year_to": 2024}, **headers)
    not_a_year = client.get(STATISTICS, {"year_from": "abc", "year_to": 2024}, **headers)
    other = client.get(
        STATISTICS, {"year_from": 2024, "year_to": 2024, "unit": org.phu_tho.pk}, **headers
    )

    assert early.status_code == 400 and "Năm phải từ 2015" in early.json()["detail"]
    assert reversed_.status_code == 400 and "“Đến năm”" in reversed_.json()["detail"]
    assert not_a_year.status_code == 422
    assert "“từ năm” phải là số nguyên" in not_a_year.json()["errors"][0]["message"]
    assert other.status_code == 404


def test_the_routes_are_in_the_openapi_schema(client, users):
    client.force_login(users["sector"])

    paths = client.get("/api/v1/openapi.json").json()["paths"]

    for path in (
        "/api/v1/exports/decisions",
        "/api/v1/exports/statistics",
        "/api/v1/records/persons/{pk}/pdf",
        "/api/v1/records/persons/{pk}/excel",
        "/api/v1/records/units/{pk}/pdf",
        "/api/v1/records/units/{pk}/excel",
    ):
        assert "get" in paths[path], path
    decisions = paths["/api/v1/exports/decisions"]["get"]
    assert {p["name"] for p in decisions["parameters"]} == {"date_from", "date_to", "format"}
    assert set(decisions["responses"]["200"]["content"]) >= {"application/json", "text/csv"}


def _more_awards(org, count: int, start: int) -> None:
    for index in range(start, start + count):
        person = make_person(org.hanoi, f"Cán bộ {index}")
        grant("LDTT", 2022 + index % 4, person=person, number=f"{index}/QĐ")


def test_the_exports_cost_a_fixed_number_of_queries(client, org, users, django_assert_num_queries):
    headers = _bearer(users["hanoi_officer"])
    calls = [
        (DECISIONS, PERIOD),
        (DECISIONS, {**PERIOD, "format": "csv"}),
        (STATISTICS, {"year_from": 2022, "year_to": 2025}),
        (f"/api/v1/records/units/{org.hanoi.pk}/excel", {}),
    ]

    def counts() -> list[int]:
        found = []
        for url, query in calls:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, query, **headers)
                assert response.status_code == 200
                _body(response)
            found.append(len(queries))
        return found

    _more_awards(org, 2, 0)
    small = counts()
    _more_awards(org, 40, 2)
    assert counts() == small
    with django_assert_num_queries(small[0]):
        _body(client.get(DECISIONS, PERIOD, **headers))
