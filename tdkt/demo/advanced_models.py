"""Demo advanced models (*điển hình tiên tiến*): a dozen persons and collectives chosen from the
demo's state-level and sector awards, a movement and a cluster result, each with stories and
the units that learned from it; about half published. Written through the services, so each
has its history. Deterministic for a seed: choices are drawn from lists ordered by code."""

import datetime as dt
import random

from django.utils import timezone

from tdkt.awards.models import Award
from tdkt.emulation.models import Cluster, MemberRole, Movement
from tdkt.org.models import Unit, UnitType
from tdkt.reports.advanced.services import (
    ModelInput,
    adoption_add,
    advanced_model_create,
    advanced_model_publish,
    story_add,
)
from tdkt.reports.models import SourceKind

OUTLETS = (
    "Báo Bảo vệ pháp luật",
    "Tạp chí Kiểm sát",
    "Cổng thông tin điện tử VKSND tối cao",
    "Báo Nhân dân",
    "Đài Truyền hình Việt Nam",
)
PERSON_TITLES = (
    "Kiểm sát viên tiêu biểu trong thực hành quyền công tố",
    "Gương sáng học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Điển hình “dân vận khéo” trong công tác kiểm sát",
    "Cán bộ trẻ tiêu biểu ngành Kiểm sát nhân dân",
)
COLLECTIVE_TITLES = (
    "Tập thể dẫn đầu phong trào thi đua “Vì công lý, vì nhân dân”",
    "Đơn vị điển hình trong chuyển đổi số công tác kiểm sát",
    "Tập thể tiêu biểu trong kiểm sát giải quyết án hành chính",
)
NOTES = (
    "Tổ chức học tập kinh nghiệm tại đơn vị",
    "Áp dụng cách làm vào công tác chuyên môn",
    "Cử cán bộ trao đổi, tọa đàm",
)


def _day(rng: random.Random, year: int, today: dt.date) -> dt.date:
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 360))
    return min(day, today)


def _subjects(rng: random.Random) -> list[tuple]:
    """(person, collective, source kind, award, movement, cluster) of the chosen models."""
    chosen = []
    people_awards = list(
        Award.objects.filter(
            revoked=False, person__isnull=False, award_type__code__in=("CSTD_TQ", "CSTD_NGANH")
        )
        .select_related("person__unit", "award_type")
        .order_by("-year", "person__code")[:60]
    )
    for award in rng.sample(people_awards, min(6, len(people_awards))):
        chosen.append((award.person, None, SourceKind.AWARD, award, None, None))
    flags = list(
        Award.objects.filter(revoked=False, unit__isnull=False, award_type__code="CO_CP")
        .select_related("unit", "award_type")
        .filter(unit__valid_to__isnull=True)
        .order_by("-year", "unit__code")[:30]
    )
    for award in rng.sample(flags, min(4, len(flags))):
        chosen.append((None, award.unit, SourceKind.AWARD, award, None, None))
    movement = Movement.objects.filter(launched_by__parent__isnull=True).order_by("pk").first()
    area = Unit.objects.filter(unit_type=UnitType.AREA, valid_to__isnull=True).order_by("code")
    if movement is not None and area.exists():
        unit = area[rng.randrange(area.count())]
        chosen.append((None, unit, SourceKind.MOVEMENT, None, movement, None))
    head = (
        Cluster.objects.filter(members__role=MemberRole.HEAD, members__unit__valid_to__isnull=True)
        .order_by("-year", "name")
        .first()
    )
    if head is not None:
        member = head.members.filter(role=MemberRole.HEAD).select_related("unit").first()
        chosen.append((None, member.unit, SourceKind.CLUSTER, None, None, head))
    return chosen


def write_advanced_models(rng: random.Random) -> dict[str, int]:
    """Write the demo's advanced models, stories and spread; returns counts."""
    today = timezone.localdate()
    provinces = list(
        Unit.objects.filter(unit_type=UnitType.PROVINCIAL, valid_to__isnull=True).order_by("code")
    )
    counts = {"advanced_models": 0, "stories": 0, "adoptions": 0}
    for index, (person, collective, kind, award, movement, cluster) in enumerate(_subjects(rng)):
        year = award.year if award else (cluster.year if cluster else min(today.year - 1, 2025))
        titles = PERSON_TITLES if person else COLLECTIVE_TITLES
        name = person.full_name if person else collective.full_name
        model = advanced_model_create(
            data=ModelInput(
                year=year,
                title=titles[index % len(titles)],
                reason=(
                    f"{name} hoàn thành xuất sắc nhiệm vụ năm {year}, có cách làm mới, hiệu "
                    "quả, được đơn vị và đồng nghiệp ghi nhận; xứng đáng để học tập, nhân rộng."
                ),
                source_kind=kind,
                person=person,
                collective=collective,
                source_award=award,
                source_movement=movement,
                source_cluster=cluster,
                public_summary=(
                    f"{name} là điển hình tiên tiến năm {year} của ngành Kiểm sát nhân dân."
                ),
            ),
            user=None,
        )
        counts["advanced_models"] += 1
        for number in range(rng.randint(1, 3)):
            outlet = OUTLETS[rng.randrange(len(OUTLETS))]
            story_add(
                model=model,
                user=None,
                title=f"{model.title}: {name} (bài {number + 1})",
                published_on=_day(rng, min(year + number, today.year), today),
                outlet=outlet,
                link=f"https://baovephapluat.vn/tim-kiem?q=dien-hinh-{model.pk}-{number + 1}",
            )
            counts["stories"] += 1
        for order, unit in enumerate(rng.sample(provinces, rng.randint(1, 4))):
            if unit.pk == (model.province_id or 0):
                continue
            # the model spreads over the years after it was recognised, one province a year
            adoption_add(
                model=model,
                user=None,
                unit_code=unit.code,
                adopted_on=_day(rng, min(year + 1 + order, today.year), today),
                note=NOTES[rng.randrange(len(NOTES))],
            )
            counts["adoptions"] += 1
        if index % 2 == 0:
            advanced_model_publish(model=model, published=True, expected_version=1, user=None)
    return counts
