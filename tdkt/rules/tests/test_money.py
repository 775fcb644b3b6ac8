"""Award money: coefficient × base salary in force on the decision date (NĐ 98/2023 Art 54)."""

import datetime as dt
import re

import pytest

from tdkt.rules.money import NO_COEFFICIENT, award_money
from tdkt.rules.params import ParameterError

# (code, decision date, expected amount in đồng)
MONEY_TABLE = [
    ("CSTDCS", dt.date(2024, 12, 20), 2_340_000),
    ("TTLDXS", dt.date(2024, 12, 20), 3_510_000),
    ("TTLDTT", dt.date(2024, 12, 20), 1_872_000),
    ("LDTT", dt.date(2024, 12, 20), 702_000),
    ("CSTD_NGANH", dt.date(2024, 12, 20), 7_020_000),
    ("CSTD_TQ", dt.date(2024, 12, 20), 10_530_000),
    ("CO_CP", dt.date(2024, 12, 20), 28_080_000),
    ("CSTDCS", dt.date(2024, 1, 1), 1_800_000),  # NĐ 98 in force, base salary of NĐ 24/2023
    ("CSTDCS", dt.date(2024, 6, 30), 1_800_000),
    ("CSTDCS", dt.date(2024, 7, 1), 2_340_000),  # NĐ 73/2024
    ("TTLDXS", dt.date(2026, 6, 30), 3_510_000),
    ("TTLDXS", dt.date(2026, 7, 1), 3_795_000),  # 1.5 × 2,530,000
    ("LDTT", dt.date(2026, 7, 1), 759_000),
]


@pytest.mark.parametrize(("code", "decided", "amount"), MONEY_TABLE)
def test_award_money(code, decided, amount):
    got, _coefficient, _salary = award_money(code, decided)

    assert got == amount


def test_the_values_used_carry_their_citations():
    _amount, coefficient, salary = award_money("TTLDXS", dt.date(2024, 12, 20))

    assert coefficient.value == 1.5
    assert "Điều 54 Nghị định 98/2023/NĐ-CP" in coefficient.citation
    assert salary.value == 2_340_000
    assert "73/2024" in salary.citation


def test_the_2026_base_salary_is_only_likely():
    _amount, _coefficient, salary = award_money("CSTDCS", dt.date(2026, 7, 1))

    assert salary.confidence == "likely"


def test_after_decree_152_the_coefficient_is_unchanged_and_cites_it():
    _amount, coefficient, _salary = award_money("CSTDCS", dt.date(2025, 7, 1))

    assert coefficient.value == 1.0
    assert "152/2025" in coefficient.citation


def test_decisions_before_2024_are_not_guessed():
    with pytest.raises(ParameterError):
        award_money("CSTDCS", dt.date(2023, 12, 31))


def test_a_code_without_coefficient_is_an_error():
    with pytest.raises(ParameterError, match=re.escape(NO_COEFFICIENT.format(code="CO_NGANH"))):
        award_money("CO_NGANH", dt.date(2024, 12, 20))
