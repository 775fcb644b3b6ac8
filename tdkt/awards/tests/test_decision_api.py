"""API routes of decisions: scoped reads, record and revoke by the sector office only."""

import pytest
from django.utils import timezone

from tdkt.awards import decisions
from tdkt.awards.decisions import DecisionData
from tdkt.awards.models import Decision
from tdkt.awards.tests.conftest import passed_line
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
BASE = "/api/v1/decisions"


def _decide(round_, lines, user, number="1/QĐ"):
    return decisions.decision_record(
        round_=round_,
        lines=lines,
        data=DecisionData(number=number, signed_on=TODAY, signer="Nguyễn Huy Tiến"),
        user=user,
    )


def test_the_officer_records_and_revokes_through_the_api(client, round_2026, passed, users):
    client.force_login(users["sector"])
    payload = {
        "round": round_2026.pk,
        "lines": [passed["duc"].pk, passed["cuong"].pk],
        "number": "9/QĐ-VKSTC",
        "signed_on": TODAY.isoformat(),
        "signer": "Nguyễn Huy Tiến",
        "versions": {str(passed["duc"].pk): passed["duc"].version},
    }
    created = client.post(BASE, payload, content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["authority"] == decisions.SECTOR_AUTHORITY and body["award_count"] == 2
    assert float(body["money_total"]) == 2_530_000 + 759_000

    again = client.post(
        BASE, payload | {"lines": [passed["binh"].pk]}, content_type="application/json"
    )
    assert again.status_code == 400 and "dùng trong năm" in again.json()["detail"]

    revoke = client.post(
        f"{BASE}/{body['id']}/revoke",
        {"version": body["version"], "revoked_on": TODAY.isoformat(), "reason": "Sai hồ sơ"},
        content_type="application/json",
    )
    assert revoke.status_code == 200 and revoke.json()["revoked"] is True
    assert all(r["revoked"] for r in revoke.json()["recipients"])


def test_reads_are_scoped_and_writes_are_404_for_others(client, round_2026, passed, users):
    hanoi = _decide(round_2026, [passed["duc"]], users["sector"], number="1/QĐ")
    mixed = _decide(round_2026, [passed["binh"], passed["cuong"]], users["sector"], number="2/QĐ")
    client.force_login(users["phu_tho_officer"])

    listing = client.get(BASE).json()
    detail = client.get(f"{BASE}/{mixed.pk}").json()

    assert [d["number"] for d in listing["items"]] == ["2/QĐ"]
    assert [r["name"] for r in detail["recipients"]] == ["Lê Văn Cường"]
    assert client.get(f"{BASE}/{hanoi.pk}").status_code == 404
    assert (
        client.post(
            f"{BASE}/{mixed.pk}/revoke",
            {"version": 1, "revoked_on": TODAY.isoformat(), "reason": "x"},
            content_type="application/json",
        ).status_code
        == 404
    )
    assert client.post(
        BASE,
        {"round": round_2026.pk, "lines": [passed["hanoi_unit"].pk], "number": "3", "signed_on":
         TODAY.isoformat(), "signer": "A"},
        content_type="application/json",
    ).status_code == 404  # fmt: skip
    assert not Decision.objects.filter(number="3").exists()
    client.force_login(users["no_role"])
    assert client.get(BASE).json()["count"] == 0


@pytest.mark.parametrize("size", [2, 30])
def test_the_list_and_detail_take_a_fixed_number_of_queries(
    client, round_2026, org, users, django_assert_max_num_queries, size
):
    lines = [
        passed_line(round_2026, org.hanoi, "LDTT", person=make_person(org.hanoi, f"Cán bộ {i}"))
        for i in range(size)
    ]
    decision = _decide(round_2026, lines, users["sector"])
    client.force_login(users["hanoi_officer"])
    for url in (BASE, f"{BASE}/{decision.pk}"):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200
