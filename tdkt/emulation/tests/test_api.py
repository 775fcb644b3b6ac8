"""The emulation API: scoped lists and objects (404 outside), fixed query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tdkt.emulation.models import MovementKind, UnitRegistration
from tdkt.emulation.services.covenants import TargetInput, covenant_save, covenant_sign
from tdkt.emulation.services.movements import MovementInput, movement_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def movements(org):
    sector = movement_create(
        data=MovementInput(
            name="Thi đua yêu nước", kind=MovementKind.REGULAR, launched_by=org.root,
            start_year=2026, end_year=2026, participants=[org.root],
        )
    )  # fmt: skip
    hanoi = movement_create(
        data=MovementInput(
            name="Phòng 1 thi đua", kind=MovementKind.THEMATIC, launched_by=org.hanoi,
            start_year=2026, end_year=2026, participants=[org.hanoi_division],
        )
    )  # fmt: skip
    return {"sector": sector, "hanoi": hanoi}


def test_anonymous_gets_401(client, clusters):
    assert client.get("/api/v1/emulation/clusters").status_code == 401


def test_cluster_routes_are_scoped(client, org, users, clusters):
    covenant = covenant_save(cluster=clusters["sector"], targets=[TargetInput("Án đúng hạn")])
    covenant_sign(covenant=covenant, unit=org.hanoi, user=users["hanoi_officer"])
    client.force_login(users["phu_tho_officer"])
    items = client.get("/api/v1/emulation/clusters").json()["items"]
    assert [c["name"] for c in items] == ["Cụm 1"]
    block = clusters["hanoi_block"].pk
    assert client.get(f"/api/v1/emulation/clusters/{block}").status_code == 404
    body = client.get(f"/api/v1/emulation/clusters/{clusters['sector'].pk}").json()
    assert body["synthetic"] is True and body["covenant"]["signed"] == 1
    roles = {m["unit_name"]: (m["role"], m["signed_by"]) for m in body["members"]}
    assert roles["VKSND thành phố Hà Nội"] == ("HEAD", "tdkt.hanoi")
    assert body["covenant"]["targets"][0]["text"] == "Án đúng hạn"
    client.force_login(users["no_role"])
    assert client.get("/api/v1/emulation/clusters").json()["items"] == []


def test_movement_and_registration_routes_are_scoped(client, org, users, movements):
    registration = UnitRegistration.objects.create(unit=org.hanoi, year=2026)
    client.force_login(users["phu_tho_officer"])
    names = [m["name"] for m in client.get("/api/v1/emulation/movements").json()["items"]]
    assert names == ["Thi đua yêu nước"]
    assert client.get(f"/api/v1/emulation/movements/{movements['hanoi'].pk}").status_code == 404
    assert client.get("/api/v1/emulation/registrations?year=2026").json()["items"] == []
    assert client.get(f"/api/v1/emulation/registrations/{registration.pk}").status_code == 404
    client.force_login(users["hanoi_officer"])
    body = client.get(f"/api/v1/emulation/movements/{movements['hanoi'].pk}").json()
    assert body["participants"][0]["unit_name"] == "Phòng 1 – Hà Nội"
    body = client.get(f"/api/v1/emulation/registrations/{registration.pk}").json()
    assert body["unit_name"] == "VKSND thành phố Hà Nội" and body["persons"] == []
    assert client.get("/api/v1/emulation/registrations?year=abc").status_code == 422


def test_api_lists_run_a_fixed_number_of_queries(client, org, users, clusters, movements):
    client.force_login(users["sector"])
    urls = [
        "/api/v1/emulation/clusters",
        f"/api/v1/emulation/clusters/{clusters['sector'].pk}",
        "/api/v1/emulation/movements",
        "/api/v1/emulation/registrations?year=2026",
    ]

    def counts():
        out = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            out.append(len(ctx.captured_queries))
        return out

    UnitRegistration.objects.create(unit=org.hanoi, year=2026)
    covenant = covenant_save(cluster=clusters["sector"], targets=[TargetInput("A")])
    covenant_sign(covenant=covenant, unit=org.hanoi, user=users["sector"])
    first = counts()
    for i in range(5):
        movement_create(
            data=MovementInput(
                name=f"P{i}", kind=MovementKind.REGULAR, launched_by=org.root, start_year=2026,
                end_year=2026, participants=[org.hanoi, org.phu_tho],
            )
        )  # fmt: skip
    UnitRegistration.objects.create(unit=org.phu_tho, year=2026)
    UnitRegistration.objects.create(unit=org.office, year=2026)
    for unit in (org.phu_tho, org.office):
        covenant_sign(covenant=covenant, unit=unit, user=users["sector"])
    assert counts() == first
