"""Demo of the whole commendation flow, finished: an ad hoc round of September–October 2026
whose lines were submitted, appraised (one rejected), voted by the sector council in a meeting
of 15/10/2026, decided by Decision 1850/QĐ-VKSTC of 20/10/2026 (Bằng khen of the Procurator
General, with award money) and printed as certificates with serials and verification tokens.

Everything goes through the services, on fixed past dates, so the demo has a round in every
state from draft to awarded. Runs after ``council_demo`` (it uses the sector council).
"""

import datetime as dt
import random

from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.awards.decisions import DecisionData, decision_record
from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError
from tdkt.council.models import Choice, Council, MemberRole
from tdkt.council.services import ballots, meetings
from tdkt.demo.proposals import _upload
from tdkt.documents.certificates.services import certificates_issue, forms_by_code
from tdkt.org.models import Unit, UnitType
from tdkt.people.models import Person
from tdkt.proposals.models import (
    AppraisalAction,
    LineAppraisal,
    LineStatus,
    Proposal,
    ProposalLine,
)
from tdkt.proposals.services import appraisal, proposals, rounds

OFFICER = "tdkt.nganh"
SUBMITTED_ON = dt.date(2026, 9, 25)
APPRAISED_ON = dt.date(2026, 10, 6)
MEETING_DAY = dt.date(2026, 10, 15)
DECISION_DAY = dt.date(2026, 10, 20)
UNITS = 3
FLOW_SEED = 1850
ACHIEVEMENT = "Có thành tích xuất sắc đột xuất trong giải quyết vụ án trọng điểm."
REJECTION = "Thành tích chưa đủ tiêu chuẩn khen thưởng đột xuất (Điều 40 NĐ 98/2023/NĐ-CP)."
PER_UNIT = 3


def _round(officer):
    return rounds.round_create(
        data=rounds.RoundInput(
            name="Khen thưởng đột xuất đợt 1 năm 2026 (thành tích trong vụ án trọng điểm)",
            kind="DOT_XUAT",
            year=2026,
            simplified_case="2",
            submission_deadline=dt.date(2026, 9, 30),
            appraisal_deadline=dt.date(2026, 10, 9),
            award_types=list(AwardType.objects.filter(code="BK_NGANH")),
        ),
        user=officer,
    )


def _propose(round_, officer, rng: random.Random) -> list:
    code = AwardType.objects.get(code="BK_NGANH")
    units = list(
        Unit.objects.filter(unit_type=UnitType.PROVINCIAL, valid_to__isnull=True).order_by("code")
    )
    lines = []
    for unit in rng.sample(units, min(UNITS, len(units))):
        proposal = proposals.proposal_create(
            round_=round_, unit=unit, user=officer, today=SUBMITTED_ON
        )
        staff = list(
            Person.objects.filter(unit__path__startswith=unit.path, leaving_date__isnull=True)
            .order_by("code")
            .values_list("pk", flat=True)[:300]
        )
        made = []
        for pk in rng.sample(staff, min(PER_UNIT, len(staff))):
            try:
                line = proposals.line_add(
                    proposal=proposal,
                    person=Person.objects.get(pk=pk),
                    award_type=code,
                    achievement=ACHIEVEMENT,
                    user=officer,
                    today=SUBMITTED_ON,
                )
            except DomainError:
                continue
            _upload(line, officer, SUBMITTED_ON, 1.0, rng)
            made.append(line)
        if made:
            proposals.proposal_submit(proposal=proposal, user=officer, today=SUBMITTED_ON)
            lines.extend(made)
    return lines


