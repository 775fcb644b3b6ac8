"""A small register for the statistics tests: awards of every dimension (revoked, with and
without money, persons and collectives, before and after the 2025 merger), proposal lines in
several states with timed appraisal steps, and a registration for 2025."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType
from tdkt.emulation.models import RegisteredCollective, RegisteredPerson, UnitRegistration
from tdkt.proposals.models import (
    LineAppraisal,
    LineStatus,
    Proposal,
    ProposalLine,
    ProposalRound,
    ProposalStatus,
)

D = dt.date


def grant(code, year, *, person=None, unit=None, revoked=False, money=None, kind="CONG_TRANG"):
    return Award.objects.create(
        award_type=AwardType.objects.get(code=code),
        person=person,
        unit=unit,
        year=year,
        kind=kind,
        decision_number=f"{year}/QĐ-{code}-{Award.objects.count()}",
        decision_date=D(year, 12, 20),
        authority="Viện trưởng VKSND tối cao",
        revoked=revoked,
        revoked_on=D(year + 1, 3, 1) if revoked else None,
        money=money,
        holder_unit=unit or person.unit,
    )


def build_awards(org, people) -> None:
    duc, binh = people["duc"], people["hanoi_division"]
    cuong, dung = people["phu_tho"], people["hoa_binh_left"]
    type(duc).objects.filter(pk=duc.pk).update(rank="KSV_TC")
    type(binh).objects.filter(pk=binh.pk).update(rank="CV")
    for year in (2023, 2024, 2025):
        grant("LDTT", year, person=duc)
    grant("CSTDCS", 2024, person=duc, money=Decimal(1_000_000))
    grant("CSTDCS", 2025, person=duc, revoked=True, money=Decimal(1_000_000))
    grant("BK_NGANH", 2025, person=duc, kind="DOT_XUAT", money=Decimal(2_000_000))
    grant("LDTT", 2024, person=binh)
    grant("LDTT", 2025, person=binh)
    grant("CSTD_NGANH", 2025, person=binh, money=Decimal(4_500_000))
    grant("LDTT", 2025, person=cuong)
    grant("HCLD3", 2025, person=cuong)
    grant("LDTT", 2023, person=dung)
    grant("TTLDXS", 2024, unit=org.hanoi)
    grant("CO_NGANH", 2025, unit=org.hanoi, money=Decimal(10_000_000))
    grant("TTLDTT", 2023, unit=org.hoa_binh)
    grant("TTLDTT", 2025, unit=org.area_phu_tho_1)
    grant("GK", 2025, unit=org.office, kind="CHUYEN_DE")


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


def build_proposals(org, people, users) -> dict:
    """An annual 2026 round, past its appraisal deadline (13/3/2026), with proposals from Hà
    Nội and Phú Thọ. Steps are dated (Monday 2/3/2026 is the submission)."""
    types = {t.code: t for t in AwardType.objects.filter(code__in=["LDTT", "CSTDCS", "TTLDXS"])}
    annual = ProposalRound.objects.create(
        name="Tổng kết năm 2026", kind="HANG_NAM", year=2026,
        submission_deadline=D(2026, 3, 6), appraisal_deadline=D(2026, 3, 13),
    )  # fmt: skip
    open_round = ProposalRound.objects.create(
        name="Khen thưởng đột xuất 2026", kind="DOT_XUAT", year=2026,
        submission_deadline=D(2026, 12, 15), appraisal_deadline=D(2026, 12, 31),
    )  # fmt: skip
    hanoi = Proposal.objects.create(
        round=annual, unit=org.hanoi, status=ProposalStatus.SUBMITTED,
        submitted_at=at(D(2026, 3, 2)),
    )  # fmt: skip
    phu_tho = Proposal.objects.create(
        round=annual, unit=org.phu_tho, status=ProposalStatus.SUBMITTED,
        submitted_at=at(D(2026, 3, 2)),
    )  # fmt: skip
    draft = Proposal.objects.create(round=open_round, unit=org.hanoi)

    def line(proposal, status, code, *, person=None, unit=None):
        return ProposalLine.objects.create(
            proposal=proposal, status=status, award_type=types[code], year=2026,
            person=person, candidate_unit=unit,
        )  # fmt: skip

    accepted = line(hanoi, LineStatus.ACCEPTED, "LDTT", person=people["duc"])
    returned = line(hanoi, LineStatus.RETURNED, "CSTDCS", person=people["duc"])
    resubmitted = line(hanoi, LineStatus.ACCEPTED, "LDTT", person=people["hanoi_division"])
    line(hanoi, LineStatus.SUBMITTED, "TTLDXS", unit=org.hanoi)
    rejected = line(phu_tho, LineStatus.REJECTED, "LDTT", person=people["phu_tho"])
    line(draft, LineStatus.DRAFT, "CSTDCS", person=people["hanoi_division"])

    def step(target, action, day):
        made = LineAppraisal.objects.create(line=target, action=action, actor=users["sector"])
        LineAppraisal.objects.filter(pk=made.pk).update(at=at(day))

    step(accepted, "ACCEPTED", D(2026, 3, 5))  # 3 working days after Monday 2/3
    step(returned, "RETURNED", D(2026, 3, 6))  # 4
    step(resubmitted, "RETURNED", D(2026, 3, 3))  # 1
    step(resubmitted, "RESUBMITTED", D(2026, 3, 10))  # 5 since the return (Tue 3 → Tue 10)
    step(resubmitted, "ACCEPTED", D(2026, 3, 11))  # 1 since the resubmission
    step(rejected, "REJECTED", D(2026, 3, 9))  # 5
    return {"annual": annual, "open": open_round}


def build_registration(org, people) -> None:
    registration = UnitRegistration.objects.create(year=2025, unit=org.hanoi)
    types = {t.code: t for t in AwardType.objects.filter(code__in=["LDTT", "CSTDCS", "TTLDXS"])}
    RegisteredPerson.objects.create(
        registration=registration, person=people["duc"], award_type=types["CSTDCS"]
    )  # CSTDCS 2025 was revoked: missed
    RegisteredPerson.objects.create(
        registration=registration, person=people["hanoi_division"], award_type=types["LDTT"]
    )  # achieved (and more)
    RegisteredCollective.objects.create(
        registration=registration, unit=org.hanoi, award_type=types["TTLDXS"]
    )  # Cờ thi đua ngành 2025 covers it: achieved
