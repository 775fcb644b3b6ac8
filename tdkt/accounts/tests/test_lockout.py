"""Repeated failed logins lock the account for a while (django-axes)."""

import pytest
from django.conf import settings
from django.urls import reverse

from tdkt.testing import PASSWORD


@pytest.mark.django_db
def test_login_succeeds_with_the_right_password(client, users):
    response = client.post(reverse("login"), {"username": "tdkt.hanoi", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("web:home")


@pytest.mark.django_db
def test_wrong_password_shows_a_vietnamese_error(client, users):
    response = client.post(reverse("login"), {"username": "tdkt.hanoi", "password": "sai"})
    assert response.status_code == 200
    assert "tên đăng nhập" in response.content.decode().lower()


@pytest.mark.django_db
def test_repeated_failures_lock_out_even_the_right_password(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "tdkt.hanoi", "password": "sai"})
    response = client.post(reverse("login"), {"username": "tdkt.hanoi", "password": PASSWORD})
    assert response.status_code == 429
    assert "tạm thời bị khóa" in response.content.decode()
