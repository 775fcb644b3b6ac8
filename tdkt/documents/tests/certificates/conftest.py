"""A decision of the sector with three recipients (two persons in Hà Nội, one unit in Phú
Thọ) and a decision of Hà Nội with one, for the certificate tests."""

import datetime as dt
import subprocess

import pytest

from tdkt.awards.models import Award, Decision
from tdkt.awards.services import award_record
from tdkt.catalog.models import AwardType

DECIDED = dt.date(2025, 12, 15)


def make_decision(issuer, number="123/QĐ-VKSTC", **fields) -> Decision:
    values = {
        "number": number,
        "signed_on": DECIDED,
        "signer": "Nguyễn Văn Ký",
        "signer_title": "Viện trưởng",
        "authority": "Viện trưởng VKSND tối cao",
        "issuer_unit": issuer,
        "summary": "Tặng Bằng khen năm 2025",
        **fields,
    }
    return Decision.objects.create(**values)


def grant(
    decision: Decision, code: str = "BK_NGANH", *, person=None, unit=None, year=2025
) -> Award:
    """An award of ``decision`` entered through the register's service, then tied to it."""
    award = award_record(
        award_type=AwardType.objects.get(code=code),
        year=year,
        decision_number=decision.number,
        decision_date=decision.signed_on,
        person=person,
        unit=unit,
        signer=decision.signer,
        authority=decision.authority,
        reason="Quyết định khen thưởng",
    )
    Award.objects.filter(pk=award.pk).update(decision=decision)
    award.decision = decision
    return award


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TDKT_SITE_URL = "https://tdkt.example.vn"


@pytest.fixture
def decision(org, people):
    decision = make_decision(org.root)
    decision.granted = [
        grant(decision, person=people["duc"]),
        grant(decision, person=people["hanoi_division"]),
        grant(decision, unit=org.area_phu_tho_1),
    ]
    return decision


@pytest.fixture
def hanoi_decision(org, people):
    decision = make_decision(
        org.hanoi, number="45/QĐ-VKS-HN", authority="Viện trưởng VKSND thành phố Hà Nội"
    )
    decision.granted = [grant(decision, "GK", person=people["duc"])]
    return decision


def pdf_text(content: bytes, *options: str) -> str:
    done = subprocess.run(
        ["pdftotext", *options, "-", "-"], input=content, capture_output=True, check=True
    )
    return done.stdout.decode()
