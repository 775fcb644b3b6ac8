"""Catalog pages: award types (codes never change) and legal documents with their periods."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.catalog import services
from tdkt.catalog.models import AwardType, LegalDocument
from tdkt.core.errors import DomainError, StaleEditError


@pytest.mark.django_db
def test_seeded_documents_follow_the_digest_timeline():
    law = LegalDocument.objects.get(number="06/2022/QH15")
    old = LegalDocument.objects.get(number="15/2003/QH11")
    assert old.replaced_by == law and old.effective_to == dt.date(2023, 12, 31)
    tt = LegalDocument.objects.get(number="02/2024/TT-VKSTC")
    assert tt.in_force_on(dt.date(2024, 10, 1)) and not tt.in_force_on(dt.date(2024, 9, 30))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("catalog:award-types", {}),
        ("catalog:documents", {}),
        ("catalog:award-type-edit", {"code": "LDTT"}),
        ("catalog:document-create", {}),
    ],
)
def test_catalog_permission_matrix(client, users, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    assert client.get(url).status_code == 302
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404
    client.force_login(users["hanoi_officer"])
    assert client.get(url).status_code == (404 if "edit" in name or "create" in name else 200)
    client.force_login(users["sector"])
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_sector_officer_renames_an_award_type_but_not_its_code(client, users):
    client.force_login(users["sector"])
    award_type = AwardType.objects.get(code="GK")
    data = {
        "version": award_type.version, "name": "Giấy khen của Thủ trưởng đơn vị",
        "authority": "Thủ trưởng đơn vị", "sort_order": 90, "reason": "Chuẩn hóa tên",
        "code": "KHAC",
    }  # fmt: skip
    url = reverse("catalog:award-type-edit", kwargs={"code": "GK"})
    assert client.post(url, data).status_code == 302
    award_type.refresh_from_db()
    assert award_type.code == "GK" and award_type.name == "Giấy khen của Thủ trưởng đơn vị"
    assert award_type.history.latest().history_change_reason == "Chuẩn hóa tên"
    stale = client.post(url, {**data, "name": "Khác"})
    assert "đã được người khác sửa" in stale.content.decode()


@pytest.mark.django_db
def test_document_validation_and_stale_edits():
    with pytest.raises(DomainError) as error:
        services.legal_document_save(
            document=None, expected_version=None, reason="Thêm", number="06/2022/QH15",
            kind="LAW", title="x", issuer="x", effective_from=dt.date(2024, 1, 1),
        )  # fmt: skip
    assert error.value.message == services.NUMBER_TAKEN
    with pytest.raises(DomainError) as error:
        services.legal_document_save(
            document=None, expected_version=None, reason="Thêm", number="1/2026/TT-X",
            kind="CIRCULAR", title="x", issuer="x", effective_from=dt.date(2026, 1, 1),
            effective_to=dt.date(2025, 1, 1),
        )  # fmt: skip
    assert error.value.field == "effective_to"
    document = LegalDocument.objects.get(number="01/2024/TT-BNV")
    version = document.version
    services.legal_document_save(
        document=document, expected_version=version, reason="Bổ sung", note="Đã đối chiếu"
    )
    with pytest.raises(StaleEditError):
        services.legal_document_save(
            document=LegalDocument.objects.get(pk=document.pk),
            expected_version=version,
            reason="Cũ",
            note="x",
        )


@pytest.mark.django_db
def test_documents_page_marks_what_is_in_force_on_a_day(client, users):
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("catalog:documents"), {"day": "2024-09-30"}).content.decode()
    assert "01/2019/TT-VKSTC" in page and "Còn hiệu lực" in page
    assert client.get(reverse("catalog:documents"), {"day": "khong"}).status_code == 200


@pytest.mark.django_db
def test_create_a_document_from_the_page(client, users):
    client.force_login(users["sector"])
    data = {
        "number": "09/HD-VKSTC", "kind": "GUIDANCE", "title": "Hướng dẫn cụm, khối thi đua 2024",
        "issuer": "VKSND tối cao", "effective_from": "2024-03-01", "reason": "Bổ sung",
    }  # fmt: skip
    assert client.post(reverse("catalog:document-create"), data).status_code == 302
    assert LegalDocument.objects.filter(number="09/HD-VKSTC").exists()
