"""Demo emulation data: clusters and blocks with signed covenants for 2025 (complete) and 2026
(in progress), a few movements with their reviews, and registrations of target titles.

Clusters are created through the emulation services, so heads, deputies and memberships obey
the same rules as in the application: 2025's from scratch, 2026's with "create next year's
clusters" (head advanced by rotation), then a deputy elected among the members rated for 2025.
The grouping of the 34 provinces is **synthetic** (no 2025/2026 list was found; legal digest
§7.3) and marked as such. Every choice comes from the generator's ``rng``, drawn in a fixed
order after every other phase, so the rest of the dataset is unchanged.

Covenant signatures and movement records need users: the demo accounts are created (or
refreshed) first; each signature is recorded by the organiser's demo officer, as an office does
when it enters signatures made on paper.
"""

import datetime as dt
import io
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.awards.models import Award
from tdkt.catalog.models import CommendationKind, LegalDocument
from tdkt.demo.accounts import create_demo_accounts
from tdkt.demo.collective import NOT_COLLECTIVES
from tdkt.demo.people import FEATURED_CODE
from tdkt.emulation.models import (
    Cluster,
    ClusterKind,
    ClusterMember,
    Covenant,
    CovenantSignature,
    CovenantTarget,
    MemberRole,
    MovementKind,
    MovementReview,
    ReviewStage,
)
from tdkt.emulation.services import clusters as cluster_services
from tdkt.emulation.services import movements as movement_services
from tdkt.emulation.services import registrations as registration_services
from tdkt.org.models import REFORM_2025, Unit, UnitType

YEARS = (2025, 2026)
PROVINCE_CLUSTERS = 7
AREAS_PER_CLUSTER = 8
LOCAL_ORGANISERS = ("T-HN", "T25-PT")
SIGNERS = {"VKSNDTC": "tdkt.nganh", "T-HN": "tdkt.hanoi", "T25-PT": "tdkt.phutho"}
REGISTERING = ("T-HN", "T25-PT", "KV-HN-01", "VKSNDTC-VP", "T-NA", "T25-HCM")
"""Units that register; a unit registers for a year only if it existed on the day it did."""
REGISTRATION_DEADLINES = {2025: dt.date(2025, 3, 14), 2026: dt.date(2026, 3, 13)}

COVENANT_TARGETS = (
    ("Tỷ lệ giải quyết tin báo, tố giác về tội phạm và kiến nghị khởi tố", Decimal("90"), "%"),
    ("Tỷ lệ truy tố đúng thời hạn luật định", Decimal("100"), "%"),
    ("Không để xảy ra trường hợp khởi tố, truy tố oan người không có tội", None, ""),
    ("Số kiến nghị phòng ngừa vi phạm, tội phạm được chấp nhận (mỗi đơn vị)", Decimal("3"),
     "kiến nghị"),
    ("Tỷ lệ công chức đạt danh hiệu Lao động tiên tiến", Decimal("85"), "%"),
    ("Hoàn thành chương trình chuyển đổi số, ứng dụng công nghệ thông tin của năm", None, ""),
)  # fmt: skip


def write_emulation(units: dict[str, Unit], rng: random.Random) -> dict[str, int]:
    """Write the demo emulation data; returns counts by kind."""
    accounts = create_demo_accounts()
    users = {u.username: u for u in User.objects.filter(username__in=set(SIGNERS.values()))}
    follower = User.objects.filter(username="hoidong").first()
    regulation = LegalDocument.objects.filter(number="02/2024/TT-VKSTC").first()
    _clusters_2025(units, rng, follower, regulation)
    for organiser in [units["VKSNDTC"], *(units[c] for c in LOCAL_ORGANISERS)]:
        cluster_services.clusters_copy_to_next_year(organiser=organiser, year=2025)
    _elect_deputies(2026, rng)
    signatures = sum(_covenant(c, users, rng) for c in Cluster.objects.select_related("organiser"))
    movements, reviews = _movements(units, rng)
    registrations = sum(_registrations(units, year, rng) for year in YEARS)
    return {
        "clusters": Cluster.objects.count(),
        "covenant_signatures": signatures,
        "movements": movements,
        "movement_reviews": reviews,
        "registrations": registrations,
        "accounts_created": accounts,
    }


