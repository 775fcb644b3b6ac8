"""Demo public consultation: a 2026 state-level round in which two provinces proposed staff
for state-level codes; the lines were appraised and passed by the council, then published for
public comment from 16/11/2026 for ten working days, with a few comments from the public, some
already resolved. Everything goes through the services, on fixed dates."""

import datetime as dt
import random

from tdkt.accounts.models import User
from tdkt.catalog.models import AwardType
from tdkt.consultation.services import comments, consultations
from tdkt.core.errors import DomainError
from tdkt.demo.proposals import ACTOR, _upload
from tdkt.org.models import Unit, UnitType
from tdkt.people.models import Person
from tdkt.proposals.models import AppraisalAction
from tdkt.proposals.services import appraisal, proposals, rounds
from tdkt.proposals.services.lifecycle import lines_advance

STATE_TODAY = dt.date(2026, 11, 2)
OPENS_ON = dt.date(2026, 11, 16)
CODES = ("CSTD_TQ", "HCLD3")
COMMENTS = (
    ("Đồng chí này có nhiều đóng góp cho công tác kiểm sát ở địa phương, tôi đồng ý.", "", ""),
    (
        "Đề nghị xác minh lại việc đồng chí được đề nghị có bị xử lý kỷ luật năm 2024 hay không.",
        "Người dân phường Ba Đình",
        "0912345678",
    ),
    ("Xin cung cấp thêm thông tin về sáng kiến được nêu trong hồ sơ.", "Trần Văn Hòa", ""),
)


def _state_round(actor):
    return rounds.round_create(
        data=rounds.RoundInput(
            name="Khen thưởng cấp Nhà nước năm 2026",
            kind="NHA_NUOC",
            year=2026,
            submission_deadline=dt.date(2026, 11, 5),
            appraisal_deadline=dt.date(2026, 11, 12),
            award_types=list(AwardType.objects.filter(code__in=CODES)),
        ),
        user=actor,
    )


def _passed_lines(round_, unit, actor, rng) -> list:
    proposal = proposals.proposal_create(round_=round_, unit=unit, user=actor, today=STATE_TODAY)
    staff = list(
        Person.objects.filter(unit__path__startswith=unit.path, leaving_date__isnull=True).order_by(
            "pk"
        )[:100]
    )
    lines = []
    for person, code in zip(rng.sample(staff, min(2, len(staff))), CODES, strict=False):
        try:
            line = proposals.line_add(
                proposal=proposal,
                person=person,
                award_type=AwardType.objects.get(code=code),
                achievement="Hoàn thành xuất sắc nhiệm vụ nhiều năm liền; có sáng kiến được "
                "áp dụng trong toàn ngành.",
                user=actor,
                today=STATE_TODAY,
            )
        except DomainError:
            continue
        _upload(line, actor, STATE_TODAY, 1.0, rng)
        lines.append(line)
    if not lines:
        return []
    proposals.proposal_submit(proposal=proposal, user=actor, today=STATE_TODAY)
    accepted = [
        appraisal.line_appraise(line=line, decision=AppraisalAction.ACCEPTED, user=actor)
        for line in lines
    ]
    return lines_advance(lines=accepted, action=AppraisalAction.PASSED, user=actor)


def write_consultation(rng: random.Random) -> dict[str, int]:
    """Write the demo consultation; returns counts."""
    actor = User.objects.get(username=ACTOR)
    round_ = _state_round(actor)
    units = list(
        Unit.objects.filter(unit_type=UnitType.PROVINCIAL, valid_to__isnull=True).order_by("code")
    )
    chosen = [u for u in units if u.code == "T-HN"][:1] + rng.sample(
        [u for u in units if u.code != "T-HN"], min(1, len(units) - 1)
    )
    lines = [line for unit in chosen for line in _passed_lines(round_, unit, actor, rng)]
    if not lines:
        return {"consultations": 0, "consultation_comments": 0}
    data = consultations.ConsultationInput(
        title="Lấy ý kiến nhân dân đối với cá nhân đề nghị khen thưởng cấp Nhà nước năm 2026",
        round=round_,
        opens_on=OPENS_ON,
        intro="Ý kiến xin gửi qua biểu mẫu dưới đây hoặc về Văn phòng VKSND tối cao "
        "(bộ phận Thi đua – Khen thưởng).",
    )
    consultation = consultations.consultation_create(data=data, user=actor, today=OPENS_ON)
    consultation = consultations.consultation_publish(
        consultation=consultation,
        expected_version=consultation.version,
        user=actor,
        today=OPENS_ON,
    )
    candidates = list(consultation.candidates.order_by("position"))
    made = []
    for index, (content, name, contact) in enumerate(COMMENTS):
        made.append(
            comments.comment_submit(
                consultation_id=consultation.pk,
                candidate_id=candidates[index % len(candidates)].pk if index else None,
                content=content,
                author_name=name,
                contact=contact,
                client_ip=f"192.0.2.{10 + index}",
                today=OPENS_ON + dt.timedelta(days=index + 1),
            )
        )
    comments.comment_resolve(
        comment=made[0],
        resolution="NOT_RELEVANT",
        note="Ý kiến đồng tình, không phản ánh vi phạm.",
        expected_version=made[0].version,
        user=actor,
    )
    return {"consultations": 1, "consultation_comments": len(made)}
