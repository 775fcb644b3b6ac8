"""The demo dataset at a small scale: organisation, people, facts, awards, accounts, commands.

The dataset is generated once for the module (it takes a few seconds) and removed afterwards;
each test runs in its own transaction on top of it.
"""

import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import F, Q

from tdkt.accounts.models import Role, RoleAssignment, User
from tdkt.awards.models import Award
from tdkt.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_USERNAMES
from tdkt.demo.fingerprint import dataset_fingerprint
from tdkt.demo.flush import flush_domain_data
from tdkt.demo.org_writer import HISTORY_REASON
from tdkt.initiatives.models import Initiative
from tdkt.org.models import RestructuringEvent, Unit, UnitType
from tdkt.people.models import Assignment, Person, TaskRating, YearlyRating

SCALE, SEED = 0.01, 7
BEFORE, AFTER = dt.date(2025, 6, 30), dt.date(2025, 7, 1)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Generate the dataset once for the module; yield the command's output."""
    with django_db_blocker.unblock():
        out = io.StringIO()
        call_command("demo_data", scale=SCALE, seed=SEED, stdout=out)
        yield out.getvalue()
        with transaction.atomic():
            flush_domain_data()
            User.objects.filter(username__in=DEMO_USERNAMES).delete()


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def _today_units(unit_type):
    return Unit.objects.valid_on(dt.date.today()).filter(unit_type=unit_type)


# --- organisation ---------------------------------------------------------------------------


def test_27_internal_units_of_the_supreme_procuracy_today():
    root = Unit.objects.get(code="VKSNDTC", parent=None)
    internal = (
        Unit.objects.valid_on(dt.date.today())
        .filter(parent=root)
        .filter(unit_type__in=[UnitType.SUPREME_UNIT, UnitType.MILITARY_CENTRAL])
    )
    assert root.full_name == "Viện kiểm sát nhân dân tối cao"
    assert internal.count() == 27
    assert (
        internal.filter(
            short_name__startswith="Viện Công tố và Kiểm sát xét xử phúc thẩm", valid_from=AFTER
        ).count()
        == 3
    )


def test_provinces_are_63_before_the_reform_and_34_after():
    provinces = Unit.objects.filter(unit_type=UnitType.PROVINCIAL)
    assert provinces.valid_on(BEFORE).count() == 63
    assert provinces.valid_on(AFTER).count() == 34
    assert provinces.filter(valid_to=None, valid_from__lt=AFTER).count() == 11


def test_high_procuracies_exist_only_before_the_reform():
    high = Unit.objects.filter(unit_type=UnitType.HIGH)
    assert high.valid_on(BEFORE).count() == 3
    assert high.valid_on(AFTER).count() == 0
    events = RestructuringEvent.objects.filter(predecessors__unit_type=UnitType.HIGH)
    assert set(events.values_list("kind", flat=True)) == {"REORGANISE"}
    assert events.count() == 3


def test_355_areas_each_taking_over_district_procuracies():
    areas = _today_units(UnitType.AREA)
    assert areas.count() == 355
    assert Unit.objects.filter(unit_type=UnitType.DISTRICT, valid_to=BEFORE).count() >= 690
    events = RestructuringEvent.objects.filter(
        kind="REORGANISE", successors__unit_type=UnitType.AREA
    )
    assert events.count() == 355
    predecessors = RestructuringEvent.predecessors.through.objects.filter(
        restructuringevent__successors__unit_type=UnitType.AREA
    )
    assert set(predecessors.values_list("unit__unit_type", flat=True)) == {UnitType.DISTRICT}
    per_area = Counter(predecessors.values_list("restructuringevent_id", flat=True))
    assert set(per_area.values()) <= {1, 2, 3}


def test_phu_tho_merger_has_three_predecessors():
    phu_tho = Unit.objects.get(short_name="VKSND tỉnh Phú Thọ", valid_from=AFTER)
    event = RestructuringEvent.objects.get(kind="MERGE", successors=phu_tho)
    names = set(event.predecessors.values_list("short_name", flat=True))
    assert names == {"VKSND tỉnh Phú Thọ", "VKSND tỉnh Hòa Bình", "VKSND tỉnh Vĩnh Phúc"}
    assert event.date == AFTER


def test_tdkt_office_merged_into_the_office():
    old = Unit.objects.get(short_name="Vụ Thi đua – Khen thưởng (Vụ 16)")
    assert old.valid_to == BEFORE
    event = RestructuringEvent.objects.get(kind="MERGE", predecessors=old)
    assert list(event.successors.values_list("code", flat=True)) == ["VKSNDTC-VP"]


def test_units_have_paths_search_text_and_history():
    unit = Unit.objects.get(short_name="VKSND quận Ba Đình")
    hanoi = Unit.objects.get(code="T-HN")
    assert unit.path.startswith(hanoi.path) and unit.depth == 2
    assert "ba dinh" in unit.search_text
    assert Unit.history.count() == Unit.objects.count()
    assert set(Unit.history.values_list("history_change_reason", flat=True)) == {HISTORY_REASON}


# --- people ---------------------------------------------------------------------------------


def test_every_current_person_is_synthetic_and_in_a_unit_valid_today():
    current = Person.objects.filter(leaving_date=None)
    assert 150 <= current.count() <= 175
    assert not Person.objects.filter(is_synthetic=False).exists()
    assert not current.exclude(unit__in=Unit.objects.valid_on(dt.date.today())).exists()
    assert Person.objects.exclude(leaving_date=None).exists()
    assert Person.history.count() == Person.objects.count()


