"""Every page for anonymous, no-role, in-scope and out-of-scope users: out of scope is 404."""

import pytest
from django.urls import reverse

from tdkt.proposals.models import DossierDocument
from tdkt.proposals.tests.conftest import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(duc_line, users):
    from tdkt.proposals.selectors import checklist_items_for
    from tdkt.proposals.services.dossiers import document_upload

    item = checklist_items_for(duc_line.proposal.round, duc_line.award_type)[0]
    return document_upload(line=duc_line, item=item, upload=pdf(), user=users["hanoi_officer"])


def _url(name, annual, proposal, line, document):
    kwargs = {
        "proposals:round-list": {},
        "proposals:proposal-list": {},
        "proposals:proposal-export": {},
        "proposals:round-create": {},
        "proposals:round-detail": {"pk": annual.pk},
        "proposals:round-edit": {"pk": annual.pk},
        "proposals:round-close": {"pk": annual.pk},
        "proposals:proposal-create": {"round_pk": annual.pk},
        "proposals:proposal-detail": {"pk": proposal.pk},
        "proposals:proposal-submit": {"pk": proposal.pk},
        "proposals:proposal-print": {"pk": proposal.pk},
        "proposals:line-detail": {"pk": line.pk},
        "proposals:line-delete": {"pk": line.pk},
        "proposals:document-download": {"pk": line.pk, "document_pk": document.pk},
        "proposals:document-delete": {"pk": line.pk, "document_pk": document.pk},
    }[name]
    return reverse(name, kwargs=kwargs)


# (url name, user in scope, user out of scope or None when the page is not unit-scoped)
ROUTES = [
    ("proposals:round-list", "hanoi_officer", None),
    ("proposals:proposal-list", "hanoi_officer", None),
    ("proposals:proposal-export", "hanoi_officer", None),
    ("proposals:round-detail", "hanoi_officer", None),
    ("proposals:round-create", "sector", "hanoi_officer"),
    ("proposals:round-edit", "sector", "hanoi_officer"),
    ("proposals:round-close", "sector", "hanoi_officer"),
    ("proposals:proposal-create", "hanoi_officer", "hanoi_leader"),
    ("proposals:proposal-detail", "hanoi_officer", "phu_tho_officer"),
    ("proposals:proposal-submit", "hanoi_officer", "phu_tho_officer"),
    ("proposals:proposal-print", "hanoi_officer", "phu_tho_officer"),
    ("proposals:line-detail", "hanoi_officer", "phu_tho_officer"),
    ("proposals:line-delete", "hanoi_officer", "phu_tho_officer"),
    ("proposals:document-download", "hanoi_officer", "phu_tho_officer"),
    ("proposals:document-delete", "hanoi_officer", "phu_tho_officer"),
]


@pytest.mark.parametrize(("name", "inside", "outside"), ROUTES)
def test_route_matrix(
    client, annual, hanoi_proposal, duc_line, document, users, name, inside, outside
):
    url = _url(name, annual, hanoi_proposal, duc_line, document)
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404
    client.force_login(users[inside])
    assert client.get(url).status_code == 200
    if outside:
        client.force_login(users[outside])
        assert client.get(url).status_code == 404


def test_leader_reads_but_cannot_edit(client, hanoi_proposal, duc_line, users):
    client.force_login(users["hanoi_leader"])
    assert (
        client.get(reverse("proposals:proposal-detail", args=[hanoi_proposal.pk])).status_code
        == 200
    )
    assert client.get(reverse("proposals:line-delete", args=[duc_line.pk])).status_code == 404
    assert client.post(reverse("proposals:line-recheck", args=[duc_line.pk])).status_code == 404


def test_out_of_scope_posts_change_nothing(
    client, hanoi_proposal, duc_line, document, users, people
):
    client.force_login(users["phu_tho_officer"])
    assert client.post(reverse("proposals:line-delete", args=[duc_line.pk])).status_code == 404
    assert (
        client.post(reverse("proposals:proposal-submit", args=[hanoi_proposal.pk])).status_code
        == 404
    )
    url = reverse("proposals:document-delete", args=[duc_line.pk, document.pk])
    assert client.post(url).status_code == 404
    detail = reverse("proposals:proposal-detail", args=[hanoi_proposal.pk])
    response = client.post(
        detail, {"award_type": duc_line.award_type_id, "person": people["duc"].pk}
    )
    assert response.status_code == 404
    assert DossierDocument.objects.count() == 1


def test_lists_show_only_proposals_in_scope(client, hanoi_proposal, users):
    client.force_login(users["phu_tho_officer"])
    page = client.get(reverse("proposals:proposal-list")).content.decode()
    assert "VKSND thành phố Hà Nội" not in page
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("proposals:proposal-list")).content.decode()
    assert "VKSND thành phố Hà Nội" in page
