"""The leader dashboard: key figures of the latest award year against the year before (checked
against the register's rows), open rounds in working days, late lines, scope, drill-down."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tdkt.awards.models import Award
from tdkt.core.workdays import working_days_between
from tdkt.proposals.models import ProposalLine
from tdkt.reports.dashboard import dashboard_for
from tdkt.reports.tests.statistics_data import build_awards, build_proposals

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


def test_key_figures_compare_the_latest_award_year_with_the_year_before(world, org, users):
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
    assert "Chưa có kết quả chấm điểm cụm, khối trong phạm vi của bạn." in html