def test_assignments_stay_within_their_units_validity():
    outside = Assignment.objects.filter(
        Q(start__lt=F("unit__valid_from"))
        | Q(unit__valid_to__isnull=False, end__isnull=True)
        | Q(unit__valid_to__isnull=False, end__gt=F("unit__valid_to"))
    )
    assert not outside.exists()


def test_featured_person_has_a_full_ten_year_history():
    duc = Person.objects.get(full_name="Đặng Văn Đức")
    assert duc.gender == "M" and duc.unit.code == "T-HN"
    assert duc.unit.short_name == "VKSND thành phố Hà Nội"
    years = set(duc.ratings.values_list("year", flat=True))
    assert years == set(range(2016, 2026))
    codes = set(duc.awards.values_list("award_type__code", flat=True))
    assert {"LDTT", "CSTDCS", "CSTD_NGANH", "BK_NGANH", "KNC_VSNKS"} <= codes
    assert duc.assignments.count() == 2
    assert User.objects.get(username="canbo.duc").person == duc


# --- facts and awards -----------------------------------------------------------------------


def test_rates_are_plausible():
    ratings = Counter(YearlyRating.objects.values_list("rating", flat=True))
    total = sum(ratings.values())
    assert 0.10 <= ratings[TaskRating.HTXSNV] / total <= 0.30
    assert ratings[TaskRating.HTTNV] / total >= 0.55
    good = ratings[TaskRating.HTXSNV] + ratings[TaskRating.HTTNV]
    ldtt = Award.objects.filter(award_type__code="LDTT").count()
    cstdcs = Award.objects.filter(award_type__code="CSTDCS").count()
    assert 0.8 * good <= ldtt <= good
    assert 0 < cstdcs <= 0.2 * ldtt
    assert Award.objects.filter(revoked=True).count() <= 0.01 * Award.objects.count()


def test_every_individual_award_is_held_where_the_person_worked_on_the_decision_date():
    for award in Award.objects.filter(person__isnull=False).select_related("person"):
        held = Assignment.objects.filter(
            Q(end=None) | Q(end__gte=award.decision_date),
            person=award.person,
            start__lte=award.decision_date,
        ).values_list("unit_id", flat=True)
        assert list(held) == [award.holder_unit_id]


def test_collective_titles_follow_their_quotas():
    for year in (2016, 2025):
        titles = Counter(
            Award.objects.filter(year=year, unit__isnull=False).values_list(
                "award_type__code", flat=True
            )
        )
        assert titles["TTLDXS"] <= 0.25 * (titles["TTLDTT"] + titles["TTLDXS"])
        assert 15 <= titles["CO_CP"] <= 22
        assert 1 <= titles["CO_NGANH"] <= 12


def test_an_initiative_backs_at_most_one_award_and_has_authors():
    used = Initiative.objects.exclude(used_for=None)
    assert used.exists()
    assert used.values("used_for").distinct().count() == used.count()
    assert not Initiative.objects.filter(authors=None).exists()


# --- accounts and commands ------------------------------------------------------------------


def test_every_demo_account_exists_with_its_role():
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(username=account.username)
        assert user.check_password(DEMO_PASSWORD)
        assert RoleAssignment.objects.filter(
            user=user, role=account.role, unit__code=account.unit_code
        ).exists()
    assert User.objects.get(username="quantri").is_superuser


def test_phu_tho_officer_reaches_the_merged_provinces_history():
    from tdkt.accounts.scope import reach_of

    user = User.objects.get(username="tdkt.phutho")
    reachable = set(Unit.objects.restrict(user).values_list("short_name", flat=True))
    assert {"VKSND tỉnh Hòa Bình", "VKSND tỉnh Vĩnh Phúc", "VKSND khu vực 1 – Phú Thọ"} <= (
        reachable
    )
    assert "VKSND thành phố Hà Nội" not in reachable
    assert reach_of(user).allows_anywhere("view")
    assert RoleAssignment.objects.get(user=user).role == Role.UNIT_OFFICER


def test_if_empty_does_nothing_when_units_exist():
    out = io.StringIO()
    before = Unit.objects.count()
    call_command("demo_data", if_empty=True, stdout=out)
    assert "đã có đơn vị" in out.getvalue()
    assert Unit.objects.count() == before


def test_refuses_to_generate_over_existing_data_without_flush():
    with pytest.raises(CommandError):
        call_command("demo_data", scale=SCALE, stdout=io.StringIO())


def test_flush_and_same_seed_give_the_same_dataset(demo):
    before = dataset_fingerprint()
    out = io.StringIO()
    call_command("demo_data", scale=SCALE, seed=SEED, flush=True, stdout=out)
    assert dataset_fingerprint() == before
    assert "giây" in demo and "Xóa dữ liệu cũ" in out.getvalue()


def test_demo_logins_prints_the_accounts_from_the_database():
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    text = out.getvalue()
    for username in DEMO_USERNAMES:
        assert username in text
    assert "Cán bộ TĐKT ngành" in text and DEMO_PASSWORD in text


def test_demo_logins_without_accounts_says_so():
    flush_domain_data()
    User.objects.filter(username__in=DEMO_USERNAMES).delete()
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    assert "Chưa có tài khoản mẫu" in out.getvalue()
    assert DEMO_PASSWORD not in out.getvalue()
