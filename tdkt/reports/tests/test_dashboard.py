"""The leader dashboard: key figures of an emulation year against the year before (checked
against the register's rows), the default year (the latest with annual titles) and the year
selector, open rounds in working days, late lines, cluster rankings with their scope, and every
figure and chart bar opening its own list."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tdkt.accounts.models import Role
from tdkt.awards.models import Award
from tdkt.core.workdays import working_days_between
from tdkt.proposals.models import ProposalLine
from tdkt.reports.dashboard import dashboard_for, default_award_year
from tdkt.reports.statistics.awards import catalog
from tdkt.reports.tests.statistics_data import build_awards, build_proposals, grant
from tdkt.testing import make_user

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def world(org, people, users):
    build_awards(org, people)
    return build_proposals(org, people, users)


def hanoi_awards(org, year):
    return [
        a
        for a in Award.objects.select_related("award_type", "person", "holder_unit")
        if not a.revoked and a.year == year and a.holder_unit.path.startswith(org.hanoi.path)
    ]


def test_key_figures_compare_the_latest_annual_results_year_with_the_year_before(world, org, users):
    board = dashboard_for(user=users["hanoi_officer"], today=TODAY)
    assert board.award_year == 2025
    figures = {f.drill.get("code", f.label): f for f in board.figures}
    this, last = hanoi_awards(org, 2025), hanoi_awards(org, 2024)
    total = board.figures[0]
    assert (total.current, total.previous) == (len(this), len(last))
    for code in ("LDTT", "CSTDCS", "CSTD_NGANH", "BK_NGANH", "TTLDXS", "CO_NGANH"):
        expected = (
            sum(1 for a in this if a.award_type.code == code),
            sum(1 for a in last if a.award_type.code == code),
        )
        assert (figures[code].current, figures[code].previous) == expected, code

    def women(rows):
        persons = [a for a in rows if a.person_id]
        return round(100 * sum(1 for a in persons if a.person.gender == "F") / len(persons), 1)

    by_label = {str(f.label): f for f in board.figures}
    share = by_label["Tỷ lệ nữ trong khen thưởng cá nhân"]
    assert (share.current, share.previous) == (women(this), women(last))
    money = by_label["Tiền thưởng (đồng)"]
    assert money.current == sum((a.money or 0 for a in this), Decimal(0)) == 16_500_000
    assert money.previous == sum((a.money or 0 for a in last), Decimal(0))


def test_proposal_figures_count_the_lines_of_this_years_rounds(world, org, users):
    board = dashboard_for(user=users["hanoi_officer"], today=TODAY)
    mine = [
        line for line in ProposalLine.objects.select_related("proposal__unit")
        if line.proposal.unit_id == org.hanoi.pk and line.year == 2026
    ]  # fmt: skip
    submitted, accepted = board.proposal_figures
    assert submitted.current == sum(1 for line in mine if line.status != "DRAFT")
    assert accepted.current == sum(1 for line in mine if line.status == "ACCEPTED")
    assert (submitted.previous, accepted.previous) == (0, 0)


def test_open_rounds_show_working_days_left_and_late_lines_how_late(world, org, users):
    board = dashboard_for(user=users["hanoi_officer"], today=TODAY)
    annual, ad_hoc = world["annual"], world["open"]
    rounds = {r.round.pk: r for r in board.rounds}
    assert rounds[ad_hoc.pk].submission_left == working_days_between(
        TODAY, ad_hoc.submission_deadline
    )
    assert rounds[annual.pk].submission_left < 0
    assert (rounds[annual.pk].lines, rounds[annual.pk].waiting, rounds[annual.pk].returned) == (
        4, 1, 1,
    )  # fmt: skip
    late = {(i.round_id, i.status): i for i in board.late}
    waiting = late[(annual.pk, "SUBMITTED")]
    assert waiting.count == 1
    assert waiting.overdue == working_days_between(annual.appraisal_deadline, TODAY)
    assert late[(annual.pk, "RETURNED")].count == 1
    assert (ad_hoc.pk, "SUBMITTED") not in late


def test_the_dashboard_of_another_province_shows_only_its_own_lines(world, org, users):
    board = dashboard_for(user=users["phu_tho_officer"], today=TODAY)
    rounds = {r.round.pk: r for r in board.rounds}
    assert rounds[world["annual"].pk].lines == 1  # the rejected line of Phú Thọ
    assert board.late == []
    assert board.figures[0].current == len(
        [a for a in Award.objects.select_related("holder_unit") if not a.revoked
         and a.year == board.award_year
         and a.holder_unit.path.startswith((org.phu_tho.path, org.hoa_binh.path,
                                            org.vinh_phuc.path))]
    )  # fmt: skip


def test_every_figure_of_the_page_opens_its_list(world, users, client):
    client.force_login(users["hanoi_officer"])
    response = client.get(reverse("statistics:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="dashboard-chart"' in html
    for row in response.context["figures"]:
        f = row["f"]
        if isinstance(f.current, int) and row["current_url"]:
            listed = client.get(row["current_url"]).context["page"].paginator.count
            assert listed == f.current, (f.label, row["current_url"])
    for row in response.context["late"]:
        listed = client.get(row["url"]).context["page"].paginator.count
        assert listed == row["item"].count


def test_without_cluster_results_the_dashboard_says_so(world, users, client):
    client.force_login(users["sector"])
    html = client.get(reverse("statistics:dashboard")).content.decode()
    assert "Chưa có kết quả chấm điểm cụm, khối năm 2025 trong phạm vi của bạn." in html


# --- the year shown: by default the latest year with annual titles, or the year asked for ---


def test_a_few_awards_of_this_year_do_not_make_it_the_default_year(world, org, people, users):
    """Demo-shaped: in November 2026 a few Bằng khen of 2026 are decided, while the annual
    titles (LĐTT, CSTĐCS, TTLĐTT, TTLĐXS) recorded are those of 2025."""
    for person in (people["duc"], people["hanoi_division"], people["phu_tho"]):
        grant("BK_NGANH", 2026, person=person)
    for who in ("sector", "hanoi_officer", "phu_tho_officer"):
        board = dashboard_for(user=users[who], today=TODAY)
        assert (board.award_year, board.default_year, board.cluster_year) == (2025, 2025, 2025)
    board = dashboard_for(user=users["hanoi_officer"], today=TODAY)
    assert board.figures[0].current == len(hanoi_awards(org, 2025)) == 5


def test_without_annual_titles_the_default_is_the_latest_award_year_then_last_year(world, org):
    office = make_user("tdkt.vanphong", (Role.UNIT_OFFICER, org.office))  # one GK of 2025
    assert default_award_year(office, TODAY, catalog()) == 2025
    grant("BK_NGANH", 2026, unit=org.office)
    assert default_award_year(office, TODAY, catalog()) == 2026
    nobody = make_user("tdkt.khuvuc", (Role.UNIT_OFFICER, org.area_hanoi_1))
    assert default_award_year(nobody, TODAY, catalog()) == 2025  # last year


def test_a_leader_chooses_the_year_to_compare_with_the_year_before(world, org, users, client):
    client.force_login(users["hanoi_officer"])
    response = client.get(reverse("statistics:dashboard") + "?nam=2024")
    assert response.status_code == 200
    board = response.context["board"]
    assert (board.award_year, board.default_year, board.cluster_year) == (2024, 2025, 2024)
    total = board.figures[0]
    assert (total.current, total.previous) == (
        len(hanoi_awards(org, 2024)), len(hanoi_awards(org, 2023)),
    )  # fmt: skip
    assert [d["label"] for d in board.chart["datasets"]] == ["2023", "2024"]
    html = response.content.decode()
    assert "Khen thưởng năm 2024 so với năm 2023" in html
    assert '<option value="2024" selected>2024</option>' in html
    assert '<option value="2025">2025 *</option>' in html
    for row in response.context["figures"]:
        if isinstance(row["f"].current, int) and row["current_url"]:
            assert "year=2024" in row["current_url"] and "year=2023" in row["previous_url"]
            listed = client.get(row["current_url"]).context["page"].paginator.count
            assert listed == row["f"].current, row["f"].label


@pytest.mark.parametrize(
    ("asked", "reason"),
    [
        ("abc", "Năm phải là một số, ví dụ 2025."),
        ("1990", "Năm phải từ 2015 trở đi."),
        ("2100", "Năm không được sau"),
        ("2025.5", "Năm phải là một số, ví dụ 2025."),
    ],
)
def test_a_bad_year_is_answered_with_the_reason_and_the_default_year(
    world, users, client, asked, reason
):
    client.force_login(users["hanoi_officer"])
    response = client.get(reverse("statistics:dashboard"), {"nam": asked})
    assert response.status_code == 400
    html = response.content.decode()
    assert f"Năm “{asked}” không xem được:" in html and reason in html
    assert "Đang hiển thị năm mặc định 2025." in html
    assert response.context["board"].award_year == 2025
    api = client.get("/api/v1/statistics/dashboard", {"nam": asked})
    assert api.status_code == 400
    assert api.json()["field"] == "nam" and reason in api.json()["detail"]


def test_an_empty_year_is_the_default_year(world, users, client):
    client.force_login(users["hanoi_officer"])
    response = client.get(reverse("statistics:dashboard") + "?nam=")
    assert response.status_code == 200
    assert response.context["board"].award_year == 2025


@pytest.mark.parametrize("query", ["", "?nam=2024", "?nam=2026"])
@pytest.mark.parametrize("who", ["sector", "hanoi_officer"])
def test_the_api_returns_the_same_figures_as_the_page(world, users, client, query, who):
    client.force_login(users[who])
    page = client.get(reverse("statistics:dashboard") + query).context
    body = client.get("/api/v1/statistics/dashboard" + query).json()
    board = page["board"]
    assert (body["award_year"], body["default_year"], body["proposal_year"]) == (
        board.award_year, board.default_year, board.proposal_year,
    )  # fmt: skip
    for key, rows in (("figures", page["figures"]), ("proposal_figures", page["proposal_figures"])):
        assert [(f["label"], f["current"], f["previous"], f["filters"]) for f in body[key]] == [
            (str(r["f"].label), _json(r["f"].current), _json(r["f"].previous), r["f"].drill)
            for r in rows
        ]  # fmt: skip
    assert [(i["round_id"], i["status"], i["count"]) for i in body["late"]] == [
        (r["item"].round_id, r["item"].status, r["item"].count) for r in page["late"]
    ]
    assert body["cluster_year"] == board.cluster_year
    assert [c["cluster_id"] for c in body["clusters"]] == [s.cluster.pk for s in board.clusters]


def _json(value):
    """A figure as the API writes it (money as a decimal string)."""
    return str(value) if isinstance(value, Decimal) else value


# --- every bar opens its own list ---


def test_each_bar_of_the_chart_opens_the_list_of_its_own_year_and_code(world, org, users, client):
    client.force_login(users["hanoi_officer"])
    response = client.get(reverse("statistics:dashboard"))
    chart = response.context["chart"]
    assert [d["label"] for d in chart["datasets"]] == ["2024", "2025"]
    codes = [link["code"] for link in chart["links"][0]]
    assert codes[:2] == ["LDTT", "CSTDCS"]
    checked = 0
    for dataset, links, urls in zip(chart["datasets"], chart["links"], chart["urls"], strict=True):
        year = dataset["label"]
        for code, value, link, url in zip(codes, dataset["data"], links, urls, strict=True):
            assert link == {"code": code, "year": year}
            assert f"code={code}" in url and f"year={year}" in url
            page = client.get(url).context["page"]
            assert page.paginator.count == value, (year, code)
            assert {(a.year, a.award_type.code) for a in page.object_list} <= {(int(year), code)}
            checked += value
    main = [a for a in hanoi_awards(org, 2024) + hanoi_awards(org, 2025)
            if a.award_type.code in codes]  # fmt: skip
    assert checked == len(main) > 0


def test_the_previous_year_bar_no_longer_opens_the_current_year(world, users, client):
    client.force_login(users["hanoi_officer"])
    chart = client.get(reverse("statistics:dashboard")).context["chart"]
    ldtt_2024 = client.get(chart["urls"][0][0]).context["page"].object_list
    assert [a.year for a in ldtt_2024] == [2024, 2024]  # Đức and Bình, not 2025's


# --- cluster rankings ---


@pytest.fixture
def clusters(world, org, users):
    """2025: cluster A (Hà Nội, Phú Thọ, Nghệ An; review closed, Phú Thọ voted leading) and
    cluster B (Nghệ An, Hà Tĩnh: Hà Nội is neither organiser nor member), both organised by
    the sector; 2026: cluster C (the three of A, review still open)."""
    from tdkt.emulation.models import Cluster, ClusterKind, ClusterMember, MemberRole
    from tdkt.org.models import UnitType
    from tdkt.org.services import unit_create
    from tdkt.scoring.models import CandidacyKind, Choice
    from tdkt.scoring.services import cards, reviews, votes
    from tdkt.scoring.tests.builders import make_cluster, make_table, score_all

    make_table(year_from=2024)
    a, nghe_an = make_cluster(org, year=2025, name="Cụm 1")
    ha_tinh = unit_create(
        code="T-HT", short_name="VKSND tỉnh Hà Tĩnh", full_name="VKSND tỉnh Hà Tĩnh",
        unit_type=UnitType.PROVINCIAL, parent=org.root, valid_from=dt.date(2015, 1, 1),
    )  # fmt: skip
    b = Cluster.objects.create(year=2025, kind=ClusterKind.CLUSTER, name="Cụm 2",
                               organiser=org.root)  # fmt: skip
    ClusterMember.objects.create(cluster=b, unit=nghe_an, role=MemberRole.HEAD)
    ClusterMember.objects.create(cluster=b, unit=ha_tinh, role=MemberRole.DEPUTY)
    c, _ = make_cluster(org, year=2026, name="Cụm 1", third=nghe_an)
    acting = {
        org.hanoi.pk: users["hanoi_officer"],
        org.phu_tho.pk: users["phu_tho_officer"],
        nghe_an.pk: make_user("tdkt.nghean", (Role.UNIT_OFFICER, nghe_an)),
        ha_tinh.pk: make_user("tdkt.hatinh", (Role.UNIT_OFFICER, ha_tinh)),
    }

    def score(cluster, unit, value, submit=True):
        user = acting[unit.pk]
        card = cards.scorecard_start(cluster=cluster, unit=unit, user=user)
        card = score_all(card, user, Decimal(value))
        if submit:
            cards.scorecard_submit(scorecard=card, expected_version=card.version, user=user)

    score(a, org.hanoi, 8)  # 16 points (two criteria)
    score(a, org.phu_tho, 9)  # 18
    score(a, nghe_an, 7)  # 14
    score(b, nghe_an, 6)  # 12
    score(b, ha_tinh, 9)  # 18
    score(c, org.hanoi, 9)  # 18
    score(c, org.phu_tho, 6)  # 12
    score(c, nghe_an, 10, submit=False)  # a draft: not ranked
    reviews.review_open(cluster=a, user=users["hanoi_officer"])
    reviews.review_close(cluster=a, user=users["hanoi_officer"], expected_version=1)
    vote = votes.vote_open(cluster=a, user=users["hanoi_officer"],
                           candidates={CandidacyKind.LEADING: [org.phu_tho]})  # fmt: skip
    for unit_pk, user in list(acting.items())[:3]:
        choices = {candidate.pk: Choice.AGREE for candidate in vote.candidates.all()}
        votes.ballot_cast(vote=vote, member_unit=type(org.hanoi).objects.get(pk=unit_pk),
                          user=user, choices=choices)  # fmt: skip
    vote.refresh_from_db()
    votes.vote_close(vote=vote, user=users["hanoi_officer"], expected_version=vote.version)
    return {"a": a, "b": b, "c": c, "nghe_an": nghe_an, "ha_tinh": ha_tinh}


def _standings(board):
    return [
        (s.cluster.pk, s.closed, s.leading_unit.pk if s.leading_unit else None,
         [(rank, unit.pk, total) for rank, unit, total in s.ranked])
        for s in board.clusters
    ]  # fmt: skip


def test_cluster_rankings_of_the_year_list_the_top_units_in_order(clusters, org, users):
    a, b, nghe_an, ha_tinh = clusters["a"], clusters["b"], clusters["nghe_an"], clusters["ha_tinh"]
    ranked_a = [(1, org.phu_tho.pk, 18), (2, org.hanoi.pk, 16), (3, nghe_an.pk, 14)]
    board = dashboard_for(user=users["sector"], today=TODAY)
    assert board.cluster_year == 2025
    assert _standings(board) == [
        (a.pk, True, org.phu_tho.pk, ranked_a),
        (b.pk, False, None, [(1, ha_tinh.pk, 18), (2, nghe_an.pk, 12)]),
    ]
    board = dashboard_for(user=users["sector"], today=TODAY, year=2026)
    assert _standings(board) == [
        (clusters["c"].pk, False, None, [(1, org.hanoi.pk, 18), (2, org.phu_tho.pk, 12)]),
    ]  # the draft of Nghệ An is not ranked


@pytest.mark.parametrize("who", ["hanoi_officer", "hanoi_leader", "phu_tho_officer"])
def test_a_province_sees_only_the_clusters_it_belongs_to(clusters, org, users, who):
    board = dashboard_for(user=users[who], today=TODAY)
    assert [s.cluster.pk for s in board.clusters] == [clusters["a"].pk]
    assert board.clusters[0].ranked[0][1] == org.phu_tho  # the whole cluster's ranking
    nghe_an = make_user("tdkt.nghean2", (Role.UNIT_OFFICER, clusters["nghe_an"]))
    seen = [s.cluster.pk for s in dashboard_for(user=nghe_an, today=TODAY).clusters]
    assert seen == [clusters["a"].pk, clusters["b"].pk]


def test_the_page_shows_the_rankings_and_marks_provisional_ones(clusters, users, client):
    client.force_login(users["hanoi_leader"])
    html = client.get(reverse("statistics:dashboard")).content.decode()
    assert "Xếp hạng cụm, khối thi đua năm 2025" in html
    ranking = html[html.index('data-testid="ranked"') :]
    ranking = ranking[: ranking.index("</ol>")]
    assert [line.split("–")[0].split(">")[-1].strip() for line in ranking.split("<li")[1:]] == [
        "VKSND tỉnh Phú Thọ", "VKSND thành phố Hà Nội", "VKSND tỉnh Nghệ An",
    ]  # fmt: skip
    assert "18 điểm" in ranking and "Dẫn đầu (bình xét)" in html
    assert 'data-testid="provisional"' not in html
    html = client.get(reverse("statistics:dashboard") + "?nam=2026").content.decode()
    assert "Xếp hạng cụm, khối thi đua năm 2026" in html
    assert 'data-testid="provisional"' in html
