"""API behaviour: Vietnamese errors naming the field, scoped results, fixed query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tdkt.testing import make_person


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "field", "words"),
    [
        ("/api/v1/units?day=31-02-2024", "day", "ngày"),
        ("/api/v1/people?unit=abc", "unit", "số nguyên"),
        ("/api/v1/people?gender=X", "gender", "danh sách cho phép"),
        ("/api/v1/people?page=0", "page", "khoảng cho phép"),
    ],
)
def test_bad_parameters_get_vietnamese_messages(client, users, url, field, words):
    client.force_login(users["sector"])
    response = client.get(url)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Dữ liệu không hợp lệ."
    assert body["errors"][0]["field"] == field
    assert words in body["errors"][0]["message"]


@pytest.mark.django_db
def test_people_search_without_diacritics_and_filters(client, people, users):
    client.force_login(users["sector"])
    body = client.get("/api/v1/people", {"q": "DANG VAN DUC"}).json()
    assert [p["full_name"] for p in body["items"]] == ["Đặng Văn Đức"]
    women = client.get("/api/v1/people", {"gender": "F"}).json()
    assert {p["full_name"] for p in women["items"]} == {"Trần Thị Bình", "Phạm Thị Dung"}
    active = client.get("/api/v1/people", {"status": "active", "gender": "F"}).json()
    assert [p["full_name"] for p in active["items"]] == ["Trần Thị Bình"]


@pytest.mark.django_db
def test_unit_filter_out_of_scope_is_404(client, org, users):
    client.force_login(users["hanoi_officer"])
    assert client.get("/api/v1/people", {"unit": org.phu_tho.pk}).status_code == 404
    assert client.get("/api/v1/people", {"unit": org.hanoi.pk}).status_code == 200


@pytest.mark.django_db
def test_units_on_a_date(client, org, users):
    client.force_login(users["sector"])
    before = {u["code"] for u in client.get("/api/v1/units?day=2025-06-30").json()["items"]}
    after = {u["code"] for u in client.get("/api/v1/units?day=2025-07-01").json()["items"]}
    assert "T-HB" in before and "T-HB" not in after
    assert "T-PT2025" in after and "T-PT2025" not in before
    detail = client.get(f"/api/v1/units/{org.phu_tho.pk}").json()
    assert {u["code"] for u in detail["predecessors"]} == {"T-VP", "T-HB"}


@pytest.mark.django_db
def test_people_list_query_count_is_fixed(client, org, users):
    client.force_login(users["sector"])

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/people").status_code == 200
        return len(ctx.captured_queries)

    make_person(org.hanoi, "Một")
    few = queries()
    for i in range(30):
        make_person(org.hanoi_division, f"Người {i}")
    assert queries() == few


@pytest.mark.django_db
def test_person_detail_has_years(client, people, users):
    from tdkt.people import services

    services.rating_set(person=people["duc"], year=2024, rating="HTXSNV", reason="x")
    client.force_login(users["hanoi_officer"])
    body = client.get(f"/api/v1/people/{people['duc'].pk}").json()
    year = next(y for y in body["years"] if y["year"] == 2024)
    assert year["rating"] == "HTXSNV"
    assert body["assignments"][0]["unit_name"] == "VKSND thành phố Hà Nội"
