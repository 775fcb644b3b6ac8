"""The quorum and the vote threshold of a line, read from the dated rule parameters.

A code with its own parameters (``<code>.vote_share`` and ``<code>.vote_denominator``, e.g.
``cstd_nganh``: 90% of the council's total membership) uses them; every other code uses the
council defaults (``council.default.vote_*``: more than half of the total membership). Shares
are exact fractions ("2/3", 0.9), so a count exactly at the threshold is never lost to rounding.
"""

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

from tdkt.rules.params import all_parameters, param

TOTAL = "total"
PRESENT = "present"
QUORUM = "council.quorum_share"
DEFAULT_PREFIX = "council.default"


def fraction(value) -> Fraction:
    return Fraction(str(value))


def percent(value: Fraction) -> str:
    """``Fraction(9, 10)`` → "90%", ``Fraction(2, 3)`` → "66,7%"."""
    number = float(value) * 100
    text = f"{number:.0f}" if number == round(number) else f"{number:.1f}"
    return text.replace(".", ",") + "%"


@dataclass(frozen=True)
class Quorum:
    share: Fraction
    citation: str
    unsure: bool

    def needed(self, members: int) -> int:
        """The least number of present members that makes the quorum."""
        return math.ceil(self.share * members)

    def met(self, present: int, members: int) -> bool:
        return members > 0 and present >= self.share * members


def quorum_on(day: dt.date) -> Quorum:
    value = param(QUORUM, day)
    return Quorum(fraction(value.value), value.citation, value.unsure)


@dataclass(frozen=True)
class Threshold:
    """``share`` of ``denominator`` (``total`` or ``present``) agree votes; with ``strict``
    the agree votes must exceed it (a majority), otherwise reach it."""

    share: Fraction
    denominator: str
    strict: bool
    citation: str
    unsure: bool

    def passes(self, agree: int, base: int) -> bool:
        if base <= 0:
            return False
        target = self.share * base
        return agree > target if self.strict else agree >= target


def _prefix_for(code: str) -> str:
    prefix = code.lower()
    names = all_parameters()
    if f"{prefix}.vote_share" in names and f"{prefix}.vote_denominator" in names:
        return prefix
    return DEFAULT_PREFIX


def threshold_for(code: str, day: dt.date) -> Threshold:
    """The threshold of award ``code`` in force on ``day`` (the meeting date)."""
    prefix = _prefix_for(code)
    share = param(f"{prefix}.vote_share", day)
    denominator = param(f"{prefix}.vote_denominator", day)
    strict = False
    unsure = share.unsure or denominator.unsure
    if prefix == DEFAULT_PREFIX:
        strict_value = param(f"{prefix}.vote_strict", day)
        strict = bool(strict_value.value)
        unsure = unsure or strict_value.unsure
    return Threshold(
        share=fraction(share.value),
        denominator=str(denominator.value),
        strict=strict,
        citation=share.citation,
        unsure=unsure,
    )


DENOMINATOR_LABELS = {
    TOTAL: "tổng số thành viên",
    PRESENT: "số thành viên tham gia biểu quyết",
}


def computation(agree: int, base: int, share: Fraction, denominator: str, strict: bool) -> str:
    """The sentence shown with a result: "18/20 = 90,0% ≥ 90% tổng số thành viên"."""
    label = DENOMINATOR_LABELS.get(denominator, denominator)
    if base <= 0:
        return f"{agree}/0 – {label} bằng 0"
    ratio = Fraction(agree, base)
    reached = ratio > share if strict else ratio >= share
    sign = (">" if reached else "≤") if strict else ("≥" if reached else "<")
    value = f"{float(ratio) * 100:.1f}".replace(".", ",")
    return f"{agree}/{base} = {value}% {sign} {percent(share)} {label}"
