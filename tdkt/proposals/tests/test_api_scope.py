"""The proposal and line detail routes of the API answer 404 outside the caller's scope, exactly
as for an id that does not exist, and 401 without authentication."""

import pytest

pytestmark = pytest.mark.django_db


def _routes(line) -> list[str]:
    proposal = line.proposal_id
    return [
        f"/api/v1/proposals/{proposal}",
        f"/api/v1/proposals/{proposal}/lines",
        f"/api/v1/proposals/lines/{line.pk}",
        f"/api/v1/proposals/lines/{line.pk}/appraisals",
    ]


@pytest.mark.parametrize("index", range(4))
def test_detail_routes_answer_404_out_of_scope(client, duc_line, users, index):
    """Given Hà Nội's proposal with Đức's line, the Phú Thọ officer and a user without a role
    get 404 on each detail route; the Hà Nội officer and leader get it."""
    url = _routes(duc_line)[index]
    assert client.get(url).status_code == 401
    for outsider in ("phu_tho_officer", "no_role"):
        client.force_login(users[outsider])
        response = client.get(url)
        assert response.status_code == 404, (outsider, url)
        assert "Đặng Văn Đức" not in response.content.decode()
    for insider in ("hanoi_officer", "hanoi_leader", "sector"):
        client.force_login(users[insider])
        assert client.get(url).status_code == 200, (insider, url)


def test_an_unknown_id_answers_like_one_out_of_scope(client, duc_line, users):
    client.force_login(users["phu_tho_officer"])
    hidden = client.get(f"/api/v1/proposals/lines/{duc_line.pk}")
    missing = client.get(f"/api/v1/proposals/lines/{duc_line.pk + 1000}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    hidden = client.get(f"/api/v1/proposals/{duc_line.proposal_id}")
    missing = client.get(f"/api/v1/proposals/{duc_line.proposal_id + 1000}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
