"""The whole meeting through the pages: council, members, meeting, agenda, attendance,
ballots, written ballot, tally, minutes; refusals shown as Vietnamese messages."""

import io

import pytest
from django.urls import reverse

from tdkt.council.models import Council, Meeting, MeetingStatus, MemberRole
from tdkt.proposals.models import LineStatus

pytestmark = pytest.mark.django_db


def test_officer_creates_council_and_members(client, users, org, seats):
    client.force_login(users["sector"])
    response = client.post(
        reverse("council:council-create"),
        {"unit": org.root.pk, "name": "Hội đồng TĐKT ngành", "valid_from": "2025-01-01"},
    )
    council = Council.objects.get(name="Hội đồng TĐKT ngành")
    assert response.status_code == 302
    url = reverse("council:council-detail", args=[council.pk])
    client.post(url, {"user": seats["chu.tich"].pk, "role": MemberRole.CHAIR})
    response = client.post(url, {"user": seats["pho.chu.tich"].pk, "role": MemberRole.CHAIR})
    assert "mỗi hội đồng chỉ có một Chủ tịch" in response.content.decode()
    assert council.members.count() == 1


def test_bad_period_is_a_form_error(client, users, org):
    client.force_login(users["hanoi_officer"])
    response = client.post(
        reverse("council:council-create"),
        {"unit": org.hanoi.pk, "name": "HĐ", "valid_from": "2026-01-01", "valid_to": "2025-01-01"},
    )
    assert response.status_code == 200
    assert "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực." in response.content.decode()


def test_stale_council_edit_is_refused(client, council, users):
    client.force_login(users["sector"])
    url = reverse("council:council-edit", args=[council.pk])
    data = {"name": "A", "valid_from": "2025-01-01", "version": council.version}
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "name": "B"})
    assert "người khác sửa" in response.content.decode()
    council.refresh_from_db()
    assert council.name == "A"


