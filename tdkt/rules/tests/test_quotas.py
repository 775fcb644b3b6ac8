"""Unit-level quotas: CSTĐCS against LĐTT, TTLĐXS against TTLĐTT, on both sides of their dates."""

import datetime as dt
import re

import pytest

from tdkt.rules.params import ParameterError
from tdkt.rules.quotas import MISSING_BASIS, NEGATIVE_COUNT, check_quotas


def _one(code, count, basis_code, basis_count, reference_date):
    findings = check_quotas(
        year=reference_date.year,
        reference_date=reference_date,
        proposals={code: count},
        basis={basis_code: basis_count},
    )
    assert len(findings) == 1
    return findings[0]


# (reference date, proposed, basis, expected limit, expected exceeded)
CSTDCS_TABLE = [
    (dt.date(2023, 12, 31), 3, 20, 3, False),  # exactly at the limit: 15% of 20 = 3
    (dt.date(2023, 12, 31), 4, 20, 3, True),
    (dt.date(2023, 12, 31), 3, 19, 2, True),  # 2.85 floored to 2
    (dt.date(2023, 12, 31), 1, 6, 0, True),  # 0.9 floored to 0, no minimum for CSTĐCS
    (dt.date(2024, 1, 1), 9, 20, None, False),  # no cap found from 2024
]


@pytest.mark.parametrize(("ref", "count", "basis", "limit", "exceeded"), CSTDCS_TABLE)
def test_cstdcs_quota(ref, count, basis, limit, exceeded):
    finding = _one("CSTDCS", count, "LDTT", basis, ref)

    assert (finding.limit, finding.exceeded) == (limit, exceeded)


TTLDXS_TABLE = [
    (dt.date(2024, 9, 30), 3, 4, None, False),  # TT 02/2024 not yet in force
    (dt.date(2024, 10, 1), 1, 4, 1, False),  # 0.8 → 0, raised to the minimum of 1
    (dt.date(2024, 10, 1), 2, 4, 1, True),
    (dt.date(2024, 10, 1), 1, 0, 1, False),  # the minimum applies as written
    (dt.date(2024, 10, 1), 2, 10, 2, False),  # exactly at the limit
    (dt.date(2024, 10, 1), 3, 10, 2, True),
    (dt.date(2024, 12, 31), 3, 12, 2, True),  # 2.4 floored to 2
    (dt.date(2025, 12, 31), 3, 15, 3, False),
]


@pytest.mark.parametrize(("ref", "count", "basis", "limit", "exceeded"), TTLDXS_TABLE)
def test_ttldxs_quota(ref, count, basis, limit, exceeded):
    finding = _one("TTLDXS", count, "TTLDTT", basis, ref)

    assert (finding.limit, finding.exceeded) == (limit, exceeded)


def test_a_finding_says_limit_count_citation_and_rounding():
    finding = _one("CSTDCS", 3, "LDTT", 19, dt.date(2023, 12, 31))

    assert finding.count == 3 and finding.basis_count == 19
    assert "Nghị định 91/2017" in finding.citation
    assert finding.rounding == "floor"
    assert "làm tròn xuống" in finding.rounding_note
    assert "2,85" in finding.text and "vượt 1" in finding.text


def test_rounding_is_unsure_only_when_it_changed_the_limit():
    exact = _one("CSTDCS", 3, "LDTT", 20, dt.date(2023, 12, 31))
    rounded = _one("CSTDCS", 2, "LDTT", 19, dt.date(2023, 12, 31))
    raised = _one("TTLDXS", 1, "TTLDTT", 4, dt.date(2024, 10, 1))

    assert not exact.unsure
    assert rounded.unsure
    assert not raised.unsure  # the minimum of 1, not the rounding, set the limit


def test_the_2024_cstdcs_gap_is_marked_unsure():
    finding = _one("CSTDCS", 5, "LDTT", 10, dt.date(2024, 12, 31))

    assert finding.unsure
    assert "không thấy quy định" in finding.text


def test_minimum_cites_the_procuracy_circular():
    finding = _one("TTLDXS", 1, "TTLDTT", 3, dt.date(2024, 10, 1))

    assert "Điều 18 Thông tư 02/2024/TT-VKSTC" in finding.citation
    assert "tối thiểu 1" in finding.text


def test_codes_without_a_quota_are_ignored():
    findings = check_quotas(
        year=2023,
        reference_date=dt.date(2023, 12, 31),
        proposals={"LDTT": 30, "CSTDCS": 2},
        basis={"LDTT": 30},
    )

    assert [f.code for f in findings] == ["CSTDCS"]


def test_missing_basis_is_an_error():
    with pytest.raises(
        ValueError, match=re.escape(MISSING_BASIS.format(basis="LDTT", code="CSTDCS"))
    ):
        check_quotas(
            year=2023, reference_date=dt.date(2023, 12, 31), proposals={"CSTDCS": 1}, basis={}
        )


def test_negative_count_is_an_error():
    with pytest.raises(ValueError, match=re.escape(NEGATIVE_COUNT.format(code="CSTDCS"))):
        check_quotas(
            year=2023,
            reference_date=dt.date(2023, 12, 31),
            proposals={"CSTDCS": -1},
            basis={"LDTT": 5},
        )


def test_a_date_before_the_parameters_is_an_error():
    with pytest.raises(ParameterError):
        check_quotas(
            year=2014,
            reference_date=dt.date(2014, 12, 31),
            proposals={"CSTDCS": 1},
            basis={"LDTT": 5},
        )
