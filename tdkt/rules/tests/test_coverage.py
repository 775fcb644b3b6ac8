"""Which legal period answers a question: dates outside the rules' coverage and unknown codes
are explicit errors, never a silent "not eligible"; and the procedure notes follow the texts in
force on each side of a boundary the rule versions themselves do not show."""

import datetime as dt

import pytest

from tdkt.rules.engine import OUT_OF_COVERAGE, UNKNOWN_CODE, EvaluationError, evaluate
from tdkt.rules.facts import AwardFact, InitiativeFact, PersonHistory
from tdkt.rules.registry import versions_of

HIGHER_AWARDS = ("CSTD_NGANH", "CSTD_TQ", "BK_NGANH", "BK_TTG", "HCLD3", "KNC_VSNKS")


def _person(**facts) -> PersonHistory:
    return PersonHistory(id="p", name="", recruitment_date=dt.date(2005, 1, 1), **facts)


@pytest.mark.parametrize(
    ("code", "first"),
    [("BK_NGANH", dt.date(2024, 1, 1)), ("HCLD3", dt.date(2024, 1, 1))],
)
def test_year_before_coverage_names_the_reference_date(code, first):
    # given a code whose rules start on 1/1/2024, when asked for 2023 (31/12/2023)
    with pytest.raises(EvaluationError) as caught:
        evaluate(_person(), code, 2023)
    # then the error names the reference date and the first day covered
    assert caught.value.field == "reference_date"
    expected = OUT_OF_COVERAGE.format(code=code, day=dt.date(2023, 12, 31), first=first)
    assert caught.value.message == expected


def test_medal_before_coverage_names_the_reference_date():
    with pytest.raises(EvaluationError) as caught:
        evaluate(_person(), "KNC_VSNKS", 2014)
    assert caught.value.field == "reference_date"


def test_unknown_code_names_the_code():
    with pytest.raises(EvaluationError) as caught:
        evaluate(_person(), "BK_KHONG_CO", 2024)
    assert caught.value.field == "code"
    assert caught.value.message == UNKNOWN_CODE.format(code="BK_KHONG_CO")


@pytest.mark.parametrize("code", HIGHER_AWARDS)
def test_every_version_has_its_text_and_basis(code):
    # the docstring is the rule's text shown to users
    for version in versions_of(code):
        assert version.text and version.basis and version.title


def _fighter_2022_2024() -> PersonHistory:
    return _person(
        ratings={2022: "HTXSNV", 2023: "HTXSNV", 2024: "HTXSNV"},
        awards=tuple(AwardFact("CSTDCS", y) for y in (2022, 2023, 2024)),
        initiatives=(InitiativeFact("sk", "SK", 2023, dt.date(2023, 5, 1), "NGANH"),),
    )


def _procedure(verdict, key):
    return next(c for c in verdict.procedure if c.key == key)


def test_sector_vote_share_is_sure_until_30_9_2024_and_unsure_from_1_10_2024():
    before = evaluate(_fighter_2022_2024(), "CSTD_NGANH", 2024, dt.date(2024, 9, 30))
    after = evaluate(_fighter_2022_2024(), "CSTD_NGANH", 2024, dt.date(2024, 10, 1))
    assert before.rule_id == after.rule_id
    assert "01/2019" in _procedure(before, "vote").citation
    assert not _procedure(before, "sector_text").unsure
    assert _procedure(after, "sector_text").unsure
    assert any(c.key == "param:cstd_nganh.vote_share" for c in after.procedure)
    assert not any(c.key == "param:cstd_nganh.vote_share" for c in before.procedure)


def _two_sector_fighter() -> PersonHistory:
    years = range(2019, 2025)
    return _person(
        ratings={2025: "HTXSNV"},
        awards=tuple(AwardFact("CSTDCS", y) for y in years)
        + (AwardFact("CSTD_NGANH", 2021), AwardFact("CSTD_NGANH", 2024)),
        initiatives=(InitiativeFact("sk", "SK", 2023, dt.date(2023, 5, 1), "TOAN_QUOC"),),
    )


def test_public_consultation_follows_decree_98_until_30_6_2025_then_decree_152():
    before = evaluate(_two_sector_fighter(), "CSTD_TQ", 2025, dt.date(2025, 6, 30))
    after = evaluate(_two_sector_fighter(), "CSTD_TQ", 2025, dt.date(2025, 7, 1))
    assert "98/2023" in _procedure(before, "public_consultation").citation
    assert "152/2025" in _procedure(after, "public_consultation").citation


def test_no_public_consultation_note_under_decree_91():
    verdict = evaluate(_two_sector_fighter(), "CSTD_TQ", 2023, dt.date(2023, 12, 31))
    assert not any(c.key == "public_consultation" for c in verdict.procedure)
