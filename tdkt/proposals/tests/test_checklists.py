"""The dossier checklists kept by the sector officer: pages, services, refusals and scope."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.proposals.models import ChecklistItem
from tdkt.proposals.selectors import checklist_items_for
from tdkt.proposals.services import checklists
from tdkt.proposals.services.dossiers import document_upload
from tdkt.proposals.tests.conftest import pdf

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
LIST = reverse("proposals:checklists")


def _item(code="LDTT", **data) -> ChecklistItem:
    values = {"name": "Bản cam kết", "valid_from": dt.date(2024, 1, 1)} | data
    return checklists.checklist_item_add(
        award_type=AwardType.objects.get(code=code),
        procedure="NORMAL",
        data=checklists.ItemInput(**values),
        reason="Văn bản mới",
    )


def test_the_officer_adds_an_item_and_new_lines_must_file_it(client, users, annual, duc_line):
    client.force_login(users["sector"])
    before = [i.name for i in checklist_items_for(annual, duc_line.award_type)]
    response = client.post(
        reverse("proposals:checklist-item-add", args=["LDTT"]),
        {
            "procedure": "NORMAL",
            "name": "  Bản   cam kết  thực hiện nhiệm vụ ",
            "valid_from": "2024-01-01",
            "valid_to": "",
            "mandatory": "on",
            "citation": "Công văn 15/VKSTC-TĐKT",
            "reason": "Theo hướng dẫn mới",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?code=LDTT"
    item = ChecklistItem.objects.get(name="Bản cam kết thực hiện nhiệm vụ")
    assert item.position == max(
        i.position
        for i in ChecklistItem.objects.filter(award_type__code="LDTT", valid_from=item.valid_from)
    )
    assert item.history.first().history_change_reason == "Theo hướng dẫn mới"
    after = [i.name for i in checklist_items_for(annual, duc_line.award_type)]
    assert after == before + ["Bản cam kết thực hiện nhiệm vụ"]

    page = client.get(LIST, {"code": "LDTT"})
    body = page.content.decode()
    assert "Bản cam kết thực hiện nhiệm vụ" in body
    assert "Công văn 15/VKSTC-TĐKT" in body


def test_an_item_ended_before_the_deadline_leaves_the_checklist(annual, duc_line):
    item = _item()
    assert item in checklist_items_for(annual, duc_line.award_type)
    checklists.checklist_item_update(
        item=item,
        data=checklists.ItemInput(
            name=item.name, valid_from=item.valid_from, valid_to=dt.date(2024, 12, 31)
        ),
        position=item.position,
        expected_version=item.version,
        reason="Bãi bỏ",
    )
    assert item not in checklist_items_for(annual, duc_line.award_type)
    # the day filter of the page shows what applied on a day
    assert item.version == 2


@pytest.mark.parametrize(
    "changes, field, words",
    [
        ({"name": "   "}, "name", "Hãy ghi tên thành phần hồ sơ."),
        ({"valid_to": dt.date(2023, 12, 31)}, "valid_to", "không thể trước ngày bắt đầu"),
        ({"valid_from": dt.date(1800, 1, 1)}, "valid_from", "01/01/1900"),
        ({"name": "bản CAM kết"}, "name", "đã có trong danh mục của LDTT"),
    ],
)
def test_bad_items_are_refused_with_a_message(changes, field, words):
    _item()
    values = {"name": "Tài liệu khác", "valid_from": dt.date(2024, 1, 1)} | changes
    with pytest.raises(DomainError, match=words) as refused:
        _item(**values)
    assert refused.value.field == field


def test_a_stale_edit_and_a_stale_delete_are_refused(client, users):
    item = _item()
    opened = item.version
    checklists.checklist_item_update(
        item=item,
        data=checklists.ItemInput(name="Bản cam kết (mẫu 01)", valid_from=item.valid_from),
        position=1,
        expected_version=opened,
        reason="Sửa tên",
    )
    client.force_login(users["sector"])
    edit = reverse("proposals:checklist-item-edit", args=[item.pk])
    response = client.post(
        edit,
        {
            "name": "Tên khác",
            "valid_from": "2024-01-01",
            "position": "1",
            "version": str(opened),
            "reason": "Sửa lại",
        },
    )
    assert response.status_code == 200
    assert "đã được người khác sửa hoặc xóa" in response.content.decode()
    item.refresh_from_db()
    assert item.name == "Bản cam kết (mẫu 01)"
    with pytest.raises(StaleEditError):
        checklists.checklist_item_delete(item=item, expected_version=opened)
    response = client.post(
        reverse("proposals:checklist-item-delete", args=[item.pk]), {"version": "x"}
    )
    assert "đã được người khác sửa hoặc xóa" in response.content.decode()
    assert ChecklistItem.objects.filter(pk=item.pk).exists()


def test_an_item_with_documents_is_ended_not_deleted(client, users, annual, duc_line):
    item = _item()
    document_upload(line=duc_line, item=item, upload=pdf(), user=users["hanoi_officer"])
    client.force_login(users["sector"])
    url = reverse("proposals:checklist-item-delete", args=[item.pk])
    response = client.post(url, {"version": item.version})
    assert response.status_code == 200
    assert "Đã có 1 tài liệu nộp theo thành phần này" in response.content.decode()
    assert ChecklistItem.objects.filter(pk=item.pk).exists()

    unused = _item(name="Thành phần ghi nhầm")
    response = client.post(
        reverse("proposals:checklist-item-delete", args=[unused.pk]), {"version": unused.version}
    )
    assert response.status_code == 302
    assert not ChecklistItem.objects.filter(pk=unused.pk).exists()


def test_only_the_sector_officer_writes_and_roleless_users_see_nothing(client, users):
    item = _item()
    writing = [
        reverse("proposals:checklist-item-add", args=["LDTT"]),
        reverse("proposals:checklist-item-edit", args=[item.pk]),
        reverse("proposals:checklist-item-delete", args=[item.pk]),
    ]
    client.force_login(users["hanoi_officer"])
    page = client.get(LIST, {"code": "LDTT"})
    assert page.status_code == 200
    assert "Bản cam kết" in page.content.decode()
    assert reverse("proposals:checklist-item-edit", args=[item.pk]) not in page.content.decode()
    for url in writing:
        assert client.get(url).status_code == 404
        assert client.post(url, {"version": 1}).status_code == 404
    client.force_login(users["no_role"])
    assert client.get(LIST).status_code == 404
    client.force_login(users["sector"])
    assert client.get(reverse("proposals:checklist-item-add", args=["KHONG_CO"])).status_code == 404
    assert client.get(reverse("proposals:checklist-item-edit", args=[99999])).status_code == 404


def test_bad_filters_fall_back_and_the_day_filter_keeps_items_in_force(client, users):
    _item(name="Chỉ năm 2024", valid_to=dt.date(2024, 12, 31))
    client.force_login(users["sector"])
    for query in ({"code": "KHONG_CO"}, {"day": "31/02/2024"}, {"code": "LDTT", "day": "x"}):
        assert client.get(LIST, query).status_code == 200
    in_2024 = client.get(LIST, {"code": "LDTT", "day": "2024-06-01"}).content.decode()
    in_2025 = client.get(LIST, {"code": "LDTT", "day": "2025-06-01"}).content.decode()
    assert "Chỉ năm 2024" in in_2024 and "Chỉ năm 2024" not in in_2025


def test_the_list_runs_a_fixed_number_of_queries(
    client, users, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(users["sector"])
    client.get(LIST, {"code": "CSTDCS"})
    with django_assert_max_num_queries(50) as few:
        client.get(LIST, {"code": "CSTDCS"})
    for index in range(15):
        _item(code="CSTDCS", name=f"Thành phần {index}")
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(LIST, {"code": "CSTDCS"})


def test_the_history_names_each_change_and_keeps_deleted_items(client, users):
    item = _item()
    checklists.checklist_item_update(
        item=item,
        data=checklists.ItemInput(name=item.name, valid_from=item.valid_from, mandatory=False),
        position=item.position,
        expected_version=item.version,
        reason="Không bắt buộc nữa",
        user=users["sector"],
    )
    mistaken = _item(name="Ghi nhầm")
    checklists.checklist_item_delete(item=mistaken, expected_version=mistaken.version)
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("proposals:checklist-history", args=["LDTT"]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Không bắt buộc nữa" in body and "Văn bản mới" in body
    assert "Bản cam kết (Thủ tục thông thường)" in body
    assert "Ghi nhầm (Thủ tục thông thường)" in body and "Xóa thành phần hồ sơ" in body
    assert "phiên bản" not in body.lower()
    assert "<strong>bắt buộc</strong>: Có → Không" in body
    client.force_login(users["no_role"])
    assert client.get(reverse("proposals:checklist-history", args=["LDTT"])).status_code == 404
