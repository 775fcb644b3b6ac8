"""Personal API tokens: created once, usable as Bearer, revocable; only a hash is stored."""

import pytest
from django.urls import reverse

from tdkt.accounts import services
from tdkt.accounts.models import ApiToken
from tdkt.core.errors import DomainError


@pytest.mark.django_db
def test_token_authenticates_the_api_with_the_users_scope(client, people, users):
    token, raw = services.token_create(user=users["hanoi_officer"], name="Báo cáo")
    assert raw not in token.key_hash
    response = client.get("/api/v1/people", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    names = {item["full_name"] for item in response.json()["items"]}
    assert names == {"Đặng Văn Đức", "Trần Thị Bình"}
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.django_db
def test_revoked_or_unknown_token_is_refused(client, users):
    token, raw = services.token_create(user=users["hanoi_officer"], name="Tạm")
    services.token_revoke(token=token)
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer tdkt_sai").status_code == 401
    with pytest.raises(DomainError):
        services.token_revoke(token=token)


@pytest.mark.django_db
def test_token_page_shows_the_raw_key_once(client, users):
    client.force_login(users["hanoi_officer"])
    response = client.post(reverse("accounts:tokens"), {"name": "Kết nối CSDL"})
    raw = response.context["raw_key"]
    assert raw.startswith("tdkt_") and raw in response.content.decode()
    assert raw not in client.get(reverse("accounts:tokens")).content.decode()
    blank = client.post(reverse("accounts:tokens"), {"name": "  "})
    assert services.TOKEN_NAME_REQUIRED in blank.content.decode()


@pytest.mark.django_db
def test_a_user_cannot_revoke_someone_elses_token(client, users):
    token, _raw = services.token_create(user=users["sector"], name="Ngành")
    client.force_login(users["hanoi_officer"])
    response = client.post(reverse("accounts:token-revoke", kwargs={"pk": token.pk}))
    assert response.status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
