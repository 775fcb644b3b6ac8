"""Award money (tiền thưởng): the code's coefficient times the base salary (lương cơ sở) in force
on the day the award decision is signed (NĐ 98/2023 Art 54, kept by NĐ 152/2025).

Both values come from ``params/money.yaml`` with their citations, so the caller can show where
the amount comes from. Nothing is guessed: a code without a coefficient, or a decision dated
before the coefficients are known (1/1/2024), raises ``ParameterError``.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from tdkt.rules.params import DatedValue, ParameterError, all_parameters, param

NO_COEFFICIENT = "Chưa có hệ số tiền thưởng cho mã “{code}”."
BASE_SALARY = "money.base_salary"


def coefficient_name(code: str) -> str:
    return f"money.coefficient.{code}"


def award_money(code: str, decision_date: dt.date) -> tuple[int, DatedValue, DatedValue]:
    """(amount in đồng, coefficient, base salary) for an award of ``code`` decided on
    ``decision_date``. The amount is exact, rounded half up to the đồng; any further rounding
    required by the finance rules is the caller's to apply."""
    name = coefficient_name(code)
    if name not in all_parameters():
        raise ParameterError(NO_COEFFICIENT.format(code=code))
    coefficient = param(name, decision_date)
    salary = param(BASE_SALARY, decision_date)
    amount = Decimal(str(coefficient.value)) * Decimal(int(salary.value))
    return int(amount.to_integral_value(rounding=ROUND_HALF_UP)), coefficient, salary
