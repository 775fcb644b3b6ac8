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


@pytest.mark.django_db
def test_staff_without_superuser_cannot_enter_and_domain_models_are_read_only(client, org):
    staff = User.objects.create_user("staff", password="Staff@12345", is_staff=True)
    client.force_login(staff)
    assert client.get("/quan-tri/org/unit/").status_code == 302
    root = User.objects.create_superuser("root", password="Root@12345")
    client.force_login(root)
    assert client.get("/quan-tri/people/person/add/").status_code == 403
    assert client.get(f"/quan-tri/org/unit/{org.hanoi.pk}/change/").status_code == 200
    response = client.post(f"/quan-tri/org/unit/{org.hanoi.pk}/change/", {"short_name": "X"})
    assert response.status_code == 403
