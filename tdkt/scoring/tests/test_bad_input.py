"""Bad input on every scoring route answers with a message or a 4xx, never a 500."""

import pytest
from django.urls import reverse

from tdkt.scoring.services import cards
from tdkt.scoring.tests.builders import make_table

pytestmark = pytest.mark.django_db

GARBAGE = {
    "version": "x",
    "deadline": "31/02/2026",
    "file": "",
    "criterion": "abc",
    "leading": ["999999"],
    "k_1": "MAYBE",
    "reason": "",
    "year": "20x6",
    "unit_type": "??",
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_garbage_never_causes_a_server_error(client, org, cluster, users):
    table = make_table(year_from=2030, publish=False)
    card = cards.scorecard_start(cluster=cluster, unit=org.hanoi, user=users["hanoi_officer"])
    criterion = table.criteria.first()
    urls = [
        reverse("scoring:tables") + "?year=abc&unit_type=ZZ&page=-1",
        reverse("scoring:table-create"),
        reverse("scoring:table-copy"),
        reverse("scoring:table-edit", args=[table.pk]),
        reverse("scoring:group-add", args=[table.pk]),
        reverse("scoring:criterion-add", args=[table.pk]) + "?nhom=abc",
        reverse("scoring:criterion-edit", args=[table.pk, criterion.pk]),
        reverse("scoring:item-delete", args=[table.pk, "khac", criterion.pk]),
        reverse("scoring:item-move", args=[table.pk, "tieu-chi", criterion.pk, "ngang"]),
        reverse("scoring:bands", args=[table.pk]),
        reverse("scoring:table-publish", args=[table.pk]),
        reverse("scoring:index") + "?year=99999&page=abc",
        reverse("scoring:cluster", args=[cluster.pk]),
        reverse("scoring:deadline", args=[cluster.pk]),
        reverse("scoring:review-close", args=[cluster.pk]),
        reverse("scoring:vote", args=[cluster.pk]),
        reverse("scoring:ballot", args=[cluster.pk, org.hanoi.pk]),
        reverse("scoring:vote-close", args=[cluster.pk]),
        reverse("scoring:scorecard", args=[card.pk]),
        reverse("scoring:scorecard-save", args=[card.pk]),
        reverse("scoring:scorecard-submit", args=[card.pk]),
        reverse("scoring:evidence-upload", args=[card.pk]),
        reverse("scoring:review", args=[card.pk]) + "?don-vi=abc",
        reverse("scoring:unit-year", args=[org.hanoi.pk]) + "?nam=abc",
        reverse("scoring:indicators") + "?year=x&code=%00",
    ]
    client.force_login(users["sector"])
    for url in urls:
        for method in (client.get, client.post):
            response = method(url, GARBAGE)
            assert response.status_code < 500, (method.__name__, url, response.status_code)
    bad_api = client.get("/api/v1/scoring/scorecards", {"year": "abc", "page": 0})
    assert bad_api.status_code == 422
    assert client.get("/api/v1/scoring/scorecards/999999").status_code == 404
