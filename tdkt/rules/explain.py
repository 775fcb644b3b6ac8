"""What the explanation pages show: each code's rule versions and the parameters they read."""

from dataclasses import dataclass

from tdkt.rules.params import Parameter, all_parameters
from tdkt.rules.registry import RuleVersion, all_codes, versions_of

PARAM_PREFIXES = {
    "LDTT": ("ldtt.", "principles."),
    "CSTDCS": ("cstdcs.", "ldtt.", "principles."),
}


@dataclass(frozen=True)
class CodeRules:
    code: str
    versions: list[RuleVersion]
    parameters: list[Parameter]

    @property
    def first_day(self):
        return self.versions[0].effective if self.versions else None


def _prefixes(code: str) -> tuple[str, ...]:
    return PARAM_PREFIXES.get(code, (code.lower() + ".", "principles."))


def code_rules(code: str) -> CodeRules | None:
    """The versions of ``code``'s rule, oldest first, and the parameters named after it."""
    versions = versions_of(code)
    if not versions:
        return None
    prefixes = _prefixes(code)
    parameters = [p for name, p in sorted(all_parameters().items()) if name.startswith(prefixes)]
    return CodeRules(code, versions, parameters)


def every_code() -> list[CodeRules]:
    return [code_rules(code) for code in all_codes()]
