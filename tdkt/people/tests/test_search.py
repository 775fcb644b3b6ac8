"""Diacritic-insensitive search of persons: the same results on SQLite and PostgreSQL."""

import pytest
from django.urls import reverse

from tdkt.core.search import fold
from tdkt.people.models import Person
from tdkt.testing import make_person


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đặng Văn Đức", "dang van duc"),
        ("ĐẶNG VĂN ĐỨC", "dang van duc"),
        ("  Nguyễn   Thị  Ánh ", "nguyen thi anh"),
        ("Phạm Thị Dung", "pham thi dung"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["dang van duc", "Đặng Văn Đức", "ĐẶNG VĂN ĐỨC", "DANG  duc", "đức", "van duc"]
)
def test_search_finds_with_or_without_diacritics(org, query):
    duc = make_person(org.hanoi, "Đặng Văn Đức")
    make_person(org.hanoi, "Đặng Văn Dực")
    make_person(org.hanoi, "Đỗ Thị Đào")
    found = list(Person.objects.search(query))
    assert duc in found
    assert all("duc" in p.search_text for p in found)


@pytest.mark.django_db
def test_search_by_code_and_no_false_positive(org):
    person = make_person(org.hanoi, "Trần Thị Bình")
    assert list(Person.objects.search(person.code.lower())) == [person]
    assert not Person.objects.search("binh nguyen").exists()


@pytest.mark.django_db
def test_people_page_search_without_diacritics(client, people, users):
    client.force_login(users["sector"])
    response = client.get(reverse("people:list"), {"q": "dang van duc"})
    content = response.content.decode()
    assert "Đặng Văn Đức" in content and "Trần Thị Bình" not in content


@pytest.mark.django_db
def test_search_text_follows_name_changes(org):
    from tdkt.people.services import person_update

    person = make_person(org.hanoi, "Lê Văn Tám")
    person_update(
        person=person, expected_version=person.version, reason="Cải chính", full_name="Lê Văn Tâm"
    )
    assert Person.objects.search("le van tam").get() == person
