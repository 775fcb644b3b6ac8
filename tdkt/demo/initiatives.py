"""Synthetic initiatives (sáng kiến): titles, co-authors from the same unit, recognition.

Each initiative has one to three authors who worked in the same unit that year. Grassroots
(``CO_SO``) recognition is by the unit's initiative council; sector (``NGANH``) recognition by
the Prosecutor General; a few have national (``TOAN_QUOC``) effect; some older ones never had
their scope recorded (blank).
"""

import datetime as dt
import random

from tdkt.demo.ledger import AwardRecord, InitiativeRecord, Ledger
from tdkt.demo.people import PersonPlan, random_date
from tdkt.initiatives.models import EffectScope

_TOPICS = (
    "kiểm sát việc tiếp nhận, giải quyết nguồn tin về tội phạm",
    "tranh tụng của Kiểm sát viên tại phiên tòa hình sự",
    "kiểm sát bản án, quyết định của Tòa án",
    "kiểm sát thi hành án dân sự",
    "kiểm sát việc tạm giữ, tạm giam",
    "giải quyết đơn khiếu nại, tố cáo trong hoạt động tư pháp",
    "lập và quản lý hồ sơ kiểm sát điện tử",
    "thống kê tội phạm và báo cáo nghiệp vụ",
    "kiểm sát điều tra các vụ án ma túy",
    "phát hiện vi phạm qua công tác kiểm sát án dân sự",
    "kiểm sát giải quyết các vụ án hành chính",
    "xây dựng kháng nghị phúc thẩm",
    "kiểm sát việc áp dụng biện pháp ngăn chặn",
    "phối hợp với Cơ quan điều tra trong giai đoạn khởi tố",
    "quản lý công văn, tài liệu tại Văn phòng",
    "công tác thi đua, khen thưởng",
    "tổ chức phiên tòa rút kinh nghiệm",
    "kiểm sát các vụ án xâm hại người dưới 18 tuổi",
)
_PATTERNS = (
    "Giải pháp nâng cao chất lượng {topic}",
    "Một số biện pháp nâng cao hiệu quả {topic}",
    "Ứng dụng công nghệ thông tin trong {topic}",
    "Quy trình phối hợp trong {topic}",
    "Mẫu biểu điện tử phục vụ {topic}",
    "Kinh nghiệm {topic} tại đơn vị",
    "Sổ tay hướng dẫn {topic}",
    "Phần mềm hỗ trợ {topic}",
)


def initiative_title(rng: random.Random) -> str:
    return rng.choice(_PATTERNS).format(topic=rng.choice(_TOPICS))


class InitiativeMaker:
    """Creates initiatives into a ledger, picking co-authors from the unit's staff that year."""

    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.rng = ledger.rng
        self._rosters: dict[int, dict[str, list[int]]] = {}

    def roster(self, year: int) -> dict[str, list[int]]:
        """Unit → indexes of the people who belonged to it on 30 November of ``year``."""
        if year not in self._rosters:
            day, roster = dt.date(year, 11, 30), {}
            for person in self.ledger.people:
                unit = person.unit_on(day)
                if unit is not None:
                    roster.setdefault(unit, []).append(person.index)
            self._rosters[year] = roster
        return self._rosters[year]

    def grassroots(self, person: PersonPlan, year: int, used_for: AwardRecord | None = None):
        """A grassroots initiative of ``person`` recognised during ``year``."""
        blank = self.rng.random() < (0.12 if year <= 2018 else 0.04)
        scope = "" if blank else EffectScope.CO_SO
        return self._make(person, year, scope, used_for, sector=False)

    def sector(self, person: PersonPlan, year: int, used_for: AwardRecord | None = None):
        """An initiative with sector-wide (sometimes national) effect."""
        scope = EffectScope.TOAN_QUOC if self.rng.random() < 0.08 else EffectScope.NGANH
        return self._make(person, year, scope, used_for, sector=True)

    def pending(self, person: PersonPlan, year: int) -> InitiativeRecord:
        """An initiative submitted but not yet recognised."""
        record = self._make(person, year, "", None, sector=False)
        record.recognised_on, record.recognising_body = None, ""
        return record

    def _make(self, person, year, scope, used_for, *, sector) -> InitiativeRecord:
        first = max(dt.date(year, 3, 1), person.start)
        day = random_date(self.rng, first, max(first, dt.date(year, 11, 20)))
        unit = person.unit_on(day) or person.unit
        if sector:
            body = "Viện trưởng VKSND tối cao"
            if scope == EffectScope.TOAN_QUOC:
                body = "Bộ Khoa học và Công nghệ"
        else:
            issuer = self.ledger.plan.issuers[self.ledger.issuer_of(unit)]
            body = f"Hội đồng sáng kiến {issuer.name}"
        record = InitiativeRecord(
            title=initiative_title(self.rng),
            unit=unit,
            year=year,
            recognised_on=day,
            recognising_body=body,
            effect_scope=scope,
            authors=[person.index, *self._co_authors(person, year, unit)],
            used_for=used_for,
        )
        self.ledger.initiatives.append(record)
        return record

    def _co_authors(self, person: PersonPlan, year: int, unit: str) -> list[int]:
        extra = self.rng.choices((0, 1, 2), cum_weights=(55, 85, 100))[0]
        colleagues = [i for i in self.roster(year).get(unit, []) if i != person.index]
        return self.rng.sample(colleagues, min(extra, len(colleagues)))
