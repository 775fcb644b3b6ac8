"""The administration pages open for superusers and stay closed to officers."""

import pytest

from tdkt.accounts.models import User

ADMIN_PAGES = [
    "/quan-tri/accounts/user/",
    "/quan-tri/org/unit/",
    "/quan-tri/org/restructuringevent/",
    "/quan-tri/people/person/",
    "/quan-tri/catalog/awardtype/",
    "/quan-tri/accounts/apitoken/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_admin_pages(client, org, people, users, url):
    client.force_login(users["sector"])
    assert client.get(url).status_code == 302
    root = User.objects.create_superuser("root", password="Root@12345")
    client.force_login(root)
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "ha noi"}).status_code == 200


@pytest.mark.django_db
def test_admin_user_page_with_roles(client, org, users):
    root = User.objects.create_superuser("root", password="Root@12345")
    client.force_login(root)
    response = client.get(f"/quan-tri/accounts/user/{users['hanoi_officer'].pk}/change/")
    assert response.status_code == 200
