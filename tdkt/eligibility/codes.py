"""Which codes are asked about, in which order: the catalog's order, restricted to the codes the
rule engine knows, and for a year to those whose rules are in force for the kind of subject."""

from tdkt.catalog.models import AwardType
from tdkt.rules.engine import reference_date_for
from tdkt.rules.registry import PERSON, UNIT, all_codes, version_on

SUBJECTS = (PERSON, UNIT)


def catalog_order() -> list[str]:
    """Every code of the rule engine: catalog order first, codes the catalog lacks after."""
    known = set(all_codes())
    ordered = [
        code
        for code in AwardType.objects.order_by("sort_order", "code").values_list("code", flat=True)
        if code in known
    ]
    return ordered + sorted(known - set(ordered))


def subject_of(code: str, year: int) -> str | None:
    """``PERSON`` or ``UNIT`` for the rule of ``code`` in force for ``year``; None before the
    rules for ``code`` begin."""
    version = version_on(code, reference_date_for(code, year))
    return version.subject if version else None


def codes_for(subject: str, year: int, order: list[str] | None = None) -> list[str]:
    """The codes evaluated for a subject of kind ``subject`` for ``year``, in catalog order."""
    return [code for code in order or catalog_order() if subject_of(code, year) == subject]
