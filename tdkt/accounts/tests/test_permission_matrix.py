"""The permission matrix: every page and API route for anonymous, no-role, in-scope and
out-of-scope users. Out of scope always answers 404, never 403 or data."""

import pytest
from django.urls import reverse

ANON, NO_ROLE, IN_SCOPE, OUT_OF_SCOPE = "anonymous", "no_role", "in_scope", "out_of_scope"

# Each route: (url name, kwargs from fixtures, user in scope, user out of scope)
# The object of each route lives in Hà Nội; the Phú Thọ officer is out of scope, the Hà Nội
# officer in scope; org edits need the sector officer.
PAGES = [
    ("web:home", None, "hanoi_officer", None),
    ("org:tree", None, "hanoi_officer", None),
    ("org:detail", "hanoi_unit", "hanoi_officer", "phu_tho_officer"),
    ("org:history", "hanoi_unit", "hanoi_officer", "phu_tho_officer"),
    ("org:edit", "hanoi_unit", "sector", "hanoi_officer"),
    ("people:list", None, "hanoi_officer", None),
    ("people:export", None, "hanoi_officer", None),
    ("people:detail", "duc", "hanoi_officer", "phu_tho_officer"),
    ("people:history", "duc", "hanoi_officer", "phu_tho_officer"),
    ("people:edit", "duc", "hanoi_officer", "phu_tho_officer"),
    ("people:fact-add", "duc_rating", "hanoi_officer", "phu_tho_officer"),
    ("people:move", "duc", "hanoi_officer", "phu_tho_officer"),
    ("people:eligibility", "duc", "hanoi_officer", "phu_tho_officer"),
    ("org:eligibility", "hanoi_unit", "hanoi_officer", "phu_tho_officer"),
    ("reports:person-record", "duc", "hanoi_officer", "phu_tho_officer"),
    ("reports:person-record-pdf", "duc", "hanoi_officer", "phu_tho_officer"),
    ("reports:person-record-excel", "duc", "hanoi_officer", "phu_tho_officer"),
    ("reports:unit-record", "hanoi_unit", "hanoi_officer", "phu_tho_officer"),
    ("reports:unit-record-pdf", "hanoi_unit", "hanoi_officer", "phu_tho_officer"),
    ("reports:unit-record-excel", "hanoi_unit", "hanoi_officer", "phu_tho_officer"),
    ("documents:list", None, "hanoi_officer", None),
    ("reports:decisions-export", None, "hanoi_officer", None),
    ("awards:create-person", "duc_award", "hanoi_officer", "phu_tho_officer"),
    ("awards:create-unit", "hanoi_unit_award", "hanoi_officer", "phu_tho_officer"),
    ("accounts:profile", None, "hanoi_officer", None),
    ("accounts:tokens", None, "hanoi_officer", None),
]

API_OBJECTS = [
    ("/api/v1/units/{hanoi_unit}", "hanoi_officer", "phu_tho_officer"),
    ("/api/v1/people/{duc}", "hanoi_officer", "phu_tho_officer"),
    ("/api/v1/records/persons/{duc}", "hanoi_officer", "phu_tho_officer"),
    ("/api/v1/records/units/{hanoi_unit}", "hanoi_officer", "phu_tho_officer"),
]
API_LISTS = ["/api/v1/units", "/api/v1/people", "/api/v1/me"]


def _kwargs(kind, org, people):
    return {
        None: {},
        "hanoi_unit": {"pk": org.hanoi.pk},
        "duc": {"pk": people["duc"].pk},
        "duc_rating": {"pk": people["duc"].pk, "kind": "rating"},
        "duc_award": {"person_pk": people["duc"].pk},
        "hanoi_unit_award": {"unit_pk": org.hanoi.pk},
    }[kind]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kind", "inside", "outside"), PAGES)
def test_page_matrix(client, org, people, users, name, kind, inside, outside):
    url = reverse(name, kwargs=_kwargs(kind, org, people))

    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]

    client.force_login(users["no_role"])
    expected_no_role = 200 if name.startswith(("web:", "accounts:")) else 404
    assert client.get(url).status_code == expected_no_role

    client.force_login(users[inside])
    assert client.get(url).status_code == 200

    if outside:
        client.force_login(users[outside])
        assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("template", "inside", "outside"), API_OBJECTS)
def test_api_object_matrix(client, org, people, users, template, inside, outside):
    url = template.format(hanoi_unit=org.hanoi.pk, duc=people["duc"].pk)
    assert client.get(url).status_code == 401
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404
    client.force_login(users[inside])
    assert client.get(url).status_code == 200
    client.force_login(users[outside])
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy."}


@pytest.mark.django_db
@pytest.mark.parametrize("url", API_LISTS)
def test_api_lists_are_scoped(client, org, people, users, url):
    assert client.get(url).status_code == 401
    client.force_login(users["no_role"])
    response = client.get(url)
    assert response.status_code == 200
    if url != "/api/v1/me":
        assert response.json()["count"] == 0
        client.force_login(users["phu_tho_officer"])
        body = client.get(url).json()
        names = {item.get("full_name") for item in body["items"]}
        assert "Đặng Văn Đức" not in names and "VKSND thành phố Hà Nội" not in names
        assert body["count"] > 0


