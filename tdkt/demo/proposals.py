"""Demo proposals: an open 2026 annual round with proposals from several units in various
states (submitted with full dossiers, drafts with part of their documents, one just started),
a closed 2026 sector medal round, an open ad hoc round, and a closed thematic round of 2025
whose appraisal deadline counts in working days. Everything goes through the
proposal services (so every line carries the rule engine's verdict), on fixed "today" dates
so the data does not depend on the day the demo is generated. Choices come from the
generator's ``rng``, drawn after every other phase."""

import datetime as dt
import random

from django.core.files.base import ContentFile

from tdkt.accounts.models import User
from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError
from tdkt.org.models import Unit, UnitType
from tdkt.people.models import Person
from tdkt.proposals.selectors import checklist_items_for
from tdkt.proposals.services import appraisal, dossiers, proposals, rounds

ACTOR = "tdkt.nganh"
ANNUAL_TODAY = dt.date(2026, 11, 20)
MEDAL_TODAY = dt.date(2026, 6, 20)
PDF = b"%PDF-1.4\n% TDKT demo dossier\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
ANNUAL_CODES = ("LDTT", "CSTDCS", "CSTD_NGANH", "TTLDTT", "TTLDXS", "CO_NGANH", "BK_NGANH")
PROPOSING_UNITS = 6


def _codes(*codes: str) -> list[AwardType]:
    return list(AwardType.objects.filter(code__in=codes))


def _open_rounds(actor) -> tuple:
    annual = rounds.round_create(
        data=rounds.RoundInput(
            name="Tổng kết công tác thi đua, khen thưởng năm 2026",
            kind="HANG_NAM",
            year=2026,
            submission_deadline=dt.date(2026, 12, 15),
            appraisal_deadline=dt.date(2026, 12, 31),
            award_types=_codes(*ANNUAL_CODES),
            note="Các đơn vị gửi hồ sơ đề nghị về Văn phòng VKSND tối cao (bộ phận TĐKT).",
        ),
        user=actor,
    )
    medal = rounds.round_create(
        data=rounds.RoundInput(
            name="Kỷ niệm chương “Vì sự nghiệp Kiểm sát” năm 2026",
            kind="KY_NIEM_CHUONG",
            year=2026,
            submission_deadline=dt.date(2026, 6, 30),
            appraisal_deadline=dt.date(2026, 7, 15),
            award_types=_codes("KNC_VSNKS"),
        ),
        user=actor,
    )
    ad_hoc = rounds.round_create(
        data=rounds.RoundInput(
            name="Khen thưởng đột xuất năm 2026",
            kind="DOT_XUAT",
            year=2026,
            simplified_case="2",
            submission_deadline=dt.date(2026, 12, 31),
            appraisal_deadline=dt.date(2027, 1, 10),
            award_types=_codes("BK_NGANH", "GK"),
        ),
        user=actor,
    )
    return annual, medal, ad_hoc


def _upload(line, actor, today, share: float, rng: random.Random) -> int:
    """Upload a demo PDF against a share of the line's items (all mandatory ones when 1)."""
    count = 0
    for item in checklist_items_for(line.proposal.round, line.award_type):
        if share < 1 and rng.random() > share:
            continue
        if not item.mandatory and share < 1:
            continue
        upload = ContentFile(PDF, name=f"{item.name}.pdf")
        dossiers.document_upload(line=line, item=item, upload=upload, user=actor, today=today)
        count += 1
    return count


def _propose(round_, unit, actor, lines_wanted, rng, today) -> tuple[object, list]:
    proposal = proposals.proposal_create(round_=round_, unit=unit, user=actor, today=today)
    staff = list(
        Person.objects.filter(unit__path__startswith=unit.path, leaving_date__isnull=True)
        .select_related("unit")
        .order_by("pk")[:200]
    )
    made = []
    for person in rng.sample(staff, min(len(staff), lines_wanted)):
        code = rng.choice([c for c in lines_wanted_codes(round_) if c.subject != "C"])
        try:
            made.append(
                proposals.line_add(
                    proposal=proposal, person=person, award_type=code, user=actor, today=today
                )
            )
        except DomainError:
            continue
    collectives = [c for c in lines_wanted_codes(round_) if c.subject == "C"]
    if collectives:
        made.append(
            proposals.line_add(
                proposal=proposal,
                candidate_unit=unit,
                award_type=rng.choice(collectives),
                user=actor,
                today=today,
            )
        )
    return proposal, made


