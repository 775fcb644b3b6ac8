"""Runs every legal test case in ``tdkt/rules/cases/*.yaml`` (see docs/rule-cases.md)."""

from pathlib import Path

import pytest
import yaml

from tdkt.rules.cases import parse_case
from tdkt.rules.engine import evaluate
from tdkt.rules.verdicts import Check

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"


def _load():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for index, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            yield pytest.param(item, id=f"{path.stem}[{index}] {item['name']}")


@pytest.mark.parametrize("item", list(_load()))
def test_legal_case(item):
    case = parse_case(item["case"])
    verdict = evaluate(case.subject(), case.code, case.year, case.reference_date)
    expect = item["expect"]
    explanation = [(c.key, str(c.check), list(c.facts)) for c in verdict.conditions]
    assert str(verdict.outcome) == expect["outcome"], explanation
    if "rule" in expect:
        assert verdict.rule_id == expect["rule"]
    if "not_met" in expect:
        not_met = {c.key for c in verdict.conditions if c.check == Check.NOT_MET}
        assert not_met == set(expect["not_met"]), explanation
    if "unknown" in expect:
        unknown = {c.key for c in verdict.conditions if c.check == Check.UNKNOWN}
        assert unknown == set(expect["unknown"]), explanation
    for text in expect.get("facts_contain", []):
        assert any(text in fact for c in verdict.conditions for fact in c.facts), explanation
    if "initiatives" in expect:
        assert list(verdict.initiatives) == expect["initiatives"], explanation
