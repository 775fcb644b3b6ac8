"""Self-scoring: ranges, deadlines, submission, evidence checked by content."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tdkt.core.errors import DomainError, StaleEditError
from tdkt.core.uploads import FILE_TYPE_REFUSED
from tdkt.scoring.models import CriterionKind, ScorecardStatus
from tdkt.scoring.services import cards
from tdkt.scoring.services.evidence import MAX_EVIDENCE_BYTES
from tdkt.scoring.tests.builders import make_table, score_all

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _start(cluster, unit, user):
    return cards.scorecard_start(cluster=cluster, unit=unit, user=user)


def _criterion(card, kind=CriterionKind.STANDARD):
    return card.table.criteria.filter(kind=kind).first()


def test_scorecard_uses_the_table_in_force_and_keeps_it(org, cluster, users, table):
    card = _start(cluster, org.hanoi, users["hanoi_officer"])
    assert card.table == table
    newer = make_table(year_from=2026)
    card.refresh_from_db()
    assert card.table == table and newer != table


def test_start_refuses_non_members_other_units_and_missing_tables(org, cluster, users):
    with pytest.raises(DomainError) as caught:
        _start(cluster, org.hanoi, users["phu_tho_officer"])
    assert caught.value.code == "not_allowed"
    with pytest.raises(DomainError) as caught:
        _start(cluster, org.office, users["sector"])
    assert caught.value.code == "member"
    cluster.year = 2023
    cluster.save()
    with pytest.raises(DomainError) as caught:
        _start(cluster, org.hanoi, users["hanoi_officer"])
    assert caught.value.code == "no_table"


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (CriterionKind.STANDARD, Decimal("10.5"), cards.ABOVE_MAXIMUM),
        (CriterionKind.STANDARD, Decimal("-1"), cards.NEGATIVE_POINTS),
        (CriterionKind.BONUS, Decimal("-0.5"), cards.NEGATIVE_POINTS),
        (CriterionKind.BONUS, Decimal("2.5"), cards.ABOVE_MAXIMUM),
        (CriterionKind.DEDUCTION, Decimal("1"), cards.DEDUCTION_POSITIVE),
        (CriterionKind.DEDUCTION, Decimal("-3.5"), cards.DEDUCTION_TOO_LOW),
    ],
)
def test_points_out_of_range_are_refused_and_nothing_is_saved(
    org, cluster, users, kind, value, message
):
    user = users["hanoi_officer"]
    card = _start(cluster, org.hanoi, user)
    good = _criterion(card)
    bad = _criterion(card, kind)
    points = {good.pk: Decimal("7"), bad.pk: value} if bad != good else {bad.pk: value}
    with pytest.raises(DomainError) as caught:
        cards.scorecard_save(
            scorecard=card, expected_version=card.version, user=user, points=points
        )
    names = {"code": bad.code, "points": value, "max": bad.max_points}
    assert caught.value.message == message % names
    assert not card.entries.exists()


def test_deduction_accepts_negative_points(org, cluster, users):
    user = users["hanoi_officer"]
    card = score_all(_start(cluster, org.hanoi, user), user, deduction=Decimal("2.5"))
    entry = card.entries.get(criterion__kind=CriterionKind.DEDUCTION)
    assert entry.points == Decimal("-2.5")


def test_edits_after_the_deadline_are_refused(org, cluster, users):
    user = users["hanoi_officer"]
    card = _start(cluster, org.hanoi, user)
    cards.calendar_set(
        organiser=org.root, year=2026, deadline=dt.date(2026, 12, 10), user=users["sector"],
        expected_version=None,
    )  # fmt: skip
    points = {_criterion(card).pk: Decimal("5")}
    cards.scorecard_save(
        scorecard=card, expected_version=card.version, user=user, points=points,
        today=dt.date(2026, 12, 10),
    )  # fmt: skip
    with pytest.raises(DomainError) as caught:
        cards.scorecard_save(
            scorecard=card, expected_version=card.version, user=user, points=points,
            today=dt.date(2026, 12, 11),
        )  # fmt: skip
    assert caught.value.code == "deadline" and "10/12/2026" in caught.value.message


def test_only_the_organiser_or_sector_sets_the_deadline(org, cluster, users):
    with pytest.raises(DomainError):
        cards.calendar_set(
            organiser=org.root, year=2026, deadline=dt.date(2026, 12, 10),
            user=users["hanoi_officer"], expected_version=None,
        )  # fmt: skip
    with pytest.raises(DomainError) as caught:
        cards.calendar_set(
            organiser=org.root, year=2026, deadline=dt.date(2030, 1, 1), user=users["sector"],
            expected_version=None,
        )  # fmt: skip
    assert caught.value.message == cards.DEADLINE_IMPLAUSIBLE


def test_submit_needs_every_standard_criterion_and_required_evidence(org, cluster, users):
    table = make_table(year_from=2026, evidence_on_first=True)
    user = users["hanoi_officer"]
    card = _start(cluster, org.hanoi, user)
    assert card.table == table
    with pytest.raises(DomainError) as caught:
        cards.scorecard_submit(scorecard=card, expected_version=card.version, user=user)
    assert caught.value.code == "unscored"
    card = score_all(card, user)
    with pytest.raises(DomainError) as caught:
        cards.scorecard_submit(scorecard=card, expected_version=card.version, user=user)
    assert caught.value.code == "evidence" and "1" in caught.value.message
    upload = SimpleUploadedFile("bao-cao.pdf", PDF)
    evidence = cards.evidence_add(
        scorecard=card, criterion=table.criteria.get(code="1"), upload=upload, user=user
    )
    assert evidence.content_type == "application/pdf" and evidence.file.name.endswith(".pdf")
    card.refresh_from_db()
    cards.scorecard_submit(scorecard=card, expected_version=card.version, user=user)
    assert card.status == ScorecardStatus.SUBMITTED


def test_submitted_scorecard_cannot_change(org, cluster, users):
    user = users["hanoi_officer"]
    card = score_all(_start(cluster, org.hanoi, user), user)
    cards.scorecard_submit(scorecard=card, expected_version=card.version, user=user)
    with pytest.raises(DomainError) as caught:
        score_all(card, user, value=Decimal("9"))
    assert caught.value.code == "submitted"
    with pytest.raises(DomainError):
        cards.evidence_add(
            scorecard=card, criterion=_criterion(card),
            upload=SimpleUploadedFile("a.pdf", PDF), user=user,
        )  # fmt: skip
    assert set(card.entries.values_list("points", flat=True)) == {Decimal("8"), Decimal("0")}


def test_stale_self_scoring_is_refused(org, cluster, users):
    user = users["hanoi_officer"]
    card = _start(cluster, org.hanoi, user)
    opened = card.version
    criterion = _criterion(card)
    cards.scorecard_save(
        scorecard=card, expected_version=opened, user=user, points={criterion.pk: Decimal("6")}
    )
    with pytest.raises(StaleEditError):
        cards.scorecard_save(
            scorecard=card, expected_version=opened, user=user, points={criterion.pk: Decimal("9")}
        )
    assert card.entries.get().points == Decimal("6")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bao-cao.pdf", b"MZ\x90\x00 this is an executable"),
        ("anh.png", b"GIF89a....."),
        ("bang.xlsx", b"PK\x03\x04not really a zip"),
    ],
)
def test_evidence_type_is_read_from_content_not_name(org, cluster, users, name, content):
    user = users["hanoi_officer"]
    card = _start(cluster, org.hanoi, user)
    with pytest.raises(DomainError) as caught:
        cards.evidence_add(
            scorecard=card, criterion=_criterion(card),
            upload=SimpleUploadedFile(name, content), user=user,
        )  # fmt: skip
    assert caught.value.message == FILE_TYPE_REFUSED % {"name": name}
    assert not card.evidence.exists()


def test_real_office_files_and_images_are_accepted(org, cluster, users, tmp_path):
    from docx import Document
    from openpyxl import Workbook

    user = users["hanoi_officer"]
    card = _start(cluster, org.hanoi, user)
    Document().save(tmp_path / "a.docx")
    Workbook().save(tmp_path / "b.xlsx")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
    files = {
        "bien-ban.docx": (tmp_path / "a.docx").read_bytes(),
        "so-lieu.xlsx": (tmp_path / "b.xlsx").read_bytes(),
        "anh.jpg.png": png,
        "scan.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 20,
    }
    for name, content in files.items():
        cards.evidence_add(
            scorecard=card, criterion=_criterion(card),
            upload=SimpleUploadedFile(name, content), user=user,
        )  # fmt: skip
    office = "application/vnd.openxmlformats-officedocument"
    assert set(card.evidence.values_list("content_type", flat=True)) == {
        f"{office}.wordprocessingml.document",
        f"{office}.spreadsheetml.sheet",
        "image/png",
        "image/jpeg",
    }


def test_evidence_too_large_is_refused(org, cluster, users):
    user = users["hanoi_officer"]
    card = _start(cluster, org.hanoi, user)
    upload = SimpleUploadedFile("lon.pdf", PDF + b"0" * MAX_EVIDENCE_BYTES)
    with pytest.raises(DomainError) as caught:
        cards.evidence_add(scorecard=card, criterion=_criterion(card), upload=upload, user=user)
    assert caught.value.code == "too_large"


def test_a_cluster_with_scorecards_cannot_be_deleted(org, cluster, users):
    from tdkt.emulation.services.clusters import IN_USE_DELETE, cluster_delete

    _start(cluster, org.hanoi, users["hanoi_officer"])
    with pytest.raises(DomainError) as caught:
        cluster_delete(cluster=cluster, user=users["sector"])
    assert caught.value.message == IN_USE_DELETE