def test_meeting_flow(client, council, lines, users, seats):
    client.force_login(users["sector"])
    client.post(
        reverse("council:meeting-create", args=[council.pk]),
        {"date": "2026-12-15", "place": "Phòng họp 1"},
    )
    meeting = Meeting.objects.get(council=council)
    page = client.get(reverse("council:agenda-pick", args=[meeting.pk])).content.decode()
    assert all(line.person.full_name in page for line in lines)
    client.post(reverse("council:agenda-pick", args=[meeting.pk]), {"line": [l.pk for l in lines]})  # noqa: E741
    assert meeting.items.count() == 3
    voters = council.members.exclude(role=MemberRole.SECRETARY).order_by("pk")
    meeting.refresh_from_db()
    client.post(
        reverse("council:attendance", args=[meeting.pk]),
        {"present": [m.pk for m in voters[:3]], "version": meeting.version},
    )
    meeting.refresh_from_db()
    response = client.post(
        reverse("council:voting-open", args=[meeting.pk]), {"version": meeting.version}
    )
    assert "có mặt 3/5" in response.content.decode()
    client.post(
        reverse("council:attendance", args=[meeting.pk]),
        {"present": [m.pk for m in voters[:4]], "version": meeting.version},
    )
    meeting.refresh_from_db()
    client.post(reverse("council:voting-open", args=[meeting.pk]), {"version": meeting.version})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.VOTING
    items = list(meeting.items.values_list("pk", flat=True))
    for member in voters[:4]:
        client.force_login(member.user)
        response = client.post(
            reverse("council:ballot", args=[meeting.pk]), {f"item_{pk}": "AGREE" for pk in items}
        )
        assert response.status_code == 302
    again = client.post(
        reverse("council:ballot", args=[meeting.pk]),
        {f"item_{pk}": "AGREE" for pk in items},
        follow=True,
    )
    assert "mỗi thành viên chỉ bỏ một phiếu" in again.content.decode()
    # the absent member cannot vote online; the secretary records their written ballot
    absent = voters[4]
    client.force_login(absent.user)
    page = client.get(reverse("council:ballot", args=[meeting.pk])).content.decode()
    assert 'data-testid="not-present"' in page
    client.force_login(seats["thu.ky"])
    response = client.post(
        reverse("council:written-ballot", args=[meeting.pk]),
        {"member": absent.pk, **{f"item_{pk}": "AGREE" for pk in items}},
    )
    assert response.status_code == 302
    client.force_login(seats["chu.tich"])
    client.post(reverse("council:voting-close", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CLOSED
    page = client.get(reverse("council:meeting-detail", args=[meeting.pk])).content.decode()
    assert "5/5 = 100,0% ≥ 90% tổng số thành viên" in page
    assert "Phiếu văn bản" in page
    for line in lines:
        line.refresh_from_db()
        assert line.status == LineStatus.PASSED
    # minutes and results download
    response = client.get(reverse("council:minutes", args=[meeting.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    import openpyxl

    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("council:results-export", args=[meeting.pk])).content)
    )
    rows = list(workbook.active.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 3 and all(row[5] == 5 and row[-1] == "Đạt" for row in rows)


def test_incomplete_ballot_is_refused_and_nothing_saved(client, voting_meeting, seats):
    from tdkt.council.models import Turnout

    client.force_login(seats["uy.vien.1"])
    first = voting_meeting.items.first()
    response = client.post(
        reverse("council:ballot", args=[voting_meeting.pk]),
        {f"item_{first.pk}": "AGREE"},
        follow=True,
    )
    assert "hãy chọn ý kiến cho mọi dòng đề nghị" in response.content.decode()
    assert not Turnout.objects.exists()


def test_member_pages_never_show_choices(client, voting_meeting, seats, users):
    items = list(voting_meeting.items.values_list("pk", flat=True))
    client.force_login(seats["uy.vien.1"])
    client.post(
        reverse("council:ballot", args=[voting_meeting.pk]),
        {f"item_{pk}": "DISAGREE" for pk in items},
    )
    page = client.get(reverse("council:ballot", args=[voting_meeting.pk])).content.decode()
    assert 'data-testid="voted"' in page and 'type="radio"' not in page
    client.force_login(users["sector"])
    page = client.get(reverse("council:meeting-detail", args=[voting_meeting.pk])).content.decode()
    assert "Không đồng ý" not in page


def test_meeting_date_outside_period(client, council, users):
    client.force_login(users["sector"])
    response = client.post(
        reverse("council:meeting-create", args=[council.pk]), {"date": "2024-01-01", "place": ""}
    )
    assert "nằm ngoài thời gian hiệu lực" in response.content.decode()
    assert not Meeting.objects.exists()


def test_remove_member_asks_for_confirmation(client, council, users, seats):
    member = council.members.get(user=seats["thu.ky"])
    url = reverse("council:member-remove", args=[council.pk, member.pk])
    client.force_login(users["sector"])
    assert "Xóa" in client.get(url).content.decode()
    assert council.members.filter(pk=member.pk).exists()
    client.post(url)
    assert not council.members.filter(pk=member.pk).exists()


def test_lists_sort_and_filter(client, users, org):
    import datetime as dt

    from tdkt.council.services.councils import CouncilInput, council_create
    from tdkt.council.services.meetings import meeting_create

    for name, day in [("B hội đồng", dt.date(2025, 1, 1)), ("A hội đồng", dt.date(2025, 6, 1))]:
        council = council_create(
            data=CouncilInput(unit=org.hanoi, name=name, valid_from=day),
            user=users["hanoi_officer"],
        )
        meeting_create(council=council, date=day, place=name, user=users["hanoi_officer"])
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("council:council-list") + "?sort=name").content.decode()
    assert page.index("A hội đồng") < page.index("B hội đồng")
    page = client.get(reverse("council:council-list") + "?sort=-name&q=B").content.decode()
    assert "B hội đồng" in page and "A hội đồng" not in page
    page = client.get(reverse("council:meeting-list") + "?sort=date").content.decode()
    assert page.index("B hội đồng") < page.index("A hội đồng")
    page = client.get(reverse("council:meeting-list") + "?status=VOTING").content.decode()
    assert 'data-testid="empty"' in page


def test_non_member_in_scope_is_told_why(client, voting_meeting, users):
    client.force_login(users["sector"])
    url = reverse("council:ballot", args=[voting_meeting.pk])
    page = client.get(url).content.decode()
    assert "Bạn không phải thành viên của hội đồng" in page and 'type="radio"' not in page
    items = voting_meeting.items.values_list("pk", flat=True)
    response = client.post(url, {f"item_{pk}": "AGREE" for pk in items}, follow=True)
    assert (
        "Bạn không phải thành viên của hội đồng nên không bỏ phiếu được."
        in response.content.decode()
    )
