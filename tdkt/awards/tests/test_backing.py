"""The initiatives an award rests on: consumed by a decision, set by hand, read by the rules."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tdkt.awards import backing, decisions
from tdkt.awards.decisions import DecisionData
from tdkt.awards.models import Award
from tdkt.awards.tests.conftest import passed_line
from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.eligibility.histories import person_history
from tdkt.initiatives.models import Initiative
from tdkt.people.models import YearlyRating
from tdkt.rules.engine import evaluate
from tdkt.rules.verdicts import Outcome
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def initiative(person, title, year, scope="CO_SO", *, status="RECOGNISED", used_for=None):
    item = Initiative.objects.create(
        status=status,
        title=title,
        unit=person.unit,
        year=year,
        recognised_on=dt.date(year, 6, 1) if status == "RECOGNISED" else None,
        effect_scope=scope,
        used_for=used_for,
    )
    item.authors.add(person)
    return item


def grant(person, code, year, number):
    return Award.objects.create(
        award_type=AwardType.objects.get(code=code),
        person=person,
        year=year,
        decision_number=number,
        decision_date=dt.date(year, 12, 20),
        holder_unit=person.unit,
    )


def record(round_, lines, user, number="77/QĐ-VKSTC"):
    data = DecisionData(number=number, signed_on=TODAY, signer="Nguyễn Huy Tiến")
    return decisions.decision_record(round_=round_, lines=lines, data=data, user=user)


def test_a_decision_consumes_the_initiative_its_verdict_counts(round_2026, org, users):
    # Given a fighter of 2026 rated HTTNV, so the title rests on an initiative: one of the
    # grassroots and one of the sector, both recognised that year
    person = make_person(org.hanoi, "Vũ Thị Lan")
    YearlyRating.objects.create(person=person, year=2026, rating="HTTNV")
    grassroots = initiative(person, "Sổ tay kiểm sát", 2026)
    sector = initiative(person, "Quy trình số hóa hồ sơ", 2026, "NGANH")
    verdict = evaluate(person_history(person), "CSTDCS", 2026)
    assert verdict.outcome == Outcome.ELIGIBLE
    assert verdict.initiatives == (str(grassroots.pk),)
    line = passed_line(round_2026, org.hanoi, "CSTDCS", person=person)

    # When the decision is recorded
    record(round_2026, [line], users["sector"])

    # Then the award rests on the narrower initiative; the sector one stays free for later
    award = Award.objects.get(source_line=line)
    grassroots.refresh_from_db()
    sector.refresh_from_db()
    assert grassroots.used_for == award
    assert sector.used_for is None
    assert grassroots.history.first().history_change_reason == "Quyết định số 77/QĐ-VKSTC"
    # and the rules now see it spent: a second fighter title on it would not stand
    facts = person_history(person)
    spent = next(i for i in facts.initiatives if i.id == str(grassroots.pk))
    assert spent.used_for_award == str(award.pk)


def test_an_excellent_rating_consumes_nothing_and_a_taken_initiative_is_never_taken(
    round_2026, org, users
):
    excellent = make_person(org.hanoi, "Hồ Văn Nam")
    YearlyRating.objects.create(person=excellent, year=2026, rating="HTXSNV")
    kept = initiative(excellent, "Mẫu biên bản", 2026)
    line = passed_line(round_2026, org.hanoi, "CSTDCS", person=excellent)
    record(round_2026, [line], users["sector"], number="78/QĐ-VKSTC")
    kept.refresh_from_db()
    assert kept.used_for is None


def test_two_awards_of_one_decision_never_share_an_initiative(round_2026, org, users):
    # Given two lines of the same person whose verdicts would both count the same initiative
    person = make_person(org.hanoi, "Lý Văn Phúc")
    YearlyRating.objects.create(person=person, year=2026, rating="HTTNV")
    only = initiative(person, "Sổ tay", 2026)
    claims = backing.initiative_claims(
        [
            Award(person=person, award_type=AwardType.objects.get(code="CSTDCS"), year=2026),
            Award(person=person, award_type=AwardType.objects.get(code="CSTDCS"), year=2026),
        ]
    )
    # Then it is claimed once
    assert list(claims) == [only.pk]


def test_the_officer_sets_and_frees_initiatives_by_hand(client, org, people, users):
    person = people["duc"]
    award = grant(person, "BK_NGANH", 2025, "12/QĐ")
    older = grant(person, "CSTDCS", 2024, "5/QĐ")
    first = initiative(person, "Sáng kiến A", 2024)
    second = initiative(person, "Sáng kiến B", 2025)
    taken = initiative(person, "Sáng kiến C", 2024, used_for=older)
    other_person = make_person(org.hanoi, "Người khác")
    foreign = initiative(other_person, "Của người khác", 2025)
    pending = initiative(person, "Chưa công nhận", 2025, status="SUBMITTED")
    client.force_login(users["sector"])
    url = reverse("awards:initiatives", args=[award.pk])

    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Sáng kiến A (2024, Cấp cơ sở)" in body
    assert "Sáng kiến C (2024) — Chiến sĩ thi đua cơ sở 2024" in body  # listed, not offered
    assert f'value="{taken.pk}"' not in body
    assert "Của người khác" not in body and "Chưa công nhận" not in body

    response = client.post(
        url,
        {
            "version": award.version,
            "initiatives": [first.pk, second.pk],
            "reason": "Ghi căn cứ theo hồ sơ",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.used_for == award and second.used_for == award

    # Freeing one (unticking it) returns it; a stale page is refused, nothing lost
    award.refresh_from_db()
    opened = award.version
    backing.award_initiatives_set(
        award=award, initiative_ids=[second.pk], expected_version=opened, reason="Sửa"
    )
    first.refresh_from_db()
    assert first.used_for is None
    stale = client.post(url, {"version": opened, "initiatives": [first.pk], "reason": "Sửa lại"})
    assert stale.status_code == 200
    assert "đã được người khác sửa" in stale.content.decode()
    second.refresh_from_db()
    assert second.used_for == Award.objects.get(pk=award.pk)

    # Initiatives offered by no form are refused by the service with a message naming them
    award.refresh_from_db()
    for item, words in [
        (taken, "đã làm căn cứ cho Chiến sĩ thi đua cơ sở năm 2024"),
        (foreign, "không phải là tác giả"),
        (pending, "chưa được công nhận"),
    ]:
        with pytest.raises(DomainError, match=words):
            backing.award_initiatives_set(
                award=award,
                initiative_ids=[item.pk],
                expected_version=award.version,
                reason="Thử",
            )
    with pytest.raises(StaleEditError):
        backing.award_initiatives_set(
            award=award, initiative_ids=[], expected_version=award.version - 1, reason="Cũ"
        )


def test_a_form_naming_an_initiative_not_offered_is_refused_in_vietnamese(
    client, people, users, org
):
    person = people["duc"]
    award = grant(person, "BK_NGANH", 2025, "12/QĐ")
    foreign = initiative(make_person(org.hanoi, "Người khác"), "Của người khác", 2025)
    client.force_login(users["sector"])
    url = reverse("awards:initiatives", args=[award.pk])
    response = client.post(
        url, {"version": award.version, "initiatives": [foreign.pk, "x"], "reason": "Thử"}
    )
    assert response.status_code == 200
    assert "“x” không phải là mã sáng kiến hợp lệ." in response.content.decode()
    response = client.post(
        url, {"version": award.version, "initiatives": [foreign.pk], "reason": "Thử"}
    )
    assert f"Sáng kiến “{foreign.pk}” không còn chọn được" in response.content.decode()
    missing_reason = client.post(url, {"version": award.version, "initiatives": []})
    assert missing_reason.status_code == 200
    assert Initiative.objects.filter(used_for=award).count() == 0


def test_out_of_scope_and_collective_awards_answer_404(client, org, people, users):
    award = grant(people["duc"], "LDTT", 2025, "3/QĐ")
    unit_award = Award.objects.create(
        award_type=AwardType.objects.get(code="TTLDTT"),
        unit=org.hanoi,
        year=2025,
        decision_number="4/QĐ",
        decision_date=dt.date(2025, 12, 20),
        holder_unit=org.hanoi,
    )
    client.force_login(users["phu_tho_officer"])
    assert client.get(reverse("awards:initiatives", args=[award.pk])).status_code == 404
    client.force_login(users["sector"])
    assert client.get(reverse("awards:initiatives", args=[unit_award.pk])).status_code == 404
    client.force_login(users["hanoi_officer"])
    assert client.get(reverse("awards:initiatives", args=[award.pk])).status_code == 200


def test_the_page_runs_a_fixed_number_of_queries(
    client, people, users, django_assert_num_queries, django_assert_max_num_queries
):
    person = people["duc"]
    award = grant(person, "BK_NGANH", 2025, "12/QĐ")
    client.force_login(users["sector"])
    url = reverse("awards:initiatives", args=[award.pk])
    initiative(person, "Một", 2025)
    client.get(url)
    with django_assert_max_num_queries(100) as few:
        client.get(url)
    for index in range(6):
        older = grant(person, "CSTDCS", 2016 + index, f"{index}/QĐ")
        initiative(person, f"Sáng kiến {index}", 2016 + index, used_for=older)
        initiative(person, f"Tự do {index}", 2016 + index)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


def test_revoking_frees_the_initiatives_so_a_new_decision_can_use_them(round_2026, org, users):
    person = make_person(org.hanoi, "Vũ Thị Lan")
    YearlyRating.objects.create(person=person, year=2026, rating="HTTNV")
    own = initiative(person, "Sổ tay kiểm sát", 2026)
    line = passed_line(round_2026, org.hanoi, "CSTDCS", person=person)
    decision = record(round_2026, [line], users["sector"])
    own.refresh_from_db()
    assert own.used_for is not None
    decisions.decision_revoke(
        decision=decision,
        revoked_on=TODAY,
        reason="Ghi nhầm số quyết định",
        user=users["sector"],
        expected_version=decision.version,
    )
    own.refresh_from_db()
    assert own.used_for is None
    assert "Ghi nhầm số quyết định" in own.history.first().history_change_reason
    assert evaluate(person_history(person), "CSTDCS", 2026).initiatives == (str(own.pk),)
    # a revoked award cannot be given initiatives by hand
    award = Award.objects.get(source_line=line)
    with pytest.raises(DomainError, match="đã bị hủy bỏ"):
        backing.award_initiatives_set(
            award=award, initiative_ids=[own.pk], expected_version=award.version, reason="Thử"
        )


def test_revoking_one_award_of_the_register_frees_its_initiatives(people):
    from tdkt.awards import services

    person = people["duc"]
    award = grant(person, "BK_NGANH", 2025, "12/QĐ")
    first = initiative(person, "A", 2024, used_for=award)
    second = initiative(person, "B", 2025, used_for=award)
    services.award_revoke(
        award=award, expected_version=award.version, revoked_on=TODAY, reason="Sai đối tượng"
    )
    assert Initiative.objects.filter(pk__in=[first.pk, second.pk], used_for=None).count() == 2


def test_unticking_frees_only_what_the_page_offers(people, org):
    person = people["duc"]
    award = grant(person, "BK_NGANH", 2025, "12/QĐ")
    offered = initiative(person, "Của Đức", 2025, used_for=award)
    # an initiative backing the award that is not (or no longer) the person's stays put
    other = initiative(make_person(org.hanoi, "Người khác"), "Của người khác", 2025, used_for=award)
    backing.award_initiatives_set(
        award=award, initiative_ids=[], expected_version=award.version, reason="Bỏ chọn"
    )
    offered.refresh_from_db()
    other.refresh_from_db()
    assert offered.used_for is None and other.used_for == award


def test_an_initiative_of_unknown_scope_counted_after_review_is_consumed(round_2026, org, users):
    # CSTĐ ngành needs a sector-wide initiative: one whose scope was never recorded makes the
    # verdict a question, and the award decided after review rests on it
    person = make_person(org.hanoi, "Trần Văn Sơn", recruitment_date=dt.date(2010, 1, 1))
    for year in (2024, 2025, 2026):
        YearlyRating.objects.create(person=person, year=year, rating="HTXSNV")
    for year in (2024, 2025):
        grant(person, "CSTDCS", year, f"{year}/QĐ-CS")
    unknown = initiative(person, "Số hóa hồ sơ", 2025, scope="")
    verdict = evaluate(person_history(person), "CSTD_NGANH", 2026)
    assert verdict.outcome == Outcome.NEEDS_REVIEW
    assert str(unknown.pk) in verdict.initiatives
