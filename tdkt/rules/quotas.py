"""Unit-level quotas: how many of a title a unit may propose, as a share of another count.

- CSTĐCS at most 15% of the unit's LĐTT (NĐ 91/2017 Art 9(3)) until 31/12/2023; from 1/1/2024 no
  cap was found (the parameter is null and unsure).
- TTLĐXS at most 20% of the collectives rated TTLĐTT, at least 1 (TT 02/2024 Art 18), from
  1/10/2024.

The texts give no rounding rule; the limit is rounded as the ``quota.rounding`` parameter says
(a design choice, marked unsure: floor, so a unit never goes over the share). Pure Python, no
database: the caller counts the proposals and the basis.
"""

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

from tdkt.rules.params import param

CODE_LABELS = {"CSTDCS": "CSTĐCS", "LDTT": "LĐTT", "TTLDXS": "TTLĐXS", "TTLDTT": "TTLĐTT"}
ROUNDING_LABELS = {"floor": "làm tròn xuống", "ceil": "làm tròn lên", "half_up": "làm tròn"}
MISSING_BASIS = "Thiếu số {basis} để tính tỷ lệ {code}."
NEGATIVE_COUNT = "Số {code} không được âm."


@dataclass(frozen=True)
class QuotaRule:
    code: str
    basis_code: str
    share_param: str
    minimum_param: str | None = None


QUOTA_RULES = (
    QuotaRule("CSTDCS", "LDTT", "cstdcs.quota_share_of_ldtt"),
    QuotaRule("TTLDXS", "TTLDTT", "ttldxs.quota_share_of_ttldtt", "ttldxs.quota_minimum"),
)


@dataclass(frozen=True)
class QuotaFinding:
    """One quota applied to one unit's proposals for a year.

    ``limit`` None means no cap is in force (``exceeded`` is then False). ``unsure`` is true when
    the share or minimum is unsure, or when the rounding (itself unsure) changed the limit.
    """

    code: str
    basis_code: str
    year: int
    count: int
    basis_count: int
    limit: int | None
    exceeded: bool
    share: Fraction | None
    minimum: int
    rounding: str
    citation: str
    rounding_note: str
    unsure: bool
    text: str


def _round(value: Fraction, how: str) -> int:
    if how == "floor":
        return math.floor(value)
    if how == "ceil":
        return math.ceil(value)
    if how == "half_up":
        return math.floor(value + Fraction(1, 2))
    raise ValueError(f"quota.rounding không hợp lệ: {how}")


def _number(value: Fraction) -> str:
    """A count or share in Vietnamese notation: 3, 2,85, 15%."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.2f}".rstrip("0").replace(".", ",")


def _no_cap(base: dict, share, label: str) -> QuotaFinding:
    cap = "không thấy quy định giới hạn tỷ lệ" if share.unsure else "không giới hạn tỷ lệ"
    text = f"{label} năm {base['year']}: đề nghị {base['count']}, {cap}"
    return QuotaFinding(
        **base,
        limit=None,
        exceeded=False,
        share=None,
        citation=share.citation,
        unsure=share.unsure,
        text=f"{text} ({share.citation})",
    )


def _apply(rule: QuotaRule, year: int, ref: dt.date, count: int, basis_count: int):
    share = param(rule.share_param, ref)
    minimum = param(rule.minimum_param, ref) if rule.minimum_param else None
    rounding = param("quota.rounding", ref)
    min_value = int(minimum.value or 0) if minimum else 0
    how_rounded = str(rounding.value)
    base = dict(
        code=rule.code,
        basis_code=rule.basis_code,
        year=year,
        count=count,
        basis_count=basis_count,
        minimum=min_value,
        rounding=how_rounded,
        rounding_note=rounding.citation,
    )
    label = CODE_LABELS[rule.code]
    if share.value is None:
        return _no_cap(base, share, label)
    ratio = Fraction(str(share.value))
    raw = ratio * basis_count
    rounded = _round(raw, how_rounded)
    limit = max(rounded, min_value)
    how = (
        f"{_number(ratio * 100)}% của {basis_count} {CODE_LABELS[rule.basis_code]} = {_number(raw)}"
    )
    if raw.denominator != 1:
        how += f", {ROUNDING_LABELS[how_rounded]} còn {rounded}"
    if limit > rounded:
        how += f", tối thiểu {min_value}"
    citations = [share.citation]
    if minimum and min_value and minimum.citation != share.citation:
        citations.append(minimum.citation)
    rounding_mattered = raw.denominator != 1 and limit == rounded
    return QuotaFinding(
        **base,
        limit=limit,
        exceeded=count > limit,
        share=ratio,
        citation="; ".join(citations),
        unsure=share.unsure
        or bool(minimum and minimum.unsure)
        or (rounding.unsure and rounding_mattered),
        text=f"{label} năm {year}: đề nghị {count}, giới hạn {limit} ({how}) — "
        + (f"vượt {count - limit}" if count > limit else "trong giới hạn"),
    )


def check_quotas(
    *, year: int, reference_date: dt.date, proposals: dict[str, int], basis: dict[str, int]
) -> list[QuotaFinding]:
    """One finding per quota whose title appears in ``proposals``, with the parameters in force
    on ``reference_date``. Codes without a quota are ignored. A missing basis count or a negative
    count raises ``ValueError``; a date before the parameters begin raises ``ParameterError``."""
    findings = []
    for rule in QUOTA_RULES:
        if rule.code not in proposals:
            continue
        if rule.basis_code not in basis:
            raise ValueError(MISSING_BASIS.format(basis=rule.basis_code, code=rule.code))
        count, basis_count = proposals[rule.code], basis[rule.basis_code]
        for code, value in ((rule.code, count), (rule.basis_code, basis_count)):
            if value < 0:
                raise ValueError(NEGATIVE_COUNT.format(code=code))
        findings.append(_apply(rule, year, reference_date, count, basis_count))
    return findings
