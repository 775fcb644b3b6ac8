"""Field positions: defaults fit every paper, the seeded forms are the defaults, and a field
outside the sheet or with an implausible size is named in the message."""

import importlib

import pytest

from tdkt.documents.certificates.layout import (
    BAD_FONT,
    BAD_QR,
    FIELDS,
    NOTHING_ENABLED,
    PAPERS,
    check_positions,
    seed_positions,
)
from tdkt.documents.certificates.models import CertificateForm


@pytest.mark.parametrize("paper", list(PAPERS))
def test_the_default_positions_print_inside_every_paper(paper):
    assert check_positions(paper, seed_positions(paper)) == []


def test_the_migration_seeds_the_default_positions():
    seeds = importlib.import_module("tdkt.documents.migrations.0004_seed_certificate_forms")

    assert seed_positions("A3_LANDSCAPE") == seeds.BK_POSITIONS
    assert seed_positions("A4_LANDSCAPE") == seeds.GK_POSITIONS


@pytest.mark.django_db
def test_two_forms_are_seeded_for_the_sector_and_unit_certificates():
    forms = {form.name: form for form in CertificateForm.objects.all()}

    assert forms["Bằng khen của Viện trưởng VKSNDTC"].codes == ["BK_NGANH"]
    assert forms["Bằng khen của Viện trưởng VKSNDTC"].paper == "A3_LANDSCAPE"
    assert forms["Giấy khen"].codes == ["GK"]
    assert forms["Giấy khen"].paper == "A4_LANDSCAPE"


def test_a_field_beyond_the_right_edge_is_named():
    positions = seed_positions("A4_LANDSCAPE")
    positions["signer"]["x"] = 250  # 250 + 86 mm > 297 mm

    problems = check_positions("A4_LANDSCAPE", positions)

    assert [key for key, _message in problems] == ["signer"]
    assert str(FIELDS["signer"]) in problems[0][1] and "297 × 210" in problems[0][1]


def test_a_field_below_the_bottom_is_refused_but_a_disabled_one_is_not_checked():
    positions = seed_positions("A4_PORTRAIT")
    positions["serial"]["y"] = 296
    assert [key for key, _m in check_positions("A4_PORTRAIT", positions)] == ["serial"]

    positions["serial"]["enabled"] = False
    assert check_positions("A4_PORTRAIT", positions) == []


def test_font_and_qr_sizes_are_bounded():
    positions = seed_positions("A4_LANDSCAPE")
    positions["recipient"]["size"] = 80
    positions["qr"]["width"] = 8

    messages = [message for _key, message in check_positions("A4_LANDSCAPE", positions)]

    assert BAD_FONT.format(field=FIELDS["recipient"], low=6, high=48) in messages
    assert BAD_QR.format(low=12, high=60) in messages


def test_a_form_printing_nothing_is_refused():
    positions = {
        key: {**spot, "enabled": False} for key, spot in seed_positions("A3_LANDSCAPE").items()
    }

    assert check_positions("A3_LANDSCAPE", positions) == [("", NOTHING_ENABLED)]
