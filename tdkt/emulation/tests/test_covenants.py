"""Covenants: targets until the first signature, one signature per member, the Word file."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document

from tdkt.core.errors import DomainError
from tdkt.emulation.models import CovenantSignature
from tdkt.emulation.services import covenants as services
from tdkt.emulation.services.covenants import TargetInput

pytestmark = pytest.mark.django_db

TARGETS = [
    TargetInput("Tỷ lệ giải quyết tố giác, tin báo về tội phạm", Decimal("90"), "%"),
    TargetInput("Không để xảy ra oan, sai"),
]


def test_targets_are_saved_and_then_locked_by_the_first_signature(org, users, clusters):
    cluster = clusters["sector"]
    covenant = services.covenant_save(cluster=cluster, targets=TARGETS, preamble="Chung sức")
    assert [t.text for t in covenant.targets.all()] == [t.text for t in TARGETS]
    services.covenant_save(cluster=cluster, targets=TARGETS[:1], expected_version=covenant.version)
    assert covenant.targets.count() == 1
    services.covenant_sign(covenant=covenant, unit=org.phu_tho, user=users["phu_tho_officer"])
    with pytest.raises(DomainError) as info:
        services.covenant_save(cluster=cluster, targets=TARGETS)
    assert info.value.message == services.ALREADY_SIGNED_EDIT
    assert covenant.targets.count() == 1


def test_bad_targets_are_refused(clusters):
    cluster = clusters["sector"]
    for targets, message in (
        ([], services.TARGETS_REQUIRED),
        ([TargetInput("", Decimal("5"), "%")], services.TARGET_TEXT_REQUIRED),
        ([TargetInput("A", None, "%")], services.MEASURE_WITHOUT_VALUE),
        ([TargetInput("A", Decimal("-1"))], services.NEGATIVE_VALUE),
    ):
        with pytest.raises(DomainError) as info:
            services.covenant_save(cluster=cluster, targets=targets)
        assert info.value.message == message


def test_stale_covenant_edit_is_refused(clusters):
    cluster = clusters["sector"]
    covenant = services.covenant_save(cluster=cluster, targets=TARGETS)
    services.covenant_save(cluster=cluster, targets=TARGETS[:1], expected_version=1)
    with pytest.raises(DomainError) as info:
        services.covenant_save(cluster=cluster, targets=TARGETS, expected_version=1)
    assert info.value.code == "stale"
    assert covenant.targets.count() == 1


def test_each_member_signs_once_and_only_for_itself(org, users, clusters):
    covenant = services.covenant_save(cluster=clusters["sector"], targets=TARGETS)
    with pytest.raises(DomainError):  # not the Phú Thọ officer's unit
        services.covenant_sign(covenant=covenant, unit=org.hanoi, user=users["phu_tho_officer"])
    with pytest.raises(DomainError):  # not a member
        services.covenant_sign(covenant=covenant, unit=org.area_hanoi_1, user=users["sector"])
    services.covenant_sign(covenant=covenant, unit=org.hanoi, user=users["hanoi_officer"])
    with pytest.raises(DomainError) as info:
        services.covenant_sign(covenant=covenant, unit=org.hanoi, user=users["sector"])
    assert "đã ký giao ước lúc" in info.value.message
    # the organiser's officer records a paper signature for another member
    services.covenant_sign(covenant=covenant, unit=org.office, user=users["sector"])
    assert CovenantSignature.objects.filter(covenant=covenant).count() == 2


def test_only_organiser_or_head_writes_the_covenant(users, clusters):
    with pytest.raises(DomainError) as info:
        services.covenant_save(
            cluster=clusters["sector"], targets=TARGETS, user=users["phu_tho_officer"]
        )
    assert info.value.message == services.NOT_ALLOWED_EDIT
    # Hà Nội heads Cụm 1: its officer may write the covenant
    assert services.covenant_save(
        cluster=clusters["sector"], targets=TARGETS, user=users["hanoi_officer"]
    )


def test_covenant_pages_edit_sign_and_download(client, org, users, clusters):
    cluster = clusters["sector"]
    client.force_login(users["hanoi_officer"])
    edit = reverse("emulation:covenant-edit", kwargs={"pk": cluster.pk})
    form = {
        "version": "", "preamble": "Các đơn vị cam kết", "place": "Hà Nội",
        "targets-TOTAL_FORMS": "3", "targets-INITIAL_FORMS": "0",
        "targets-MIN_NUM_FORMS": "0", "targets-MAX_NUM_FORMS": "40",
        "targets-0-text": "Tỷ lệ giải quyết án", "targets-0-value": "95.5",
        "targets-0-measure": "%", "targets-1-text": "", "targets-2-text": "Không có oan sai",
    }  # fmt: skip
    response = client.post(edit, form)
    assert response.status_code == 302, response.content.decode()
    assert [t.text for t in cluster.covenant.targets.all()] == [
        "Tỷ lệ giải quyết án", "Không có oan sai",
    ]  # fmt: skip
    bad = client.post(edit, {**form, "version": "1", "targets-0-value": "abc"})
    assert bad.status_code == 200 and "Tỷ lệ giải quyết án" in bad.content.decode()
    page = client.get(reverse("emulation:covenant", kwargs={"pk": cluster.pk})).content.decode()
    assert "95,5 %" in page
    sign = reverse("emulation:covenant-sign", kwargs={"pk": cluster.pk})
    assert client.post(sign, {"unit": org.hanoi.pk}).status_code == 302
    assert client.post(sign, {"unit": org.phu_tho.pk}).status_code == 302  # refused, message
    assert list(CovenantSignature.objects.values_list("unit", flat=True)) == [org.hanoi.pk]
    assert client.get(edit).status_code == 302  # locked: back to the covenant
    response = client.get(reverse("emulation:covenant-docx", kwargs={"pk": cluster.pk}))
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    assert "Cụm 1" in text and "GIAO ƯỚC THI ĐUA NĂM 2026" in text
    assert "Tỷ lệ giải quyết án" in cells and "95,5 %" in cells and "Không có oan sai" in cells
    assert "VKSND thành phố Hà Nội" in cells and "tdkt.hanoi" in cells
    assert "VKSND tỉnh Phú Thọ" not in cells
    assert "Đã có 1/3 đơn vị thành viên ký." in text
    assert not any("{%" in c or "{{" in c for c in cells)


def test_covenant_routes_out_of_scope_answer_404(client, org, users, clusters):
    block = clusters["hanoi_block"]
    services.covenant_save(cluster=block, targets=TARGETS)
    client.force_login(users["phu_tho_officer"])
    for name in ("covenant", "covenant-edit", "covenant-docx"):
        assert client.get(reverse(f"emulation:{name}", kwargs={"pk": block.pk})).status_code == 404
    sign = reverse("emulation:covenant-sign", kwargs={"pk": block.pk})
    assert client.post(sign, {"unit": org.hanoi_division.pk}).status_code == 404
    assert not CovenantSignature.objects.exists()
