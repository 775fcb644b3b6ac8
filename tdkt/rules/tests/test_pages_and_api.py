"""Explanation pages, the case API and the eligibility command."""

import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

CASE = {
    "code": "CSTDCS",
    "year": 2024,
    "person": {"id": "CB1", "recruitment_date": "2015-03-01", "ratings": {"2024": "HTXSNV"}},
}


@pytest.mark.django_db
def test_rule_pages_show_periods_text_and_parameters(client, users):
    client.force_login(users["hanoi_officer"])
    index = client.get(reverse("rules:index")).content.decode()
    assert "LDTT" in index and "01/10/2024" in index
    page = client.get(reverse("rules:detail", kwargs={"code": "LDTT"})).content.decode()
    assert "Điều 15 Thông tư 02/2024/TT-VKSTC" in page
    assert "ldtt.min_months_since_recruitment" in page and "chưa chắc chắn" in page
    assert client.get(reverse("rules:detail", kwargs={"code": "KHONG"})).status_code == 404
    assert "Tham số theo thời gian" in client.get(reverse("rules:parameters")).content.decode()


@pytest.mark.django_db
def test_rule_pages_need_login(client):
    assert client.get(reverse("rules:index")).status_code == 302


@pytest.mark.django_db
def test_case_api_returns_the_verdict(client, users):
    client.force_login(users["hanoi_officer"])
    response = client.post(
        "/api/v1/eligibility/case", json.dumps(CASE), content_type="application/json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["outcome"] == "ELIGIBLE" and body["rule"]["id"] == "CSTDCS@2024-01-01"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({**CASE, "year": "hai nghìn"}, "year"),
        ({**CASE, "person": {**CASE["person"], "ratings": {"2024": "GIOI"}}},
         "person.ratings.2024"),
        ({**CASE, "person": {**CASE["person"], "recruitment_date": "31/02/2020"}},
         "person.recruitment_date"),
        ({**CASE, "code": "KHONG_CO"}, "code"),
        ({**CASE, "code": "LDTT", "year": 2010}, "reference_date"),
        ({**CASE, "la": 1}, "la"),
        ({"code": "LDTT", "year": 2024}, "(gốc)"),
    ],
)  # fmt: skip
def test_case_api_names_the_field_at_fault(client, users, payload, field):
    client.force_login(users["hanoi_officer"])
    response = client.post(
        "/api/v1/eligibility/case", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["errors"]]


def test_command_prints_json_and_fails_clearly(tmp_path):
    good = tmp_path / "case.json"
    good.write_text(json.dumps(CASE), encoding="utf-8")
    run = [sys.executable, "manage.py", "eligibility"]
    env = {"DJANGO_SETTINGS_MODULE": "config.test_settings", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [*run, str(good)], capture_output=True, text=True, cwd=settings.BASE_DIR, env=env
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "ELIGIBLE"
    bad = tmp_path / "bad.json"
    bad.write_text("{khong phai json", encoding="utf-8")
    failed = subprocess.run(
        [*run, str(bad)], capture_output=True, text=True, cwd=settings.BASE_DIR, env=env
    )
    assert failed.returncode == 2
    assert "JSON không hợp lệ" in failed.stderr
