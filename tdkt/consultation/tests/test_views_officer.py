"""The sector officer's pages: the permission matrix on every route, the flow from draft to
outcome through the pages, refusals shown with their reason, query counts, the export."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.accounts.models import Role
from tdkt.consultation.models import Comment, Consultation, ConsultationStatus, Outcome
from tdkt.consultation.services import comments as comment_services
from tdkt.testing import make_user

pytestmark = pytest.mark.django_db

TEXT = "Đề nghị xem xét lại thành tích của cá nhân này."


@pytest.fixture
def outsider(org):
    """A sector officer's role held at Phú Thọ only: manages nothing organised at the root."""
    return make_user("tdkt.phutho.nganh", (Role.SECTOR_OFFICER, org.phu_tho))


@pytest.fixture
def comment(published, lines):
    return comment_services.comment_submit(
        consultation_id=published.pk,
        candidate_id=published.candidates.get(line=lines.duc).pk,
        content=TEXT,
        author_name="Bà Hoa",
        contact="0987654321",
        client_ip="10.9.9.9",
    )


def routes(consultation, comment):
    candidate = consultation.candidates.first()
    pk = consultation.pk
    return [
        reverse("consultation:detail", args=[pk]),
        reverse("consultation:edit", args=[pk]),
        reverse("consultation:delete", args=[pk]),
        reverse("consultation:publish", args=[pk]),
        reverse("consultation:close", args=[pk]),
        reverse("consultation:outcome", args=[pk]),
        reverse("consultation:history", args=[pk]),
        reverse("consultation:comments", args=[pk]),
        reverse("consultation:comments-export", args=[pk]),
        reverse("consultation:candidate-edit", args=[pk, candidate.pk]),
        reverse("consultation:comment-resolve", args=[comment.pk]),
    ]


def login(client, user):
    client.force_login(user)


