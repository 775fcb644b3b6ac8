"""API routes: public reads without authentication (public fields only), the officer's
scoped reads with comments."""

import pytest

from tdkt.accounts.models import Role
from tdkt.consultation.services import comments as comment_services
from tdkt.testing import make_user

pytestmark = pytest.mark.django_db

BASE = "/api/v1/consultations"


def test_public_list_needs_no_login_and_shows_public_fields(client, published, people):
    response = client.get(f"{BASE}/public")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [published.pk]
    candidate = next(c for c in items[0]["candidates"] if c["name"] == "Đặng Văn Đức")
    assert candidate == {
        "id": candidate["id"],
        "name": "Đặng Văn Đức",
        "unit": "VKSND thành phố Hà Nội",
        "position": "Kiểm sát viên",
        "code": "CSTD_TQ",
        "award": "Chiến sĩ thi đua toàn quốc",
        "summary": "Hai lần CSTĐ ngành.",
    }
    assert people["duc"].code not in response.text


def test_public_detail_of_a_draft_or_missing_is_404(client, published, state_round, users):
    from tdkt.consultation.services.consultations import consultation_create
    from tdkt.consultation.tests.conftest import consultation_input

    draft = consultation_create(
        data=consultation_input(state_round, title="Đợt khác"), user=users["sector"]
    )
    assert client.get(f"{BASE}/public/{published.pk}").status_code == 200
    assert client.get(f"{BASE}/public/{draft.pk}").status_code == 404
    assert client.get(f"{BASE}/public/999999").status_code == 404


def test_officer_routes_need_login(client, published):
    assert client.get(BASE).status_code == 401
    assert client.get(f"{BASE}/{published.pk}/comments").status_code == 401


def test_officer_routes_are_scoped(client, users, org, published):
    comment_services.comment_submit(
        consultation_id=published.pk,
        content="Ý kiến về danh sách khen thưởng.",
        author_name="Ông Tư",
        contact="tu@example.vn",
    )
    for user in (
        users["no_role"],
        users["hanoi_officer"],
        make_user("x", (Role.SECTOR_OFFICER, org.phu_tho)),
    ):
        client.force_login(user)
        assert client.get(BASE).json()["items"] == []
        assert client.get(f"{BASE}/{published.pk}").status_code == 404
        assert client.get(f"{BASE}/{published.pk}/comments").status_code == 404
    client.force_login(users["sector"])
    listed = client.get(BASE).json()["items"]
    assert [c["id"] for c in listed] == [published.pk]
    assert len(listed[0]["candidates"]) == 3
    one = client.get(f"{BASE}/{published.pk}").json()
    assert one["status"] == "PUBLISHED"
    comments = client.get(f"{BASE}/{published.pk}/comments?state=open").json()["items"]
    assert comments[0]["contact"] == "tu@example.vn"
    assert client.get(f"{BASE}/{published.pk}/comments?state=resolved").json()["items"] == []
    assert client.get(f"{BASE}?page=0").status_code == 422


def test_api_queries_do_not_grow(client, users, published, lines, django_assert_max_num_queries):
    client.force_login(users["sector"])
    with django_assert_max_num_queries(12):
        client.get(BASE)
    with django_assert_max_num_queries(6):
        client.get(f"{BASE}/public")
