"""Decision and transmission pages: the flows in the browser's requests, refusals shown on the
page, scope (404) on every route, Excel export, and fixed query counts at two sizes."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tdkt.awards import decisions
from tdkt.awards.decisions import DecisionData, TransmissionData
from tdkt.awards.models import Award, Decision, Transmission
from tdkt.awards.tests.conftest import passed_line
from tdkt.proposals.models import LineStatus, ProposalLine
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _decide(round_, lines, user, number="1/QĐ-VKSTC"):
    return decisions.decision_record(
        round_=round_,
        lines=lines,
        data=DecisionData(number=number, signed_on=TODAY, signer="Nguyễn Huy Tiến"),
        user=user,
    )


def _form(round_, lines, **overrides):
    values = {
        "round": round_.pk,
        "lines": [line.pk for line in lines],
        "stamp": ",".join(f"{line.pk}:{line.version}" for line in lines),
        "number": "77/QĐ-VKSTC",
        "signed_on": TODAY.isoformat(),
        "signer": "Nguyễn Huy Tiến",
        "signer_title": "Viện trưởng",
        "authority": decisions.SECTOR_AUTHORITY,
        "kind": "CONG_TRANG",
        "summary": "Về việc tặng danh hiệu năm 2026",
    }
    values.update(overrides)
    return values


def test_the_officer_records_a_decision_from_the_form(client, round_2026, passed, users):
    client.force_login(users["sector"])
    url = reverse("awards:decision-create")

    page = client.get(url, {"round": round_2026.pk}).content.decode()
    assert passed["duc"].person.full_name in page
    assert "Đặng Văn Đức" in page and "2.530.000" in page.replace(",", ".")
    assert (
        f'name="lines" value="{passed["duc_tq"].pk}"' not in page
    )  # state level: transmitted instead

    response = client.post(url, _form(round_2026, [passed["duc"], passed["cuong"]]), follow=True)

    decision = Decision.objects.get()
    assert response.redirect_chain[-1][0] == reverse("awards:decision-detail", args=[decision.pk])
    body = response.content.decode()
    assert "Đã ghi quyết định số 77/QĐ-VKSTC" in body and "Lê Văn Cường" in body
    assert "3.289.000" in body.replace(",", ".")  # 2,530,000 + 759,000


def test_refusals_are_shown_on_the_form_and_nothing_is_lost(client, round_2026, passed, users):
    _decide(round_2026, [passed["duc"]], users["sector"], number="77/QĐ-VKSTC")
    client.force_login(users["sector"])
    url = reverse("awards:decision-create")

    used = client.post(url, _form(round_2026, [passed["binh"]]))
    empty = client.post(url, _form(round_2026, [], number="78/QĐ"))

    assert used.status_code == 200
    text = used.content.decode()
    assert "đã được Viện trưởng Viện kiểm sát nhân dân tối cao dùng trong năm" in text
    assert 'value="Về việc tặng danh hiệu năm 2026"' not in text or "Về việc tặng" in text
    assert "Hãy chọn ít nhất một dòng đề nghị" in empty.content.decode()
    assert ProposalLine.objects.get(pk=passed["binh"].pk).status == LineStatus.PASSED


def test_a_stale_page_is_refused(client, round_2026, passed, users):
    client.force_login(users["sector"])
    form = _form(
        round_2026, [passed["duc"]], stamp=f"{passed['duc'].pk}:{passed['duc'].version - 1}"
    )
    response = client.post(reverse("awards:decision-create"), form)
    assert "người khác thay đổi" in response.content.decode()
    assert not Decision.objects.exists()


def test_list_filters_and_excel_export(client, round_2026, passed, users):
    _decide(round_2026, [passed["duc"]], users["sector"], number="1/QĐ")
    second = _decide(round_2026, [passed["binh"]], users["sector"], number="2/QĐ")
    decisions.decision_revoke(
        decision=second,
        expected_version=second.version,
        revoked_on=TODAY,
        reason="Sai sót",
        user=users["sector"],
    )
    client.force_login(users["sector"])

    listing = client.get(reverse("awards:decision-list"), {"revoked": "yes"}).content.decode()
    export = client.get(reverse("awards:decision-export"), {"revoked": "no"})

    assert "2/QĐ" in listing and "1/QĐ" not in listing
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = [row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]]
    assert [(r[1], r[9], r[10], r[11]) for r in rows] == [("1/QĐ", 1, 2_530_000, "Còn hiệu lực")]
    assert sheet["B3"].value == "Số quyết định"


def test_a_unit_officer_sees_only_decisions_and_awards_of_their_units(
    client, round_2026, passed, users
):
    hanoi_only = _decide(round_2026, [passed["duc"]], users["sector"], number="1/QĐ")
    mixed = _decide(round_2026, [passed["binh"], passed["cuong"]], users["sector"], number="2/QĐ")
    client.force_login(users["phu_tho_officer"])

    listing = client.get(reverse("awards:decision-list")).content.decode()
    detail = client.get(reverse("awards:decision-detail", args=[mixed.pk])).content.decode()

    assert "2/QĐ" in listing and "1/QĐ" not in listing
    assert "Lê Văn Cường" in detail and "Trần Thị Bình" not in detail
    assert "Hủy bỏ quyết định" not in detail
    for url in (
        reverse("awards:decision-detail", args=[hanoi_only.pk]),
        reverse("awards:decision-document", args=[hanoi_only.pk, "docx"]),
        reverse("awards:decision-document", args=[hanoi_only.pk, "pdf"]),
        reverse("awards:decision-revoke", args=[mixed.pk]),
        reverse("awards:decision-create"),
        reverse("awards:transmission-list"),
        reverse("awards:transmission-create"),
    ):
        assert client.get(url).status_code == 404, url


def test_users_without_a_role_get_404_everywhere(client, round_2026, passed, users):
    decision = _decide(round_2026, [passed["duc"]], users["sector"])
    transmission = decisions.transmission_record(
        round_=round_2026,
        lines=[passed["duc_tq"]],
        data=TransmissionData(number="5/TTr", sent_on=TODAY, receiver="Thủ tướng Chính phủ"),
        user=users["sector"],
    )
    client.force_login(users["hanoi_officer"])  # a unit officer: transmissions are the office's
    for url in (
        reverse("awards:transmission-detail", args=[transmission.pk]),
        reverse("awards:transmission-document", args=[transmission.pk, "pdf"]),
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(reverse("awards:transmission-refuse", args=[transmission.pk]), {}).status_code
        == 404
    )
    client.force_login(users["no_role"])
    urls = [
        reverse("awards:decision-list"),
        reverse("awards:decision-export"),
        reverse("awards:decision-detail", args=[decision.pk]),
        reverse("awards:decision-revoke", args=[decision.pk]),
        reverse("awards:decision-document", args=[decision.pk, "pdf"]),
        reverse("awards:transmission-detail", args=[transmission.pk]),
        reverse("awards:transmission-document", args=[transmission.pk, "docx"]),
        reverse("awards:proposal-document", args=[passed["duc"].proposal_id, "docx"]),
        reverse("awards:line-report", args=[passed["duc"].pk, "pdf"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    for url in (
        reverse("awards:transmission-award", args=[transmission.pk]),
        reverse("awards:transmission-refuse", args=[transmission.pk]),
    ):
        assert client.post(url, {}).status_code == 404, url


def test_the_officer_revokes_a_decision_after_confirmation(client, round_2026, passed, users):
    decision = _decide(round_2026, [passed["duc"]], users["sector"])
    client.force_login(users["sector"])
    url = reverse("awards:decision-revoke", args=[decision.pk])

    confirm = client.get(url).content.decode()
    missing = client.post(url, {"version": decision.version, "revoked_on": TODAY.isoformat()})
    assert missing.status_code == 200 and not Decision.objects.get().revoked
    done = client.post(
        url,
        {"version": decision.version, "revoked_on": TODAY.isoformat(), "reason": "Gian dối"},
        follow=True,
    )

    assert "Xác nhận hủy bỏ" in confirm and "không thể hoàn tác" in confirm
    assert "Gian dối" in done.content.decode()
    assert Award.objects.get().revoked
    assert ProposalLine.objects.get(pk=passed["duc"].pk).status == LineStatus.REVOKED


def test_transmission_pages_send_upward_and_record_results(
    client, round_2026, passed, org, people, users
):
    other = passed_line(round_2026, org.phu_tho, "BK_TTG", person=people["phu_tho"])
    client.force_login(users["sector"])
    create = reverse("awards:transmission-create")

    page = client.get(create, {"round": round_2026.pk}).content.decode()
    assert f'name="lines" value="{passed["duc_tq"].pk}"' in page
    assert f'name="lines" value="{passed["duc"].pk}"' not in page
    response = client.post(
        create,
        {
            "round": round_2026.pk,
            "lines": [passed["duc_tq"].pk, other.pk],
            "number": "9/TTr-VKSTC",
            "sent_on": TODAY.isoformat(),
            "receiver": "Thủ tướng Chính phủ",
        },
        follow=True,
    )
    transmission = Transmission.objects.get()
    assert "Đã ghi tờ trình số 9/TTr-VKSTC" in response.content.decode()

    award = client.post(
        reverse("awards:transmission-award", args=[transmission.pk]),
        {
            "award-lines": [passed["duc_tq"].pk],
            "award-number": "100/QĐ-TTg",
            "award-signed_on": TODAY.isoformat(),
            "award-signer": "Phạm Minh Chính",
            "award-authority": "Thủ tướng Chính phủ",
            "award-kind": "CONG_TRANG",
        },
        follow=True,
    )
    empty_reason = client.post(
        reverse("awards:transmission-refuse", args=[transmission.pk]),
        {"refuse-lines": [other.pk], "refuse-reason": ""},
    )
    refuse = client.post(
        reverse("awards:transmission-refuse", args=[transmission.pk]),
        {"refuse-lines": [other.pk], "refuse-reason": "Chưa đủ điều kiện"},
        follow=True,
    )

    assert "Đã ghi quyết định số 100/QĐ-TTg" in award.content.decode()
    assert empty_reason.status_code == 200
    assert ProposalLine.objects.get(pk=other.pk).status == LineStatus.NOT_AWARDED
    assert "Chưa đủ điều kiện" in refuse.content.decode()
    assert "Mọi dòng của tờ trình đã có kết quả" in refuse.content.decode()


@pytest.mark.parametrize("size", [3, 40])
def test_pages_take_a_fixed_number_of_queries(
    client, round_2026, org, users, django_assert_max_num_queries, size
):
    lines = [
        passed_line(round_2026, org.hanoi, "LDTT", person=make_person(org.hanoi, f"Cán bộ {i}"))
        for i in range(size)
    ]
    decision = _decide(round_2026, lines[:-1], users["sector"])
    client.force_login(users["sector"])
    client.get(reverse("awards:decision-list"))  # warm the session
    for url in (
        reverse("awards:decision-list"),
        reverse("awards:decision-detail", args=[decision.pk]),
        reverse("awards:decision-create") + f"?round={round_2026.pk}",
        reverse("proposals:round-detail", args=[round_2026.pk]),
    ):
        with django_assert_max_num_queries(16):
            assert client.get(url).status_code == 200


def test_proposal_pages_link_to_the_decision_flow(client, round_2026, passed, users):
    decision = _decide(round_2026, [passed["duc"]], users["sector"])
    client.force_login(users["sector"])
    round_page = client.get(
        reverse("proposals:round-detail", args=[round_2026.pk])
    ).content.decode()
    line_page = client.get(
        reverse("proposals:line-detail", args=[passed["duc"].pk])
    ).content.decode()
    proposal_page = client.get(
        reverse("proposals:proposal-detail", args=[passed["duc"].proposal_id])
    ).content.decode()
    assert reverse("awards:decision-create") + f"?round={round_2026.pk}" in round_page
    assert reverse("awards:decision-detail", args=[decision.pk]) in line_page
    assert reverse("awards:line-report", args=[passed["duc"].pk, "docx"]) in line_page
    assert (
        reverse("awards:proposal-document", args=[passed["duc"].proposal_id, "pdf"])
        in proposal_page
    )
    client.force_login(users["hanoi_officer"])
    round_page = client.get(
        reverse("proposals:round-detail", args=[round_2026.pk])
    ).content.decode()
    assert reverse("awards:decision-create") not in round_page