def test_anonymous_users_are_sent_to_login(client, published, comment):
    for url in [reverse("consultation:list"), reverse("consultation:create")] + routes(
        published, comment
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/dang-nhap/" in response.url or "login" in response.url


@pytest.mark.parametrize("who", ["no_role", "hanoi_officer", "hanoi_leader", "staff_duc"])
def test_users_without_the_sector_role_get_404(client, users, published, comment, who):
    login(client, users[who])
    for url in [reverse("consultation:list"), reverse("consultation:create")] + routes(
        published, comment
    ):
        assert client.get(url).status_code == 404, url


def test_an_officer_out_of_scope_gets_404(client, outsider, published, comment):
    login(client, outsider)
    assert client.get(reverse("consultation:list")).status_code == 200
    assert published.title not in client.get(reverse("consultation:list")).text
    for url in routes(published, comment):
        assert client.get(url).status_code == 404, url
    remove = reverse(
        "consultation:candidate-remove", args=[published.pk, published.candidates.first().pk]
    )
    assert client.post(remove).status_code == 404
    assert (
        client.post(reverse("consultation:candidates-add", args=[published.pk])).status_code == 404
    )


def test_the_sector_officer_reaches_every_page(client, users, published, comment):
    login(client, users["sector"])
    for url in [reverse("consultation:list"), reverse("consultation:create")] + routes(
        published, comment
    ):
        assert client.get(url).status_code == 200, url


def test_create_publish_through_the_pages(client, users, state_round, lines):
    login(client, users["sector"])
    response = client.post(
        reverse("consultation:create"),
        {
            "title": "Đợt 2026",
            "round": state_round.pk,
            "opens_on": dt.date.today() + dt.timedelta(days=3),
            "intro": "",
        },
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    page = client.get(response.url)
    assert "Đặng Văn Đức" in page.text
    assert "căn cứ chưa chắc chắn" in page.text
    response = client.post(
        reverse("consultation:publish", args=[consultation.pk]),
        {"version": consultation.version},
    )
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.PUBLISHED


def test_create_refuses_a_past_opening_with_the_reason(client, users, state_round, lines):
    login(client, users["sector"])
    response = client.post(
        reverse("consultation:create"),
        {"title": "Đợt 2026", "round": state_round.pk, "opens_on": "2020-01-01"},
    )
    assert response.status_code == 200
    assert "đã qua" in response.text
    assert not Consultation.objects.exists()


def test_a_stale_publish_is_refused_and_nothing_changes(client, users, draft):
    login(client, users["sector"])
    response = client.post(
        reverse("consultation:publish", args=[draft.pk]), {"version": "abc"}, follow=True
    )
    assert "người khác sửa" in response.text
    draft.refresh_from_db()
    assert draft.status == ConsultationStatus.DRAFT


def test_remove_and_add_candidates_through_the_pages(client, users, draft, lines):
    login(client, users["sector"])
    candidate = draft.candidates.get(line=lines.phu_tho)
    client.post(reverse("consultation:candidate-remove", args=[draft.pk, candidate.pk]))
    assert not draft.candidates.filter(line=lines.phu_tho).exists()
    page = client.get(reverse("consultation:detail", args=[draft.pk]))
    assert f'value="{lines.phu_tho.pk}"' in page.text
    response = client.post(
        reverse("consultation:candidates-add", args=[draft.pk]),
        {"line": [lines.phu_tho.pk, lines.sector_level.pk]},
        follow=True,
    )
    assert "không thể công khai" in response.text  # all or nothing
    assert not draft.candidates.filter(line=lines.phu_tho).exists()
    client.post(
        reverse("consultation:candidates-add", args=[draft.pk]), {"line": [lines.phu_tho.pk]}
    )
    assert draft.candidates.filter(line=lines.phu_tho).exists()


def test_the_officer_sees_private_details_and_resolves(client, users, published, comment):
    login(client, users["sector"])
    listing = client.get(reverse("consultation:comments", args=[published.pk]) + "?state=open")
    assert "Bà Hoa" in listing.text and "0987654321" in listing.text
    url = reverse("consultation:comment-resolve", args=[comment.pk])
    bad = client.post(url, {"version": comment.version, "resolution": "VERIFIED", "note": ""})
    assert bad.status_code == 200
    assert "Trường này là bắt buộc" in bad.text or "bắt buộc" in bad.text
    ok = client.post(
        url, {"version": comment.version, "resolution": "NOT_GROUNDED", "note": "Không đúng."}
    )
    assert ok.status_code == 302
    comment.refresh_from_db()
    assert comment.resolution == "NOT_GROUNDED"
    stale = client.post(url, {"version": 1, "resolution": "VERIFIED", "note": "Khác."})
    assert "người khác sửa" in stale.text
    open_only = client.get(reverse("consultation:comments", args=[published.pk]) + "?state=open")
    assert 'data-testid="empty"' in open_only.text


def test_outcome_through_the_pages_and_the_report_on_the_line(
    client, users, published, comment, lines
):
    login(client, users["sector"])
    Consultation.objects.filter(pk=published.pk).update(
        opens_on=dt.date(2026, 1, 5), closes_on=dt.date(2026, 1, 16)
    )
    url = reverse("consultation:outcome", args=[published.pk])
    published.refresh_from_db()
    data = {"version": published.version}
    for candidate in published.candidates.all():
        data[f"c{candidate.pk}"] = Outcome.NO_OBJECTION
        data[f"n{candidate.pk}"] = ""
    refused = client.post(url, data)
    assert "chưa được xem xét" in refused.text
    comment_services.comment_resolve(
        comment=comment,
        resolution="NOT_RELEVANT",
        note="Không liên quan.",
        expected_version=1,
        user=users["sector"],
    )
    assert client.post(url, data).status_code == 302
    published.refresh_from_db()
    assert published.status == ConsultationStatus.OUTCOME_RECORDED
    report = client.get(reverse("consultation:report", args=[published.pk]))
    assert report["Content-Type"] == "application/pdf"
    # the unit's officer sees the outcome and the report on the line page
    client.logout()
    login(client, users["hanoi_officer"])
    line_page = client.get(reverse("proposals:line-detail", args=[lines.duc.pk]))
    assert 'data-testid="consultation-outcome"' in line_page.text
    line_report = client.get(reverse("consultation:line-report", args=[lines.duc.pk]))
    assert line_report.status_code == 200
    assert b"".join(line_report.streaming_content).startswith(b"%PDF")
    # but not the report of a line outside his unit
    assert (
        client.get(reverse("consultation:line-report", args=[lines.phu_tho.pk])).status_code == 404
    )
    assert client.get(reverse("consultation:report", args=[published.pk])).status_code == 404


def test_the_line_report_is_404_before_the_outcome(client, users, published, lines):
    login(client, users["sector"])
    assert client.get(reverse("consultation:line-report", args=[lines.duc.pk])).status_code == 404
    assert client.get(reverse("consultation:report", args=[published.pk])).status_code == 404


def test_export_has_the_comments_with_formulas_defused(client, users, published, comment):
    comment_services.comment_submit(
        consultation_id=published.pk,
        content='=HYPERLINK("http://x","bấm vào")',
        client_ip="10.0.0.5",
    )
    login(client, users["sector"])
    response = client.get(reverse("consultation:comments-export", args=[published.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 2
    assert any(row[3] == TEXT and row[4] == "Bà Hoa" and row[5] == "0987654321" for row in rows)
    cells = [c for c in sheet["D"] if c.value and str(c.value).startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)


def test_history_lists_the_changes(client, users, published, comment):
    login(client, users["sector"])
    page = client.get(reverse("consultation:history", args=[published.pk]))
    assert "Công bố" in page.text and "Nhận ý kiến" in page.text


def test_pages_run_a_fixed_number_of_queries(client, users, published, comment):
    login(client, users["sector"])
    urls = [
        reverse("consultation:list"),
        reverse("consultation:detail", args=[published.pk]),
        reverse("consultation:comments", args=[published.pk]),
    ]

    def counts():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        out = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            out.append(len(ctx.captured_queries))
        return out

    before = counts()
    for i in range(12):
        comment_services.comment_submit(
            consultation_id=published.pk,
            candidate_id=published.candidates.first().pk,
            content=f"{TEXT} ({i})",
            client_ip=f"10.0.1.{i}",
        )
    assert Comment.objects.count() == 13
    assert counts() == before
    assert max(before) <= 15


def test_the_detail_counts_comments_about_the_whole_list(client, users, published):
    comment_services.comment_submit(
        consultation_id=published.pk, content=TEXT, client_ip="10.3.3.3"
    )
    client.force_login(users["sector"])
    page = client.get(reverse("consultation:detail", args=[published.pk]))
    assert '<span class="badge text-bg-danger">1</span>' in page.text


def test_comments_filter_by_candidate_and_sort(client, users, published, comment, lines):
    later = comment_services.comment_submit(
        consultation_id=published.pk, content="Ý kiến thứ hai về danh sách.", client_ip="10.4.4.4"
    )
    client.force_login(users["sector"])
    url = reverse("consultation:comments", args=[published.pk])
    newest = client.get(url).text
    assert newest.index("Ý kiến thứ hai") < newest.index(TEXT)
    oldest = client.get(url + "?sort=oldest").text
    assert oldest.index(TEXT) < oldest.index("Ý kiến thứ hai")
    duc = published.candidates.get(line=lines.duc)
    only = client.get(f"{url}?candidate={duc.pk}").text
    assert TEXT in only and "Ý kiến thứ hai" not in only
    assert later.pk
    assert client.get(url + "?sort=junk&state=junk&candidate=abc").status_code == 200


def test_edit_a_draft_and_its_public_summary_through_the_pages(client, users, draft, lines):
    client.force_login(users["sector"])
    later = draft.opens_on + dt.timedelta(days=7)
    response = client.post(
        reverse("consultation:edit", args=[draft.pk]),
        {"version": draft.version, "title": "Tiêu đề đã sửa", "opens_on": later, "intro": "Mới"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Tiêu đề đã sửa" and draft.opens_on == later
    stale = client.post(
        reverse("consultation:edit", args=[draft.pk]),
        {"version": 1, "title": "Bản cũ", "opens_on": later},
    )
    assert "người khác sửa" in stale.text
    candidate = draft.candidates.get(line=lines.duc)
    url = reverse("consultation:candidate-edit", args=[draft.pk, candidate.pk])
    client.post(url, {"version": candidate.version, "summary": "Tóm tắt đã rút gọn."})
    candidate.refresh_from_db()
    assert candidate.summary == "Tóm tắt đã rút gọn."


def test_delete_a_draft_through_the_pages(client, users, draft):
    client.force_login(users["sector"])
    confirm = client.get(reverse("consultation:delete", args=[draft.pk]))
    assert "Xóa đợt lấy ý kiến đang soạn" in confirm.text
    response = client.post(reverse("consultation:delete", args=[draft.pk]))
    assert response.status_code == 302
    assert not Consultation.objects.filter(pk=draft.pk).exists()


def test_close_through_the_pages_only_after_the_closing_day(client, users, published):
    client.force_login(users["sector"])
    url = reverse("consultation:close", args=[published.pk])
    early = client.post(url, {"version": published.version}, follow=True)
    assert "Chưa hết thời hạn" in early.text
    Consultation.objects.filter(pk=published.pk).update(
        opens_on=dt.date(2026, 1, 5), closes_on=dt.date(2026, 1, 16)
    )
    client.post(url, {"version": published.version})
    published.refresh_from_db()
    assert published.status == ConsultationStatus.CLOSED
