"""Every route for anonymous, no-role, in-scope and out-of-scope users: out of scope is 404."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.council.services.meetings import meeting_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def hanoi_meeting(hanoi_council, users):
    return meeting_create(
        council=hanoi_council,
        date=dt.date(2026, 12, 1),
        place="Hà Nội",
        user=users["hanoi_officer"],
    )


def _url(name, council, meeting):
    member = council.members.first()
    kwargs = {
        "council:council-list": {},
        "council:council-create": {},
        "council:meeting-list": {},
        "council:council-detail": {"pk": council.pk},
        "council:council-edit": {"pk": council.pk},
        "council:member-remove": {"pk": council.pk, "member_pk": member.pk},
        "council:meeting-create": {"pk": council.pk},
        "council:meeting-detail": {"pk": meeting.pk},
        "council:meeting-edit": {"pk": meeting.pk},
        "council:agenda-pick": {"pk": meeting.pk},
        "council:attendance": {"pk": meeting.pk},
        "council:voting-open": {"pk": meeting.pk},
        "council:ballot": {"pk": meeting.pk},
    }[name]
    return reverse(name, kwargs=kwargs)


# (url name, user in scope, user out of scope or None when the page lists the user's own scope)
ROUTES = [
    ("council:council-list", "hanoi_officer", None),
    ("council:meeting-list", "hanoi_officer", None),
    ("council:council-create", "hanoi_officer", "hanoi_leader"),
    ("council:council-detail", "hanoi_officer", "phu_tho_officer"),
    ("council:council-edit", "hanoi_officer", "phu_tho_officer"),
    ("council:member-remove", "hanoi_officer", "phu_tho_officer"),
    ("council:meeting-create", "hanoi_officer", "phu_tho_officer"),
    ("council:meeting-detail", "hanoi_officer", "phu_tho_officer"),
    ("council:meeting-edit", "hanoi_officer", "phu_tho_officer"),
    ("council:agenda-pick", "hanoi_officer", "phu_tho_officer"),
    ("council:attendance", "hanoi_officer", "phu_tho_officer"),
    ("council:voting-open", "hanoi_officer", "phu_tho_officer"),
    ("council:ballot", "hanoi_leader", "phu_tho_officer"),
]


@pytest.mark.parametrize(("name", "inside", "outside"), ROUTES)
def test_route_matrix(client, hanoi_council, hanoi_meeting, users, name, inside, outside):
    url = _url(name, hanoi_council, hanoi_meeting)
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404
    client.force_login(users[inside])
    assert client.get(url).status_code == 200
    if outside:
        client.force_login(users[outside])
        assert client.get(url).status_code == 404


def test_lists_show_only_councils_in_scope(client, hanoi_council, council, users):
    client.force_login(users["phu_tho_officer"])
    page = client.get(reverse("council:council-list")).content.decode()
    assert hanoi_council.name not in page and council.name not in page
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("council:council-list")).content.decode()
    assert hanoi_council.name in page and council.name not in page


def test_leader_reads_but_cannot_manage(client, hanoi_council, hanoi_meeting, users):
    """The Hà Nội leader is the chair: sees the council, may open voting, but not edit it."""
    client.force_login(users["hanoi_leader"])
    assert client.get(reverse("council:council-detail", args=[hanoi_council.pk])).status_code == 200
    assert client.get(reverse("council:council-edit", args=[hanoi_council.pk])).status_code == 404
    assert client.get(reverse("council:agenda-pick", args=[hanoi_meeting.pk])).status_code == 404
    assert client.get(reverse("council:voting-open", args=[hanoi_meeting.pk])).status_code == 200


@pytest.mark.parametrize("name", ["council:written-ballot", "council:voting-close"])
def test_voting_routes(client, voting_meeting, users, seats, name):
    url = reverse(name, args=[voting_meeting.pk])
    assert client.get(url).status_code == 302
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404
    client.force_login(users["hanoi_officer"])
    assert client.get(url).status_code == 404
    client.force_login(seats["uy.vien.1"])
    assert client.get(url).status_code == 404
    client.force_login(users["sector"])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "name",
    ["council:minutes", "council:minutes-pdf", "council:results-export", "council:minutes-issue"],
)
def test_tallied_routes(client, voting_meeting, users, seats, name):
    from tdkt.council.services.meetings import voting_close

    voting_close(meeting=voting_meeting, user=seats["chu.tich"])
    url = reverse(name, args=[voting_meeting.pk])
    assert client.get(url).status_code == 302
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404
    client.force_login(users["hanoi_officer"])
    assert client.get(url).status_code == 404
    client.force_login(users["sector"])
    assert client.get(url).status_code == 200


def test_agenda_remove_answers_404_out_of_scope(client, ready_meeting, meeting, users, seats):
    """Given the sector meeting's agenda, when anyone but the sector officer posts the removal
    of an item (a unit officer, a council member, a user without role), then it is 404 and the
    item stays; the sector officer removes it."""
    item = ready_meeting.items.order_by("position").first()
    url = reverse("council:agenda-remove", args=[ready_meeting.pk, item.pk])
    response = client.post(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    for outsider in (users["no_role"], users["hanoi_officer"], seats["uy.vien.1"]):
        client.force_login(outsider)
        assert client.post(url).status_code == 404
    assert ready_meeting.items.filter(pk=item.pk).exists()
    client.force_login(users["sector"])
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("council:meeting-detail", args=[ready_meeting.pk])
    assert not ready_meeting.items.filter(pk=item.pk).exists()


def test_agenda_remove_refuses_an_item_of_another_meeting(
    client, ready_meeting, hanoi_meeting, users
):
    item = ready_meeting.items.first()
    url = reverse("council:agenda-remove", args=[hanoi_meeting.pk, item.pk])
    client.force_login(users["sector"])
    assert client.post(url).status_code == 404
    assert ready_meeting.items.filter(pk=item.pk).exists()