def _date_submission_and_appraisal(round_, line_ids) -> None:
    """The submission and the appraisal were recorded now; the demo tells of a submission on
    SUBMITTED_ON and an appraisal on APPRAISED_ON (before the meeting), so the statistics'
    turnaround times read as in a real round."""

    def moment(day, hour):
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))

    Proposal.objects.filter(round=round_, submitted_at__isnull=False).update(
        submitted_at=moment(SUBMITTED_ON, 9)
    )
    LineAppraisal.objects.filter(
        line_id__in=line_ids, action__in=[AppraisalAction.ACCEPTED, AppraisalAction.REJECTED]
    ).update(at=moment(APPRAISED_ON, 10))


def _vote(council, officer, line_ids, rng: random.Random):
    meeting = meetings.meeting_create(
        council=council, date=MEETING_DAY, place="Phòng họp số 1, VKSND tối cao", user=officer
    )
    meetings.agenda_add(meeting=meeting, line_ids=line_ids, user=officer)
    seats = council.members.select_related("user").order_by("pk")
    voters = [seat for seat in seats if seat.votes]
    meeting.refresh_from_db()
    meetings.attendance_set(
        meeting=meeting,
        member_ids=[seat.pk for seat in seats],
        user=officer,
        expected_version=meeting.version,
    )
    meeting.refresh_from_db()
    meeting = meetings.voting_open(meeting=meeting, user=officer, expected_version=meeting.version)
    items = list(meeting.items.order_by("pk").values_list("pk", flat=True))
    for seat in voters:
        choices = {pk: rng.choice([Choice.AGREE] * 12 + [Choice.ABSTAIN]) for pk in items}
        ballots.ballot_cast(meeting=meeting, user=seat.user, choices=choices)
    chair = next(seat.user for seat in voters if seat.role == MemberRole.CHAIR)
    meeting = meetings.voting_close(meeting=meeting, user=chair)
    meetings.minutes_issue(meeting=meeting, user=officer)
    # the steps were recorded now; the demo tells of a meeting held on MEETING_DAY
    held = timezone.make_aware(dt.datetime.combine(MEETING_DAY, dt.time(16, 30)))
    LineAppraisal.objects.filter(
        line_id__in=line_ids, action__in=[AppraisalAction.PASSED, AppraisalAction.NOT_PASSED]
    ).update(at=held)
    return meeting


def write_decisions_flow(_rng: random.Random) -> dict[str, int]:
    """Write the finished ad hoc round; returns counts for the report. Its choices come from a
    fixed seed of its own, so they do not depend on how many draws earlier phases made."""
    rng = random.Random(FLOW_SEED)
    officer = User.objects.get(username=OFFICER)
    council = Council.objects.filter(unit__parent__isnull=True).order_by("pk").first()
    if council is None:
        return {}
    round_ = _round(officer)
    lines = _propose(round_, officer, rng)
    accepted = []
    for index, line in enumerate(lines):
        if index == len(lines) - 1 and len(lines) > 2:
            appraisal.line_appraise(
                line=line,
                decision=AppraisalAction.REJECTED,
                comment=REJECTION,
                user=officer,
            )
        else:
            accepted.append(
                appraisal.line_appraise(line=line, decision=AppraisalAction.ACCEPTED, user=officer)
            )
    if not accepted:
        return {}
    _date_submission_and_appraisal(round_, [line.pk for line in lines])
    _vote(council, officer, [line.pk for line in accepted], rng)
    passed = list(
        ProposalLine.objects.filter(proposal__round=round_, status=LineStatus.PASSED).order_by("pk")
    )
    decision = decision_record(
        round_=round_,
        lines=passed,
        data=DecisionData(
            number="1850/QĐ-VKSTC",
            signed_on=DECISION_DAY,
            signer="Nguyễn Văn Quang",
            signer_title="Viện trưởng",
            summary="Tặng Bằng khen cho cá nhân có thành tích xuất sắc đột xuất",
        ),
        user=officer,
    )
    awards = list(decision.awards.select_related("award_type"))
    certificates_issue(awards=awards, forms=forms_by_code(), user=officer)
    rounds.round_close(round_=round_, user=officer)
    return {"decisions_recorded": 1, "decision_awards": len(awards)}