def _children(units, parent: Unit, unit_type: str) -> list[Unit]:
    kids = [
        u
        for u in units.values()
        if u.parent_id == parent.pk and u.unit_type == unit_type and u.is_valid_on(REFORM_2025)
    ]
    return sorted(kids, key=lambda u: (u.sort_order, u.code))


def _chunks(items: list, parts: int) -> list[list]:
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        out.append(items[start:end])
        start = end
    return [chunk for chunk in out if chunk]


def _create(year, kind, name, organiser, members, rng, *, follower=None, regulation=None,
            synthetic=False) -> Cluster:  # fmt: skip
    head = cluster_services.next_head(members, organiser=organiser, year=year)
    deputy, elected = _deputy(members, head, year, rng)
    return cluster_services.cluster_create(
        data=cluster_services.ClusterInput(
            year=year, kind=kind, name=name, organiser=organiser, members=members, head=head,
            deputy=deputy, deputy_elected_on=elected, follower=follower, regulation=regulation,
            synthetic=synthetic,
        ),
        reason="Khởi tạo dữ liệu mẫu",
    )  # fmt: skip


def _deputy(members, head, year, rng):
    rated = cluster_services.rated_units({u.pk for u in members}, year - 1)
    choices = [u for u in members if u.pk in rated and (head is None or u.pk != head.pk)]
    if not choices:
        return None, None
    return rng.choice(choices), dt.date(year, 1, rng.randint(8, 28))


def _clusters_2025(units, rng, follower, regulation) -> None:
    """The sector's province clusters and internal block, and each local organiser's clusters
    of area procuracies and block of divisions, for 2025."""
    root = units["VKSNDTC"]
    sector = {"follower": follower, "regulation": regulation, "synthetic": True}
    provinces = _children(units, root, UnitType.PROVINCIAL)
    for number, members in enumerate(_chunks(provinces, PROVINCE_CLUSTERS), start=1):
        _create(2025, ClusterKind.CLUSTER, f"Cụm {number}", root, members, rng, **sector)
    internal = [
        u for u in _children(units, root, UnitType.SUPREME_UNIT) if u.code not in NOT_COLLECTIVES
    ]
    name = "Khối các đơn vị thuộc VKSND tối cao"
    _create(2025, ClusterKind.BLOCK, name, root, internal, rng, **sector)
    for code in LOCAL_ORGANISERS:
        province = units[code]
        areas = _children(units, province, UnitType.AREA)
        parts = max(1, round(len(areas) / AREAS_PER_CLUSTER))
        for number, members in enumerate(_chunks(areas, parts), start=1):
            name = f"Cụm {number}"
            _create(2025, ClusterKind.CLUSTER, name, province, members, rng, regulation=regulation)
        divisions = _children(units, province, UnitType.DIVISION)
        name = "Khối các phòng"
        _create(2025, ClusterKind.BLOCK, name, province, divisions, rng, regulation=regulation)


def _elect_deputies(year: int, rng) -> None:
    """Elect a deputy in each of the year's clusters among the members rated the year before."""
    clusters = list(
        Cluster.objects.filter(year=year).prefetch_related("members__unit").order_by("pk")
    )
    for cluster in clusters:
        members = sorted(cluster.members.all(), key=lambda m: m.unit.code)
        head = next((m.unit for m in members if m.role == MemberRole.HEAD), None)
        deputy, elected = _deputy([m.unit for m in members], head, year, rng)
        if deputy is not None:
            ClusterMember.objects.filter(cluster=cluster, unit=deputy).update(
                role=MemberRole.DEPUTY, elected_on=elected
            )