def lines_wanted_codes(round_) -> list[AwardType]:
    return list(round_.award_types.order_by("sort_order", "code"))


def write_proposals(rng: random.Random) -> dict[str, int]:
    """Write the demo proposals; returns counts by kind."""
    actor = User.objects.get(username=ACTOR)
    annual, medal, ad_hoc = _open_rounds(actor)
    units = list(
        Unit.objects.filter(unit_type=UnitType.PROVINCIAL, valid_to__isnull=True).order_by("code")
    )
    hanoi = [u for u in units if u.code == "T-HN"]
    others = [u for u in units if u.code != "T-HN"]
    chosen = hanoi + rng.sample(others, min(len(others), PROPOSING_UNITS - len(hanoi)))
    counts = {"proposal_rounds": 4, "proposals": 0, "proposal_lines": 0, "dossier_documents": 0}
    for index, unit in enumerate(chosen):
        proposal, lines = _propose(annual, unit, actor, rng.randint(3, 6), rng, ANNUAL_TODAY)
        counts["proposals"] += 1
        counts["proposal_lines"] += len(lines)
        state = (index + 1) % 3
        for line in lines:
            share = 1.0 if state == 0 else (0.5 if state == 1 else 0.0)
            counts["dossier_documents"] += _upload(line, actor, ANNUAL_TODAY, share, rng)
        if state == 0 and lines:
            proposals.proposal_submit(proposal=proposal, user=actor, today=ANNUAL_TODAY)
    counts["line_appraisals"] = 0
    for index, unit in enumerate(chosen[:2]):
        proposal, lines = _propose(medal, unit, actor, 3, rng, MEDAL_TODAY)
        counts["proposals"] += 1
        counts["proposal_lines"] += len(lines)
        for line in lines:
            counts["dossier_documents"] += _upload(line, actor, MEDAL_TODAY, 1.0, rng)
        if lines:
            proposals.proposal_submit(proposal=proposal, user=actor, today=MEDAL_TODAY)
            counts["line_appraisals"] += _appraise(lines, actor, first=index == 0)
    rounds.round_close(round_=medal, user=actor)
    _thematic_round(actor)
    return counts


THEMATIC_MOVEMENT = "Văn hóa công sở giai đoạn 2019–2025"


def _thematic_round(actor) -> None:
    """A closed thematic round that summed up the 2019–2025 office-culture movement."""
    from tdkt.emulation.models import Movement

    movement = Movement.objects.get(name=THEMATIC_MOVEMENT)
    thematic = rounds.round_create(
        data=rounds.RoundInput(
            name="Sơ kết, tổng kết phong trào “Văn hóa công sở giai đoạn 2019–2025”",
            kind="CHUYEN_DE",
            year=2025,
            movement=movement,
            submission_deadline=dt.date(2025, 10, 31),
            appraisal_deadline=None,
            appraisal_working_days=10,
            award_types=_codes("BK_NGANH", "GK"),
        ),
        user=actor,
    )
    rounds.round_close(round_=thematic, user=actor)


def _appraise(lines, actor, *, first: bool) -> int:
    """Appraisal in several states: in the first proposal a line accepted, one returned,
    corrected and accepted, one rejected; in the second a line returned and waiting for the
    unit, the others awaiting appraisal. Returns the number of steps written."""
    steps = 0

    def decide(line, decision, comment=""):
        nonlocal steps
        steps += 1
        return appraisal.line_appraise(line=line, decision=decision, comment=comment, user=actor)

    if first:
        decide(lines[0], "ACCEPTED")
        if len(lines) > 1:
            line = decide(lines[1], "RETURNED", "Bản tóm tắt quá trình công tác chưa có xác nhận.")
            line = appraisal.line_resubmit(
                line=line, note="Đã bổ sung bản có chữ ký, đóng dấu.", user=actor
            )
            steps += 1
            decide(line, "ACCEPTED")
        if len(lines) > 2:
            decide(lines[2], "REJECTED", "Chưa đủ thời gian công tác trong ngành.")
    else:
        decide(lines[0], "RETURNED", "Tờ trình ghi sai năm xét; đề nghị sửa và nộp lại.")
    return steps
