"""Registration against result (*đăng ký và kết quả thi đua*) per year and registered title.

A registered target is achieved when its subject holds, for that year, a standing merit title
(``CONG_TRANG``) at least as high in the same chain (LĐTT < CSTĐCS < CSTĐ ngành < CSTĐ toàn
quốc; TTLĐTT < TTLĐXS < Cờ ngành < Cờ Chính phủ), the rule of the emulation app's year-end
comparison. Three queries whatever the number of registrations."""

from collections import defaultdict

from django.db.models import Q
from django.utils.translation import gettext as _

from tdkt.awards.models import Award
from tdkt.catalog.models import AwardCategory, CommendationKind
from tdkt.emulation.models import RegisteredCollective, RegisteredPerson
from tdkt.emulation.services.registrations import COLLECTIVE_TITLES, PERSON_TITLES
from tdkt.reports.statistics.scope import StatisticsScope
from tdkt.reports.statistics.tables import REGISTRATIONS, Row, Table, count, share


def reaches(granted: str, target: str) -> bool:
    """Whether holding ``granted`` achieves a registered ``target``."""
    for chain in (PERSON_TITLES, COLLECTIVE_TITLES):
        if granted in chain and target in chain:
            return chain.index(granted) >= chain.index(target)
    return False


def _registered(scope: StatisticsScope, model, subject: str):
    return model.objects.filter(
        scope.within("registration__unit"),
        registration__year__gte=scope.year_from,
        registration__year__lte=scope.year_to,
    ).values_list("registration__year", subject, "award_type__code")


def registration_results(scope: StatisticsScope) -> dict[tuple[int, str], list[int]]:
    """(year, registered code) → [registered, achieved]."""
    persons = _registered(scope, RegisteredPerson, "person_id")
    units = _registered(scope, RegisteredCollective, "unit_id")
    granted = (
        Award.objects.filter(
            scope.within("holder_unit"),
            year__gte=scope.year_from,
            year__lte=scope.year_to,
            revoked=False,
            kind=CommendationKind.CONG_TRANG,
            award_type__category=AwardCategory.TITLE,
        )
        .filter(Q(person__in=persons.values("person_id")) | Q(unit__in=units.values("unit_id")))
        .values_list("year", "person_id", "unit_id", "award_type__code")
    )
    held: dict[tuple, set[str]] = defaultdict(set)
    for year, person_id, unit_id, code in granted:
        held[(year, "P", person_id) if person_id else (year, "C", unit_id)].add(code)
    results: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for kind, rows in (("P", persons), ("C", units)):
        for year, subject_id, target in rows:
            entry = results[(year, target)]
            entry[0] += 1
            if any(reaches(code, target) for code in held.get((year, kind, subject_id), ())):
                entry[1] += 1
    return results


def by_registration(scope: StatisticsScope, names: dict[str, dict]) -> Table:
    results = registration_results(scope)
    order = {code: i for i, code in enumerate(PERSON_TITLES + COLLECTIVE_TITLES)}
    rows = []
    for year, code in sorted(results, key=lambda k: (k[0], order.get(k[1], 99))):
        registered, achieved = results[(year, code)]
        rows.append(
            Row(
                f"{year} – {names[code]['name']}",
                [count(registered, year=year), count(achieved, year=year),
                 count(registered - achieved, year=year), count(share(achieved, registered),
                                                                 year=year)],
                key=f"{year}-{code}",
            )
        )  # fmt: skip
    return Table(
        "registrations",
        _("Đăng ký thi đua và kết quả"),
        [_("Đăng ký"), _("Đạt"), _("Không đạt"), _("Tỷ lệ đạt (%)")],
        rows,
        REGISTRATIONS,
        note=_(
            "Đạt khi đối tượng được công nhận danh hiệu đã đăng ký hoặc danh hiệu cao hơn cùng "
            "loại, theo công trạng, trong năm đó. Mỗi số liệu mở trang đối chiếu đăng ký và kết "
            "quả của năm."
        ),
    )
