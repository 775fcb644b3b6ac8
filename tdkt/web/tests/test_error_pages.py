"""Error pages are in Vietnamese, like the rest of the application."""

import pytest
from django.test import Client
from django.test.utils import override_settings


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_a_missing_page_answers_in_vietnamese(client, users):
    client.force_login(users["hanoi_officer"])

    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page and "Về trang tổng quan" in page


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_a_refused_form_post_answers_in_vietnamese(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["hanoi_officer"])

    response = client.post("/can-bo/", {})

    assert response.status_code == 403
    assert "Không được phép" in response.content.decode()


def test_the_server_error_page_stands_alone():
    from django.template.loader import get_template

    html = get_template("500.html").render()
    assert "Lỗi hệ thống" in html and "{%" not in html