def _covenant(cluster: Cluster, users, rng) -> int:
    """A covenant with five or six targets, signed by every member in January–February."""
    covenant = Covenant.objects.create(
        cluster=cluster,
        preamble=(
            f"Thực hiện phong trào thi đua năm {cluster.year}, các đơn vị thành viên "
            f"{cluster.name} thống nhất ký kết giao ước thi đua với các chỉ tiêu sau."
        ),
        place=cluster.organiser.short_name,
    )
    targets = list(COVENANT_TARGETS)
    if rng.random() < 0.5:
        targets.pop(rng.randrange(len(targets)))
    CovenantTarget.objects.bulk_create(
        CovenantTarget(covenant=covenant, position=i, text=t, value=v, measure=m)
        for i, (t, v, m) in enumerate(targets, start=1)
    )
    signer = users[SIGNERS[cluster.organiser.code]]
    day = dt.date(cluster.year, 1, 20) + dt.timedelta(days=rng.randint(0, 30))
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(9, rng.randint(0, 59))))
    members = list(cluster.members.order_by("unit__code").values_list("unit_id", flat=True))
    CovenantSignature.objects.bulk_create(
        CovenantSignature(
            covenant=covenant, unit_id=unit_id, signed_by=signer,
            signed_at=moment + dt.timedelta(minutes=index),
        )
        for index, unit_id in enumerate(members)
    )  # fmt: skip
    return len(members)


def _report(title: str, lines: list[str]) -> ContentFile:
    from docx import Document

    document = Document()
    document.add_heading(title, level=1)
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return ContentFile(buffer.getvalue())


MOVEMENTS = (
    ("Phong trào thi đua yêu nước ngành Kiểm sát nhân dân năm 2025", MovementKind.REGULAR,
     "VKSNDTC", 2025, 2025, "15/KH-VKSTC", dt.date(2025, 1, 10)),
    ("Phong trào thi đua yêu nước ngành Kiểm sát nhân dân năm 2026", MovementKind.REGULAR,
     "VKSNDTC", 2026, 2026, "12/KH-VKSTC", dt.date(2026, 1, 9)),
    ("Văn hóa công sở giai đoạn 2019–2025", MovementKind.THEMATIC, "VKSNDTC", 2019, 2025,
     "07/KH-VKSTC", dt.date(2019, 3, 1)),
    ("Đợt thi đua cao điểm “Tăng tốc về đích” năm 2026", MovementKind.THEMATIC, "T-HN", 2026,
     2026, "45/KH-VKS-HN", dt.date(2026, 8, 15)),
)  # fmt: skip

REVIEWS = {
    0: [(ReviewStage.MID_TERM, dt.date(2025, 7, 18)), (ReviewStage.FINAL, dt.date(2025, 12, 19))],
    1: [(ReviewStage.MID_TERM, dt.date(2026, 7, 17))],
    2: [(ReviewStage.MID_TERM, dt.date(2022, 6, 24)), (ReviewStage.FINAL, dt.date(2025, 11, 28))],
}


