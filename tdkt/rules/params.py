"""Dated legal parameters read from the YAML files in ``tdkt/rules/params/``.

Each parameter has values keyed by the date they take effect; every value carries its legal
citation and the digest's confidence mark (``sure``, ``likely``, ``unsure``). ``value_on``
returns the value in force on a day — never today's value by accident, because the caller must
pass the day.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

PARAMS_DIR = Path(__file__).resolve().parent / "params"
CONFIDENCES = ("sure", "likely", "unsure")
UNSURE = "unsure"


class ParameterError(Exception):
    """A parameter is missing, malformed, or not in force on the asked day."""


@dataclass(frozen=True)
class DatedValue:
    effective: dt.date
    value: object
    citation: str
    confidence: str

    @property
    def unsure(self) -> bool:
        return self.confidence == UNSURE


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    values: tuple[DatedValue, ...]

    def value_on(self, day: dt.date) -> DatedValue:
        """The value in force on ``day``; raises when the parameter had no value yet."""
        current = None
        for dated in self.values:
            if dated.effective <= day:
                current = dated
        if current is None:
            raise ParameterError(f"Tham số “{self.name}” chưa có giá trị vào ngày {day:%d/%m/%Y}.")
        return current


def _parse_value(name: str, raw: dict) -> DatedValue:
    try:
        effective = raw["from"]
        if not isinstance(effective, dt.date):
            effective = dt.date.fromisoformat(str(effective))
        confidence = raw.get("confidence", "sure")
        if confidence not in CONFIDENCES:
            raise ParameterError(f"{name}: confidence must be one of {CONFIDENCES}")
        return DatedValue(effective, raw["value"], str(raw["citation"]), confidence)
    except KeyError as missing:
        raise ParameterError(f"{name}: each value needs {missing}") from None


def _load_file(path: Path) -> dict[str, Parameter]:
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for name, body in document.items():
        values = sorted((_parse_value(name, v) for v in body["values"]), key=lambda v: v.effective)
        out[name] = Parameter(
            name, body.get("description", ""), body.get("unit", ""), tuple(values)
        )
    return out


@cache
def all_parameters() -> dict[str, Parameter]:
    """Every parameter of every YAML file, by name. Names are unique across files."""
    parameters: dict[str, Parameter] = {}
    for path in sorted(PARAMS_DIR.glob("*.yaml")):
        for name, parameter in _load_file(path).items():
            if name in parameters:
                raise ParameterError(f"Parameter {name} is defined twice")
            parameters[name] = parameter
    return parameters


IN_FORCE: dict[tuple[str, dt.date], DatedValue] = {}
"""The values already looked up, by (name, day); the engine reads it directly (hot path)."""
"""Values already looked up, by (name, day); read directly by the engine's hot path."""


def param(name: str, day: dt.date) -> DatedValue:
    """The value of parameter ``name`` in force on ``day`` (memoised: parameters are read-only
    files loaded once per process)."""
    key = (name, day)
    found = IN_FORCE.get(key)
    if found is None:
        try:
            found = all_parameters()[name].value_on(day)
        except KeyError:
            raise ParameterError(f"Không có tham số “{name}”.") from None
        IN_FORCE[key] = found
    return found
