"""Recording, transmitting and revoking decisions: transitions, money, refusals, queries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from tdkt.awards import decisions
from tdkt.awards.decisions import DecisionData, TransmissionData
from tdkt.awards.models import Award, Decision, TransmissionOutcome
from tdkt.awards.tests.conftest import passed_line
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.proposals.models import AppraisalAction, LineAppraisal, LineStatus, ProposalLine
from tdkt.reports.records import person_record
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def data(**overrides) -> DecisionData:
    values = {
        "number": "1234/QĐ-VKSTC",
        "signed_on": TODAY,
        "signer": "Nguyễn Huy Tiến",
        "signer_title": "Viện trưởng",
    }
    values.update(overrides)
    return DecisionData(**values)


def record(round_, lines, user, **overrides):
    return decisions.decision_record(round_=round_, lines=lines, data=data(**overrides), user=user)


def test_a_decision_awards_every_line_with_its_money(round_2026, passed, users, people, org):
    lines = [passed["duc"], passed["binh"], passed["hanoi_unit"]]

    decision = record(round_2026, lines, users["sector"])

    assert decision.authority == decisions.SECTOR_AUTHORITY
    assert decision.issuer_unit == org.root and decision.round == round_2026
    awards = {a.source_line_id: a for a in Award.objects.filter(decision=decision)}
    assert set(awards) == {line.pk for line in lines}
    duc = awards[passed["duc"].pk]
    assert (duc.person, duc.year, duc.award_type.code) == (people["duc"], 2026, "CSTDCS")
    assert duc.decision_number == "1234/QĐ-VKSTC" and duc.signer == "Nguyễn Huy Tiến"
    assert duc.holder_unit == org.hanoi
    assert awards[passed["binh"].pk].holder_unit == org.hanoi_division
    assert awards[passed["hanoi_unit"].pk].unit == org.hanoi
    # base salary 2,530,000 from 1/7/2026 (NĐ 161/2026): CSTĐCS 1.0, LĐTT 0.3, TTLĐXS 1.5
    assert duc.money == Decimal(2_530_000)
    assert awards[passed["binh"].pk].money == Decimal(759_000)
    assert awards[passed["hanoi_unit"].pk].money == Decimal(3_795_000)
    for line in ProposalLine.objects.filter(pk__in=[line.pk for line in lines]):
        assert line.status == LineStatus.AWARDED
        assert line.appraisals.last().action == AppraisalAction.AWARDED
    assert duc.history.count() == 1


def test_money_follows_the_base_salary_on_the_signing_day():
    assert decisions.money_for({"CSTDCS"}, dt.date(2026, 6, 30))["CSTDCS"] == 2_340_000
    assert decisions.money_for({"CSTDCS"}, dt.date(2026, 7, 1))["CSTDCS"] == 2_530_000
    assert decisions.money_for({"BK_NGANH"}, dt.date(2026, 7, 1))["BK_NGANH"] is None


def test_a_number_used_by_the_authority_that_year_is_refused(round_2026, passed, users):
    record(round_2026, [passed["duc"]], users["sector"])

    with pytest.raises(DomainError, match="đã được Viện trưởng .* dùng trong năm"):
        record(round_2026, [passed["binh"]], users["sector"], number=" 1234/QĐ-VKSTC ")

    assert ProposalLine.objects.get(pk=passed["binh"].pk).status == LineStatus.PASSED
    assert Decision.objects.count() == 1
    # another authority may use the same number
    record(round_2026, [passed["binh"]], users["sector"], authority="Thủ trưởng đơn vị")


def test_the_database_refuses_a_duplicate_number_with_the_same_message(
    round_2026, passed, users, monkeypatch
):
    record(round_2026, [passed["duc"]], users["sector"])
    real_filter = Decision.objects.filter

    class NeverTaken:
        def exists(self):
            return False

    # as if a second officer's check ran before the first officer's insert
    monkeypatch.setattr(
        Decision.objects,
        "filter",
        lambda *a, **kw: NeverTaken() if "number__iexact" in kw else real_filter(*a, **kw),
    )
    with pytest.raises(DomainError, match="đã được .* dùng trong năm"):
        record(round_2026, [passed["binh"]], users["sector"])
    assert ProposalLine.objects.get(pk=passed["binh"].pk).status == LineStatus.PASSED


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (LineStatus.ACCEPTED, "chưa được Hội đồng thống nhất đề nghị"),
        (LineStatus.NOT_PASSED, "chưa được Hội đồng thống nhất đề nghị"),
        (LineStatus.AWARDED, "đã có quyết định khen thưởng"),
    ],
)
def test_lines_not_passed_are_refused(round_2026, passed, users, org, people, status, message):
    other = passed_line(round_2026, org.phu_tho, "CSTDCS", person=people["phu_tho"], status=status)
    with pytest.raises(DomainError, match=message):
        record(round_2026, [passed["duc"], other], users["sector"])
    assert ProposalLine.objects.get(pk=passed["duc"].pk).status == LineStatus.PASSED
    assert not Award.objects.exists()


def test_a_line_decided_twice_is_refused(round_2026, passed, users):
    record(round_2026, [passed["duc"]], users["sector"])
    with pytest.raises(DomainError, match="đã có quyết định khen thưởng"):
        record(round_2026, [passed["duc"]], users["sector"], number="99/QĐ-VKSTC")
    assert Award.objects.count() == 1


def test_empty_selection_state_level_and_other_round_are_refused(round_2026, passed, users):
    with pytest.raises(DomainError, match="chọn ít nhất một"):
        record(round_2026, [], users["sector"])
    with pytest.raises(DomainError, match="Không tìm thấy một số dòng"):
        record(round_2026, [passed["duc"].pk, 99_999_999], users["sector"])
    with pytest.raises(DomainError, match="khen thưởng cấp Nhà nước"):
        record(round_2026, [passed["duc_tq"]], users["sector"])
    from tdkt.proposals.services.rounds import RoundInput, round_create

    other = round_create(
        data=RoundInput(
            name="Chuyên đề",
            kind="HANG_NAM",
            year=2026,
            submission_deadline=TODAY,
            appraisal_deadline=TODAY,
            award_types=[passed["duc"].award_type],
        ),
        user=users["sector"],
    )
    with pytest.raises(DomainError, match="không thuộc đợt"):
        record(other, [passed["duc"]], users["sector"])


def test_dates_in_the_future_or_before_the_council_are_refused(round_2026, passed, users):
    with pytest.raises(DomainError, match="không được sau hôm nay"):
        record(round_2026, [passed["duc"]], users["sector"], signed_on=TODAY + dt.timedelta(1))
    with pytest.raises(DomainError, match="trước ngày Hội đồng thống nhất đề nghị"):
        record(round_2026, [passed["duc"]], users["sector"], signed_on=TODAY - dt.timedelta(1))
    with pytest.raises(DomainError, match="Hãy ghi số quyết định"):
        record(round_2026, [passed["duc"]], users["sector"], number="  ")


def test_a_page_opened_before_another_change_is_refused(round_2026, passed, users):
    line = passed["duc"]
    with pytest.raises(StaleEditError):
        decisions.decision_record(
            round_=round_2026,
            lines=[line],
            data=data(),
            user=users["sector"],
            expected_versions={line.pk: line.version - 1},
        )
    assert not Decision.objects.exists()


def test_a_second_officer_with_the_same_page_open_is_refused(round_2026, passed, users):
    line = passed["duc"]
    seen = {line.pk: line.version}
    decisions.decision_record(
        round_=round_2026, lines=[line], data=data(), user=users["sector"], expected_versions=seen
    )
    with pytest.raises(StaleEditError):
        decisions.decision_record(
            round_=round_2026,
            lines=[line],
            data=data(number="2/QĐ"),
            user=users["sector"],
            expected_versions=seen,
        )
    assert Award.objects.filter(source_line=line).count() == 1


def test_the_proposing_units_officers_are_told(
    round_2026, passed, users, org, django_capture_on_commit_callbacks
):
    officer = users["hanoi_officer"]
    officer.email = "tdkt.hanoi@example.vn"
    officer.save()
    other = users["phu_tho_officer"]
    other.email = "tdkt.phutho@example.vn"
    other.save()
    with django_capture_on_commit_callbacks(execute=True):
        record(round_2026, [passed["duc"]], users["sector"])
    assert [m.to for m in mail.outbox] == [["tdkt.hanoi@example.vn"]]
    assert "1234/QĐ-VKSTC" in mail.outbox[0].subject
    assert "/so-khen-thuong/quyet-dinh/" in mail.outbox[0].body


def test_holder_units_in_bulk_agree_with_the_award_service(people, org):
    from tdkt.awards.services import holder_unit_on

    ids = [p.pk for p in people.values()]
    for day in (dt.date(2024, 1, 1), dt.date(2026, 1, 1)):
        bulk = decisions.holder_units_on(ids, day)
        assert bulk == {p.pk: holder_unit_on(p, day).pk for p in people.values()}


def test_five_hundred_lines_take_a_fixed_number_of_queries(
    round_2026, org, users, django_assert_max_num_queries
):
    def lines(count, prefix):
        return [
            passed_line(
                round_2026, org.hanoi, "LDTT", person=make_person(org.hanoi, f"{prefix}{i}")
            )
            for i in range(count)
        ]

    few, many = lines(3, "A"), lines(120, "B")
    with django_assert_max_num_queries(40) as small:
        record(round_2026, few, users["sector"], number="1/QĐ")
    with django_assert_max_num_queries(len(small.captured_queries)):
        record(round_2026, many, users["sector"], number="2/QĐ")


# ---------------------------------------------------------------- state level


def transmit(round_, lines, user, **overrides):
    values = {"number": "55/TTr-VKSTC", "sent_on": TODAY, "receiver": "Thủ tướng Chính phủ"}
    values.update(overrides)
    return decisions.transmission_record(
        round_=round_, lines=lines, data=TransmissionData(**values), user=user
    )


def test_state_level_lines_go_upward_then_come_back_awarded_or_not(
    round_2026, org, people, passed, users
):
    other = passed_line(round_2026, org.phu_tho, "BK_TTG", person=people["phu_tho"])
    transmission = transmit(round_2026, [passed["duc_tq"], other], users["sector"])

    assert {i.line_id for i in transmission.items.all()} == {passed["duc_tq"].pk, other.pk}
    assert ProposalLine.objects.get(pk=other.pk).status == LineStatus.TRANSMITTED

    decision = decisions.transmission_award(
        transmission=transmission,
        lines=[passed["duc_tq"]],
        data=data(number="88/QĐ-TTg", signer="Phạm Minh Chính", authority="Thủ tướng Chính phủ"),
        user=users["sector"],
    )
    decisions.transmission_refuse(
        transmission=transmission, lines=[other], reason="Chưa đủ tiêu chuẩn", user=users["sector"]
    )

    award = Award.objects.get(source_line=passed["duc_tq"])
    assert award.decision == decision and award.authority == "Thủ tướng Chính phủ"
    assert award.money is None  # no coefficient for BK_TTG in the digest
    assert ProposalLine.objects.get(pk=passed["duc_tq"].pk).status == LineStatus.AWARDED
    refused = ProposalLine.objects.get(pk=other.pk)
    assert refused.status == LineStatus.NOT_AWARDED
    assert refused.appraisals.last().comment == "Chưa đủ tiêu chuẩn"
    outcomes = dict(transmission.items.values_list("line_id", "outcome"))
    assert outcomes == {
        passed["duc_tq"].pk: TransmissionOutcome.AWARDED,
        other.pk: TransmissionOutcome.NOT_AWARDED,
    }
    with pytest.raises(DomainError, match="không còn chờ kết quả"):
        decisions.transmission_refuse(
            transmission=transmission, lines=[other], reason="x", user=users["sector"]
        )


def test_transmission_refusals(round_2026, passed, users, monkeypatch):
    with pytest.raises(DomainError, match="không phải khen thưởng cấp Nhà nước"):
        transmit(round_2026, [passed["duc"]], users["sector"])
    with pytest.raises(DomainError, match="Hãy ghi cơ quan nhận"):
        transmit(round_2026, [passed["duc_tq"]], users["sector"], receiver="")
    monkeypatch.setattr(decisions, "transmission_blockers", lambda lines: ["lấy ý kiến chưa xong"])
    with pytest.raises(DomainError, match="Chưa thể trình cấp trên: lấy ý kiến chưa xong"):
        transmit(round_2026, [passed["duc_tq"]], users["sector"])
    monkeypatch.undo()
    transmission = transmit(round_2026, [passed["duc_tq"]], users["sector"])
    with pytest.raises(DomainError, match="trước ngày trình"):
        decisions.transmission_award(
            transmission=transmission,
            lines=[passed["duc_tq"]],
            data=data(signed_on=TODAY - dt.timedelta(days=1), authority="Thủ tướng Chính phủ"),
            user=users["sector"],
        )
    with pytest.raises(DomainError, match="Hãy ghi lý do không khen thưởng"):
        decisions.transmission_refuse(
            transmission=transmission, lines=[passed["duc_tq"]], reason=" ", user=users["sector"]
        )


# ---------------------------------------------------------------- revocation


def test_revoking_a_decision_revokes_its_awards_and_lines_and_the_record_stops_counting(
    round_2026, passed, users, people
):
    decision = record(round_2026, [passed["duc"], passed["binh"]], users["sector"])
    before = person_record(user=users["sector"], pk=people["duc"].pk, today=TODAY)
    assert [t.code for t in before.totals] == ["CSTDCS"]

    decisions.decision_revoke(
        decision=decision,
        expected_version=decision.version,
        revoked_on=TODAY,
        reason="Hồ sơ không trung thực",
        user=users["sector"],
    )

    decision.refresh_from_db()
    assert decision.revoked and decision.revocation_reason == "Hồ sơ không trung thực"
    awards = Award.objects.filter(decision=decision)
    assert all(a.revoked and a.revoked_on == TODAY for a in awards)
    assert not Award.objects.counting().filter(decision=decision).exists()
    assert set(
        ProposalLine.objects.filter(award__decision=decision).values_list("status", flat=True)
    ) == {LineStatus.REVOKED}
    after = person_record(user=users["sector"], pk=people["duc"].pk, today=TODAY)
    assert after.totals == [] and after.revoked_count == 1
    assert LineAppraisal.objects.filter(action=AppraisalAction.REVOKED).count() == 2


def test_revocation_refusals(round_2026, passed, users):
    decision = record(round_2026, [passed["duc"]], users["sector"])
    with pytest.raises(StaleEditError):
        decisions.decision_revoke(
            decision=decision,
            expected_version=decision.version - 1,
            revoked_on=TODAY,
            reason="x",
            user=users["sector"],
        )
    with pytest.raises(DomainError, match="trước ngày ký"):
        decisions.decision_revoke(
            decision=decision,
            expected_version=decision.version,
            revoked_on=TODAY - dt.timedelta(days=1),
            reason="x",
            user=users["sector"],
        )
    with pytest.raises(DomainError, match="Hãy ghi lý do"):
        decisions.decision_revoke(
            decision=decision,
            expected_version=decision.version,
            revoked_on=TODAY,
            reason="",
            user=users["sector"],
        )
    decisions.decision_revoke(
        decision=decision,
        expected_version=decision.version,
        revoked_on=TODAY,
        reason="x",
        user=users["sector"],
    )
    with pytest.raises(DomainError, match="đã bị hủy bỏ"):
        decisions.decision_revoke(
            decision=decision,
            expected_version=None,
            revoked_on=TODAY,
            reason="x",
            user=users["sector"],
        )


def test_revoking_one_award_of_a_decision_revokes_its_line(round_2026, passed, users):
    from tdkt.awards.services import award_revoke

    decision = record(round_2026, [passed["duc"], passed["binh"]], users["sector"])
    award = Award.objects.get(source_line=passed["duc"])
    award_revoke(award=award, expected_version=award.version, revoked_on=TODAY, reason="Sai sót")

    statuses = dict(
        ProposalLine.objects.filter(award__decision=decision).values_list("pk", "status")
    )
    assert statuses == {passed["duc"].pk: LineStatus.REVOKED, passed["binh"].pk: LineStatus.AWARDED}
    assert not Decision.objects.get().revoked
    # revoking the whole decision afterwards revokes the rest
    decisions.decision_revoke(
        decision=decision,
        expected_version=decision.version,
        revoked_on=TODAY,
        reason="Hủy",
        user=users["sector"],
    )
    assert ProposalLine.objects.get(pk=passed["binh"].pk).status == LineStatus.REVOKED


def test_units_are_told_when_the_upper_authority_does_not_award(
    round_2026, passed, users, django_capture_on_commit_callbacks
):
    officer = users["hanoi_officer"]
    officer.email = "tdkt.hanoi@example.vn"
    officer.save()
    transmission = transmit(round_2026, [passed["duc_tq"]], users["sector"])
    with django_capture_on_commit_callbacks(execute=True):
        decisions.transmission_refuse(
            transmission=transmission,
            lines=[passed["duc_tq"]],
            reason="Chưa đủ 5 năm",
            user=users["sector"],
        )
    assert [m.to for m in mail.outbox] == [["tdkt.hanoi@example.vn"]]
    assert "Chưa đủ 5 năm" in mail.outbox[0].body and "Đặng Văn Đức" in mail.outbox[0].body


def test_revoking_a_decision_tells_the_officers_of_the_units_losing_awards(
    round_2026, passed, users, org, django_capture_on_commit_callbacks
):
    """Given a decision for a Hà Nội division's staff member and a Phú Thọ staff member, when
    it is revoked, then Hà Nội's officer (role at the division's parent) hears of Bình only,
    Phú Thọ's officer of Cường only, and the sector officer who revoked gets nothing."""
    for key in ("sector", "hanoi_officer", "phu_tho_officer"):
        users[key].email = f"{users[key].username}@example.vn"
        users[key].save()
    decision = record(round_2026, [passed["binh"], passed["cuong"]], users["sector"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.decision_revoke(
            decision=decision,
            expected_version=decision.version,
            revoked_on=TODAY,
            reason="Hồ sơ không trung thực",
            user=users["sector"],
        )
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["tdkt.hanoi@example.vn", "tdkt.phutho@example.vn"]
    hanoi, phu_tho = by_address["tdkt.hanoi@example.vn"], by_address["tdkt.phutho@example.vn"]
    assert hanoi.subject == "Hủy bỏ quyết định khen thưởng số 1234/QĐ-VKSTC"
    assert "Lý do: Hồ sơ không trung thực" in hanoi.body
    assert "Trần Thị Bình" in hanoi.body and "Lê Văn Cường" not in hanoi.body
    assert "Lê Văn Cường" in phu_tho.body and "Trần Thị Bình" not in phu_tho.body


def test_a_refused_revocation_sends_nothing(
    round_2026, passed, users, django_capture_on_commit_callbacks
):
    users["hanoi_officer"].email = "tdkt.hanoi@example.vn"
    users["hanoi_officer"].save()
    decision = record(round_2026, [passed["duc"]], users["sector"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        decisions.decision_revoke(
            decision=decision,
            expected_version=decision.version,
            revoked_on=TODAY,
            reason=" ",
            user=users["sector"],
        )
    assert mail.outbox == []
