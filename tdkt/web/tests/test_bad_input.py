"""Nothing a user can type in a query string produces a 500, on any page or API route."""

import pytest
from django.urls import reverse

JUNK = [
    {"page": "-1"},
    {"page": "abc"},
    {"page": "99999999999999999999"},
    {"per_page": "-1"},
    {"per_page": "100000"},
    {"sort": "khong_co_cot"},
    {"sort": "-unit"},
    {"day": "9999-99-99"},
    {"day": "0001-01-01"},
    {"q": "đ" * 5000},
    {"q": " ".join(f"tu{i}" for i in range(2000))},
    {"q": "%' OR 1=1 --"},
    {"unit": "abc"},
    {"unit": "99999999"},
    {"gender": "ZZ"},
    {"status": "xyz"},
    {"kind": "KHONG"},
    {"page_size": "0"},
    {"page_size": "100000"},
]

PAGES = ["web:home", "org:tree", "org:events", "people:list", "people:export", "imports:list"]
API = ["/api/v1/units", "/api/v1/people"]


@pytest.mark.django_db
@pytest.mark.parametrize("params", JUNK, ids=lambda p: next(iter(p)))
def test_pages_and_api_survive_junk_parameters(client, people, users, params):
    client.force_login(users["sector"])
    for name in PAGES:
        response = client.get(reverse(name), params)
        assert response.status_code in (200, 302, 404), (name, params, response.status_code)
    for url in API:
        response = client.get(url, params)
        assert response.status_code in (200, 404, 422), (url, params, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/can-bo/abc/", "/can-bo/0/", "/don-vi/99999999999999999999/", "/api/v1/people/99999999999"],
)
def test_bad_ids_answer_404(client, users, url):
    client.force_login(users["sector"])
    assert client.get(url).status_code == 404