@pytest.mark.django_db
def test_staff_member_sees_only_their_own_record(client, people, users):
    client.force_login(users["staff_duc"])
    assert client.get(reverse("people:detail", kwargs={"pk": people["duc"].pk})).status_code == 200
    colleague = people["hanoi_division"]
    assert client.get(reverse("people:detail", kwargs={"pk": colleague.pk})).status_code == 404
    assert client.get(reverse("people:edit", kwargs={"pk": people["duc"].pk})).status_code == 404
    listing = client.get("/api/v1/people").json()
    assert [item["full_name"] for item in listing["items"]] == ["Đặng Văn Đức"]


@pytest.mark.django_db
def test_leader_reads_but_cannot_edit(client, people, users):
    client.force_login(users["hanoi_leader"])
    pk = people["duc"].pk
    assert client.get(reverse("people:detail", kwargs={"pk": pk})).status_code == 200
    assert client.get(reverse("people:edit", kwargs={"pk": pk})).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "kwargs_kind", "inside", "outside"),
    [
        ("org:create-child", "hanoi_unit", "sector", "hanoi_officer"),
        ("org:event-create", None, "sector", "hanoi_officer"),
        ("org:events", None, "hanoi_officer", None),
    ],
)
def test_org_maintenance_matrix(client, org, people, users, name, kwargs_kind, inside, outside):
    url = reverse(name, kwargs=_kwargs(kwargs_kind, org, people))
    assert client.get(url).status_code == 302
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404
    client.force_login(users[inside])
    assert client.get(url).status_code == 200
    if outside:
        client.force_login(users[outside])
        assert client.get(url).status_code == 404


# Proposals (issue 6): rounds are sector-wide, a proposal and its lines belong to Hà Nội.
PROPOSAL_PAGES = [
    ("proposals:round-list", None, "hanoi_officer", None),
    ("proposals:proposal-list", None, "hanoi_officer", None),
    ("proposals:proposal-export", None, "hanoi_officer", None),
    ("proposals:round-create", None, "sector", "hanoi_officer"),
    ("proposals:round-detail", "round", "hanoi_officer", None),
    ("proposals:round-edit", "round", "sector", "hanoi_officer"),
    ("proposals:proposal-detail", "proposal", "hanoi_officer", "phu_tho_officer"),
    ("proposals:proposal-submit", "proposal", "hanoi_officer", "phu_tho_officer"),
    ("proposals:proposal-print", "proposal", "hanoi_officer", "phu_tho_officer"),
    ("proposals:line-detail", "line", "hanoi_officer", "phu_tho_officer"),
]
PROPOSAL_API = [
    ("/api/v1/proposals/{proposal}", "hanoi_officer", "phu_tho_officer"),
    ("/api/v1/proposals/{proposal}/lines", "hanoi_officer", "phu_tho_officer"),
    ("/api/v1/proposals/lines/{line}", "hanoi_officer", "phu_tho_officer"),
]


@pytest.fixture
def proposal_objects(org, people, users):
    import datetime as dt

    from django.utils import timezone

    from tdkt.catalog.models import AwardType
    from tdkt.proposals.services.proposals import line_add, proposal_create
    from tdkt.proposals.services.rounds import RoundInput, round_create

    today = timezone.localdate()
    round_ = round_create(
        data=RoundInput(
            name="Tổng kết năm 2026", kind="HANG_NAM", year=2026,
            submission_deadline=today + dt.timedelta(days=10),
            appraisal_deadline=today + dt.timedelta(days=20),
            award_types=list(AwardType.objects.filter(code="LDTT")),
        )
    )  # fmt: skip
    proposal = proposal_create(round_=round_, unit=org.hanoi)
    line = line_add(
        proposal=proposal, person=people["duc"], award_type=AwardType.objects.get(code="LDTT")
    )
    return {"round": round_, "proposal": proposal, "line": line}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kind", "inside", "outside"), PROPOSAL_PAGES)
def test_proposal_page_matrix(client, proposal_objects, users, name, kind, inside, outside):
    url = reverse(name, kwargs={"pk": proposal_objects[kind].pk} if kind else None)
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404
    client.force_login(users[inside])
    assert client.get(url).status_code == 200
    if outside:
        client.force_login(users[outside])
        assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("template", "inside", "outside"), PROPOSAL_API)
def test_proposal_api_matrix(client, proposal_objects, users, template, inside, outside):
    url = template.format(**{k: v.pk for k, v in proposal_objects.items()})
    assert client.get(url).status_code == 401
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404
    client.force_login(users[inside])
    assert client.get(url).status_code == 200
    client.force_login(users[outside])
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy."}


@pytest.mark.django_db
def test_users_who_may_act_on_a_unit_are_those_holding_the_role_above_it(org, users):
    from tdkt.accounts.permissions import CHANGE_CATALOG, CHANGE_PEOPLE, users_who_may

    officers = set(users_who_may(CHANGE_PEOPLE, org.hanoi))
    assert users["hanoi_officer"] in officers and users["sector"] in officers
    assert users["phu_tho_officer"] not in officers and users["hanoi_leader"] not in officers
    assert set(users_who_may(CHANGE_CATALOG, org.hanoi)) == {users["sector"]}
