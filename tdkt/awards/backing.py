"""The initiatives an award rests on (*sáng kiến làm căn cứ khen thưởng*).

One initiative backs one award only (``Initiative.used_for``); an award may need several (two
for the sector's certificate, five for the Prime Minister's under the old regime). The rule
engine reads ``used_for`` to refuse an initiative already spent, so every award that rests on
initiatives must record them:

- a decision recorded in the application consumes, for each individual award, the initiatives
  the verdict of its line counts (``Verdict.initiatives``), evaluated when the decision is
  recorded (``initiative_claims``, then ``initiatives_consume``);
- the officer sets or corrects them by hand for any individual award of the register
  (``award_initiatives_set``), e.g. for history entered without a decision of the application.
"""

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from tdkt.awards.models import Award
from tdkt.core.concurrency import save_with_version
from tdkt.core.errors import DomainError
from tdkt.initiatives.models import Initiative, Status

REASON_REQUIRED = "Hãy ghi lý do thay đổi."
FOR_PERSONS_ONLY = "Chỉ khen thưởng cá nhân mới có sáng kiến làm căn cứ."
NOT_AN_AUTHOR = "{name} không phải là tác giả của sáng kiến “{title}”."
NOT_RECOGNISED = "Sáng kiến “{title}” chưa được công nhận nên không làm căn cứ khen thưởng được."
ALREADY_BACKS = (
    "Sáng kiến “{title}” đã làm căn cứ cho {award} (quyết định số {number}); mỗi sáng kiến chỉ "
    "làm căn cứ cho một khen thưởng."
)
REVOKED_AWARD = "Khen thưởng đã bị hủy bỏ không làm căn cứ để dùng sáng kiến."
FREED_ON_REVOCATION = "Khen thưởng được làm căn cứ đã bị hủy bỏ: {reason}"
UNKNOWN_INITIATIVE = (
    "Không tìm thấy một số sáng kiến đã chọn (có thể đã bị xóa); hãy tải lại trang."
)


def award_label(award: Award) -> str:
    return f"{award.award_type.name} năm {award.year}"


def initiative_choices(award: Award) -> QuerySet[Initiative]:
    """The recognised initiatives the award's person authored, newest first, with the award
    each already backs (the page shows those backing another award, without offering them)."""
    if not award.person_id:
        return Initiative.objects.none()
    return (
        Initiative.objects.filter(authors=award.person_id, status=Status.RECOGNISED)
        .select_related("used_for__award_type")
        .order_by("-year", "title", "pk")
    )