def _movements(units, rng) -> tuple[int, int]:
    reviews = 0
    for index, (name, kind, launcher, start, end, number, day) in enumerate(MOVEMENTS):
        organiser = units[launcher]
        participants = [organiser] if launcher == "VKSNDTC" else [
            *_children(units, organiser, UnitType.DIVISION),
            *_children(units, organiser, UnitType.AREA),
        ]  # fmt: skip
        movement = movement_services.movement_create(
            data=movement_services.MovementInput(
                name=name, kind=kind, launched_by=organiser, start_year=start, end_year=end,
                document_number=number, document_date=day, participants=participants,
                content=(
                    "Thi đua hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ công tác kiểm sát; "
                    "xây dựng đơn vị trong sạch, vững mạnh."
                ),
                targets="100% đơn vị đăng ký thi đua; không có đơn vị xếp loại không hoàn "
                "thành nhiệm vụ.",
            )
        )  # fmt: skip
        for stage, held_on in REVIEWS.get(index, []):
            label = "Sơ kết" if stage == ReviewStage.MID_TERM else "Tổng kết"
            report = MovementReview(
                movement=movement, stage=stage, held_on=held_on,
                summary=f"{label} {name.lower()}: {rng.randint(85, 99)}% chỉ tiêu đạt và vượt.",
                report_name=f"bao-cao-{'so-ket' if stage == ReviewStage.MID_TERM else 'tong-ket'}"
                f"-{held_on:%Y%m%d}.docx",
            )  # fmt: skip
            report.report.save(
                report.report_name,
                _report(f"Báo cáo {label.lower()} {name}", [report.summary]),
                save=False,
            )
            report.save()
            reviews += 1
        if kind == MovementKind.THEMATIC:
            awards = list(
                Award.objects.filter(
                    kind=CommendationKind.CHUYEN_DE, year__gte=start, year__lte=end,
                    revoked=False, holder_unit__path__startswith=organiser.path,
                ).order_by("year", "pk").values_list("pk", flat=True)
            )  # fmt: skip
            movement.awards.set(sorted(rng.sample(awards, min(40, len(awards)))))
    return len(MOVEMENTS), reviews


def _registrations(units, year: int, rng) -> int:
    """Registrations of several units: most staff LĐTT, some CSTĐCS, a few CSTĐ ngành; the
    unit TTLĐXS or the sector flag, its divisions TTLĐTT. For 2025 the registration follows
    the register mostly (with a few misses), so the year-end comparison has something to say;
    the provinces and areas formed on 1/7/2025 did not exist yet when 2025's were due."""
    registration_services.period_set(year=year, deadline=REGISTRATION_DEADLINES[year])
    day = REGISTRATION_DEADLINES[year] - dt.timedelta(days=10)
    granted = _granted(year) if year == 2025 else {}
    count = 0
    for code in REGISTERING:
        unit = units.get(code)
        if unit is None or not unit.is_valid_on(day):
            continue
        registration = registration_services.registration_start(unit=unit, year=year, today=day)
        collectives = {}
        for index, collective in enumerate(registration_services.collective_units(unit, year)):
            title = granted.get(("U", collective.pk))
            if title is None:
                title = ("CO_NGANH" if rng.random() < 0.3 else "TTLDXS") if index == 0 else "TTLDTT"
            collectives[collective.pk] = title
        persons = {}
        for person in registration_services.registrable_persons(unit, year):
            title = granted.get(("P", person.pk))
            draw = rng.random()
            if person.code == FEATURED_CODE and year == 2026:
                persons[person.pk] = "CSTD_NGANH"  # shows the early warning on the 2026 page
                continue
            if title is None or draw < 0.05:
                title = "CSTD_NGANH" if draw < 0.02 else "CSTDCS" if draw < 0.15 else "LDTT"
            if draw > 0.97:
                continue  # a few staff do not register
            persons[person.pk] = title
        registration_services.registration_save(
            registration=registration, collectives=collectives, persons=persons,
            note="Đăng ký theo hướng dẫn của ngành.", today=day,
        )  # fmt: skip
        count += 1
    return count


def _granted(year: int) -> dict[tuple[str, int], str]:
    """The highest title each person and unit holds for ``year`` in the register."""
    chains = {
        "P": registration_services.PERSON_TITLES,
        "U": registration_services.COLLECTIVE_TITLES,
    }
    best: dict[tuple[str, int], str] = {}
    rows = Award.objects.filter(
        year=year, revoked=False, award_type__code__in=chains["P"] + chains["U"]
    ).values_list("person_id", "unit_id", "award_type__code")
    for person_id, unit_id, code in rows:
        key = ("P", person_id) if person_id else ("U", unit_id)
        chain = chains[key[0]]
        if key not in best or chain.index(code) > chain.index(best[key]):
            best[key] = code
    return best
