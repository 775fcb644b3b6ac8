"""Demo initiatives waiting for the sector council's scoring: three initiatives of 2026 submitted
by Hà Nội's officer, two of them already scored by some council members, so ``hoidong`` finds
"Sáng kiến chờ chấm" in the inbox and the officer sees the council's scores before deciding.
Runs after ``council_demo``; choices use a seed of their own."""

import random

from tdkt.accounts.models import User
from tdkt.initiatives.models import Opinion
from tdkt.initiatives.services import ShareInput, initiative_save, review_save
from tdkt.org.models import Unit
from tdkt.people.models import Person

SEED = 2026_12
TITLES = [
    (
        "Bảng theo dõi thời hạn tố tụng tự động bằng Excel",
        "Tự tô màu các vụ án sắp hết thời hạn tạm giam, điều tra, truy tố.",
    ),
    (
        "Quy trình kiểm sát trực tuyến hồ sơ tạm đình chỉ",
        "Rà soát định kỳ các vụ tạm đình chỉ theo danh sách chung của Viện và Cơ quan điều tra.",
    ),
    (
        "Mẫu biên bản kiểm sát trại tạm giam dùng chung",
        "Thống nhất các mục kiểm tra, giảm thời gian lập biên bản một nửa.",
    ),
]
REVIEWERS = ("hoidong.chutich", "hoidong.phochutich", "hoidong.thuongtruc")


def write_initiative_reviews(_rng: random.Random) -> dict[str, int]:
    rng = random.Random(SEED)
    officer = User.objects.filter(username="tdkt.hanoi").first()
    hanoi = Unit.objects.filter(code="T-HN").first()
    if officer is None or hanoi is None:
        return {}
    staff = list(
        Person.objects.filter(unit__path__startswith=hanoi.path, leaving_date__isnull=True)
        .order_by("code")
        .values_list("pk", flat=True)[:200]
    )
    reviewers = list(User.objects.filter(username__in=REVIEWERS).order_by("username"))
    made = reviews = 0
    for index, (title, description) in enumerate(TITLES):
        first, second = (Person.objects.get(pk=pk) for pk in rng.sample(staff, 2))
        initiative = initiative_save(
            user=officer,
            initiative=None,
            expected_version=None,
            unit=hanoi,
            title=title,
            year=2026,
            description=description,
            applied_where="VKSND thành phố Hà Nội và các VKSND khu vực trực thuộc",
            applied_result="Áp dụng từ quý II/2026, giảm sai sót về thời hạn.",
            shares=[ShareInput(first, 60), ShareInput(second, 40)],
            submit=True,
        )
        made += 1
        for reviewer in reviewers[: 2 - index if index < 2 else 0]:
            review_save(
                user=reviewer,
                initiative=initiative,
                expected_version=None,
                score=rng.randint(70, 95),
                opinion=Opinion.AGREE,
                comment="Có tính mới, đã áp dụng hiệu quả tại đơn vị.",
            )
            reviews += 1
    return {"initiatives_submitted": made, "initiative_reviews": reviews}