@transaction.atomic
def award_initiatives_set(
    *, award: Award, initiative_ids, expected_version: int | None, reason: str, user=None
) -> list[Initiative]:
    """Make exactly ``initiative_ids`` the initiatives ``award`` rests on: those newly chosen
    are marked used for it, those no longer chosen are freed. Each must be a recognised
    initiative the award's person authored that backs no other award. Refuses a stale edit of
    the award (its version grows); all or nothing."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_(REASON_REQUIRED), field="reason")
    if not award.person_id:
        raise DomainError(_(FOR_PERSONS_ONLY), field="initiatives")
    if award.revoked:
        raise DomainError(_(REVOKED_AWARD), field="initiatives")
    wanted = {int(pk) for pk in initiative_ids}
    chosen = list(
        Initiative.objects.select_for_update(of=("self",))
        .filter(pk__in=wanted)
        .select_related("used_for__award_type")
        .order_by("pk")
    )
    if len(chosen) != len(wanted):
        raise DomainError(_(UNKNOWN_INITIATIVE), field="initiatives")
    authored = set(
        Initiative.authors.through.objects.filter(
            initiative_id__in=wanted, person_id=award.person_id
        ).values_list("initiative_id", flat=True)
    )
    for initiative in chosen:
        _check_usable(initiative, award, authored)
    # Only what the page offers can be unticked: an initiative backing the award that is no
    # longer recognised or no longer the person's stays as it is.
    freed = list(
        Initiative.objects.select_for_update()
        .filter(used_for=award, status=Status.RECOGNISED, pk__in=authored_by(award.person_id))
        .exclude(pk__in=wanted)
    )
    changed = [i for i in chosen if i.used_for_id != award.pk]
    for initiative in freed:
        initiative.used_for = None
    for initiative in changed:
        initiative.used_for = award
    if freed or changed:
        bulk_update_with_history(
            freed + changed,
            Initiative,
            ["used_for"],
            default_user=user,
            default_change_reason=reason,
        )
    award._change_reason = reason
    save_with_version(award, expected_version=expected_version)
    return chosen


def authored_by(person_id: int):
    """The ids of the initiatives ``person_id`` authored (a subquery)."""
    return Initiative.authors.through.objects.filter(person_id=person_id).values("initiative_id")


def initiatives_free(awards, *, reason: str, user=None) -> int:
    """Free the initiatives backing ``awards`` (revoked: they no longer rest on anything), so
    that a decision recorded again can use them; the history keeps the reason. Two queries."""
    freed = list(Initiative.objects.select_for_update().filter(used_for__in=awards))
    for initiative in freed:
        initiative.used_for = None
    message = _(FREED_ON_REVOCATION).format(reason=reason)[:100]
    bulk_update_with_history(
        freed, Initiative, ["used_for"], default_user=user, default_change_reason=message
    )
    return len(freed)


def _check_usable(initiative: Initiative, award: Award, authored: set[int]) -> None:
    values = {"title": initiative.title, "name": award.person.full_name}
    if initiative.pk not in authored:
        raise DomainError(_(NOT_AN_AUTHOR).format(**values), field="initiatives")
    if initiative.status != Status.RECOGNISED:
        raise DomainError(_(NOT_RECOGNISED).format(**values), field="initiatives")
    other = initiative.used_for
    if other is not None and other.pk != award.pk:
        message = _(ALREADY_BACKS).format(
            title=initiative.title,
            award=award_label(other),
            number=other.decision_number or "—",
        )
        raise DomainError(message, field="initiatives")


def initiative_claims(awards: list[Award]) -> dict[int, tuple[int, int, int]]:
    """For awards about to be decided (unsaved), the initiatives the verdict of each
    individual award's code and year counts, evaluated on the register as it stands: initiative
    id → (person, award type, year) of the award that claims it. An initiative claimed by two
    awards of the same batch goes to the first. A fixed number of queries."""
    from tdkt.eligibility.histories import person_histories
    from tdkt.people.models import Person
    from tdkt.rules.engine import Engine, EvaluationError

    individual = [award for award in awards if award.person_id]
    if not individual:
        return {}
    histories = person_histories(Person.objects.filter(pk__in={a.person_id for a in individual}))
    engine = Engine()
    claims: dict[int, tuple[int, int, int]] = {}
    for award in individual:
        history = histories.get(award.person_id)
        if history is None:
            continue
        try:
            verdict = engine.evaluate(history, award.award_type.code, award.year)
        except EvaluationError:
            continue
        for initiative_id in verdict.initiatives:
            claims.setdefault(int(initiative_id), _key(award))
    return claims


def _key(award: Award) -> tuple[int, int, int]:
    return (award.person_id, award.award_type_id, award.year)


def initiatives_consume(claims, awards: list[Award], *, user=None, reason: str = "") -> int:
    """Mark each claimed initiative used for the saved award of its claim, unless it already
    backs an award (never taken from another). Two queries; returns how many were marked."""
    if not claims:
        return 0
    by_key = {_key(award): award for award in awards if award.person_id}
    free = list(
        Initiative.objects.select_for_update().filter(
            pk__in=claims, used_for__isnull=True, status=Status.RECOGNISED
        )
    )
    marked = []
    for initiative in free:
        award = by_key.get(claims[initiative.pk])
        if award is not None:
            initiative.used_for = award
            marked.append(initiative)
    bulk_update_with_history(
        marked, Initiative, ["used_for"], default_user=user, default_change_reason=reason
    )
    return len(marked)
