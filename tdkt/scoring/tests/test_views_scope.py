"""Every scoring route: anonymous → login, no role or out of scope → 404; fixed query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.accounts.models import Role
from tdkt.scoring.services import cards, reviews, votes
from tdkt.scoring.tests.builders import make_cluster, score_all
from tdkt.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def voted(org, cluster, users, nghe_an, nghe_an_officer):
    """A cluster whose three members scored, were reviewed and voted (closed)."""
    for unit, user in ((org.hanoi, users["hanoi_officer"]), (org.phu_tho, users["phu_tho_officer"]),
                       (nghe_an, nghe_an_officer)):  # fmt: skip
        card = score_all(cards.scorecard_start(cluster=cluster, unit=unit, user=user), user)
        cards.scorecard_submit(scorecard=card, expected_version=card.version, user=user)
    head = users["hanoi_officer"]
    reviews.review_open(cluster=cluster, user=head)
    card = cluster.scorecards.get(unit=org.hanoi)
    reviews.review_save(
        scorecard=card, reviewer=org.phu_tho, user=users["phu_tho_officer"], expected_version=0,
        changes={card.table.criteria.first().pk: (Decimal("7"), "Thiếu số liệu")},
    )  # fmt: skip
    reviews.review_close(cluster=cluster, user=head, expected_version=1)
    vote = votes.vote_open(cluster=cluster, user=head, candidates={"LEADING": [org.hanoi]})
    votes.ballot_cast(
        vote=vote, member_unit=org.hanoi, user=head,
        choices={c.pk: "AGREE" for c in vote.candidates.all()},
    )  # fmt: skip
    vote.refresh_from_db()
    votes.vote_close(vote=vote, user=head, expected_version=vote.version)
    return cluster


def _urls(cluster):
    card = cluster.scorecards.get(unit__code="T-HN")
    other = cluster.scorecards.get(unit__code="T-PT2025")
    return [
        reverse("scoring:cluster", args=[cluster.pk]),
        reverse("scoring:vote", args=[cluster.pk]),
        reverse("scoring:vote-minutes", args=[cluster.pk]),
        reverse("scoring:ranking-export", args=[cluster.pk]),
        reverse("scoring:scorecard", args=[card.pk]),
        reverse("scoring:scorecard-export", args=[card.pk]),
        reverse("scoring:scorecard", args=[other.pk]),
        reverse("scoring:unit-year", args=[card.unit_id]),
    ]


def test_anonymous_users_are_sent_to_login(client, voted):
    for url in _urls(voted):
        assert client.get(url).status_code == 302, url


def test_users_without_role_or_out_of_scope_get_404(client, voted, org):
    outsider_unit = org.office
    outsider = make_user("tdkt.vanphong", (Role.UNIT_OFFICER, outsider_unit))
    for user in (make_user("khong.vai.tro"), outsider):
        client.force_login(user)
        for url in _urls(voted):
            assert client.get(url).status_code == 404, (user.username, url)
        listing = client.get(reverse("scoring:index") + "?year=2026")
        assert "Cụm 1" not in listing.content.decode()


def test_members_and_the_sector_see_every_route(client, voted, users, nghe_an_officer):
    for user in (users["sector"], users["phu_tho_officer"], nghe_an_officer):
        client.force_login(user)
        for url in _urls(voted):
            assert client.get(url).status_code == 200, (user.username, url)


def test_writes_for_another_unit_answer_404(client, cluster, org, users):
    client.force_login(users["phu_tho_officer"])
    url = reverse("scoring:scorecard-start", args=[cluster.pk, org.hanoi.pk])
    assert client.post(url).status_code == 404
    client.force_login(make_user("khong.vai.tro"))
    assert client.post(reverse("scoring:review-open", args=[cluster.pk])).status_code == 404


def test_head_actions_by_other_members_are_refused(client, cluster, users):
    client.force_login(users["phu_tho_officer"])
    response = client.post(reverse("scoring:review-open", args=[cluster.pk]), follow=True)
    assert "không có quyền" in response.content.decode()
    from tdkt.scoring.models import ClusterReview

    assert not ClusterReview.objects.filter(cluster=cluster).exists()


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_pages_run_a_fixed_number_of_queries(client, voted, org, users, table):
    from tdkt.org.services import unit_create

    client.force_login(users["sector"])
    urls = _urls(voted)[:2] + [_urls(voted)[4], reverse("scoring:index") + "?year=2026"]
    small = [_count(client, url) for url in urls]
    # a larger cluster: nine more members with submitted, reviewed scorecards
    big, _third = make_cluster(org, year=2026, name="Cụm 2")
    from tdkt.emulation.models import ClusterMember

    sector = users["sector"]
    for i in range(9):
        unit = unit_create(
            code=f"T-X{i}", short_name=f"VKSND tỉnh X{i}", full_name=f"VKSND tỉnh X{i}",
            unit_type="PROVINCIAL", parent=org.root, valid_from=org.root.valid_from,
        )  # fmt: skip
        ClusterMember.objects.create(cluster=big, unit=unit)
    for member in big.members.select_related("unit"):
        card = score_all(cards.scorecard_start(cluster=big, unit=member.unit, user=sector), sector)
        cards.scorecard_submit(scorecard=card, expected_version=card.version, user=sector)
    reviews.review_open(cluster=big, user=sector)
    for card in big.scorecards.all()[:4]:
        reviewer = big.members.exclude(unit=card.unit).first().unit
        reviews.review_save(
            scorecard=card, reviewer=reviewer, user=sector, expected_version=0,
            changes={card.table.criteria.first().pk: (Decimal("5"), "Thiếu")},
        )  # fmt: skip
    for _ in range(5):
        make_cluster(org, year=2026, name=f"Cụm phụ {_}")
    big_card = big.scorecards.filter(reviews__isnull=False).first()
    card_url = reverse("scoring:scorecard", args=[big_card.pk])
    before = _count(client, card_url)
    standard = big_card.table.criteria.filter(kind="STANDARD")
    for member in big.members.exclude(unit=big_card.unit).select_related("unit")[1:6]:
        reviews.review_save(
            scorecard=big_card, reviewer=member.unit, user=sector, expected_version=0,
            changes={c.pk: (Decimal("6"), "Điều chỉnh") for c in standard},
        )  # fmt: skip
    assert _count(client, card_url) == before
    large = [
        _count(client, reverse("scoring:cluster", args=[big.pk])),
        _count(client, reverse("scoring:vote", args=[big.pk])),
        _count(client, reverse("scoring:index") + "?year=2026"),
    ]
    assert large[0] == small[0] and large[2] == small[3]
    assert large[1] <= small[1]  # no vote yet in the large cluster: fewer panels


def test_unit_year_page_runs_a_fixed_number_of_queries(client, voted, org, users):
    url = reverse("scoring:unit-year", args=[org.hanoi.pk]) + "?nam=2026"
    client.force_login(users["sector"])
    one = _count(client, url)
    for i in range(3):
        make_cluster(org, year=2026, name=f"Khối phụ {i}")
    assert _count(client, url) == one
    page = client.get(url).content.decode()
    assert page.count("Cụm trưởng, khối trưởng") == 4
