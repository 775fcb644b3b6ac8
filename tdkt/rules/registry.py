"""Rules register themselves here, one function per award code and legal period."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

PERSON, UNIT = "person", "unit"


@dataclass(frozen=True)
class RuleVersion:
    """One version of the rule for a code, in force from ``effective`` until the next one."""

    code: str
    effective: dt.date
    title: str
    basis: str
    """The legal texts this version applies, as shown to users."""
    subject: str
    func: Callable
    until: dt.date | None = None

    @cached_property
    def id(self) -> str:
        return f"{self.code}@{self.effective.isoformat()}"

    @property
    def text(self) -> str:
        """The rule's own explanation: its docstring."""
        return (self.func.__doc__ or "").strip()


_RULES: dict[str, list[RuleVersion]] = {}


def rule(code: str, *, effective: dt.date, title: str, basis: str, subject: str = PERSON):
    """Register the decorated function as the rule for ``code`` from ``effective``."""

    def register(func: Callable) -> Callable:
        versions = _RULES.setdefault(code, [])
        if any(v.effective == effective for v in versions):
            raise ValueError(f"Two rules for {code} take effect on {effective}")
        versions.append(RuleVersion(code, effective, title, basis, subject, func))
        versions.sort(key=lambda v: v.effective)
        _RULES[code] = [
            RuleVersion(
                v.code,
                v.effective,
                v.title,
                v.basis,
                v.subject,
                v.func,
                until=(versions[i + 1].effective - dt.timedelta(days=1))
                if i + 1 < len(versions)
                else None,
            )
            for i, v in enumerate(versions)
        ]
        return func

    return register


def versions_of(code: str) -> list[RuleVersion]:
    _load_rules()
    return list(_RULES.get(code, []))


def all_codes() -> list[str]:
    _load_rules()
    return sorted(_RULES)


_IN_FORCE: dict[tuple[str, dt.date], RuleVersion | None] = {}


def version_on(code: str, day: dt.date) -> RuleVersion | None:
    """The version in force on ``day``, or None before the first one (memoised)."""
    key = (code, day)
    if key not in _IN_FORCE:
        found = None
        for version in versions_of(code):
            if version.effective <= day:
                found = version
        _IN_FORCE[key] = found
    return _IN_FORCE[key]


def is_known(code: str) -> bool:
    _load_rules()
    return code in _RULES


_loaded = False


def _load_rules() -> None:
    global _loaded
    if not _loaded:
        from tdkt.rules import library  # noqa: F401  (importing registers every rule)

        _loaded = True
