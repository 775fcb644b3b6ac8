"""The public pages, without login: what they show, what they never show, the comment form
and its refusals (never a 500)."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.consultation.models import Comment, Consultation
from tdkt.consultation.services import comments as comment_services
from tdkt.consultation.tests.conftest import make_line

pytestmark = pytest.mark.django_db

TEXT = "Tôi xin góp ý về thành tích của cá nhân được đề nghị."


def detail_url(consultation) -> str:
    return reverse("consultation:public-detail", args=[consultation.pk])


def test_the_list_shows_open_consultations_to_anyone(client, published, draft):
    response = client.get(reverse("consultation:public-list"))
    assert response.status_code == 200
    assert published.title in response.text
    assert "Hiện không có đợt" not in response.text


def test_the_list_hides_drafts_and_closed_consultations(client, draft):
    response = client.get(reverse("consultation:public-list"))
    assert response.status_code == 200
    assert draft.title not in response.text
    assert 'data-testid="empty"' in response.text


def test_a_draft_answers_404(client, draft):
    assert client.get(detail_url(draft)).status_code == 404
    assert client.get("/cong-khai/999999/").status_code == 404


def test_the_detail_shows_public_fields_only(client, published, lines, people, users):
    duc = people["duc"]
    response = client.get(detail_url(published))
    assert response.status_code == 200
    text = response.text
    assert duc.full_name in text
    assert "Kiểm sát viên" in text
    assert "VKSND thành phố Hà Nội" in text
    assert "Chiến sĩ thi đua toàn quốc" in text
    assert "Hai lần CSTĐ ngành." in text
    assert "căn cứ chưa chắc chắn" in text
    assert published.closes_on.strftime("%d/%m/%Y") in text
    assert duc.code not in text
    assert duc.date_of_birth.strftime("%d/%m/%Y") not in text
    assert 'name="csrfmiddlewaretoken"' in text


def test_comments_are_never_shown_publicly(client, published):
    comment_services.comment_submit(
        consultation_id=published.pk,
        content="Nội dung riêng của người gửi ý kiến.",
        author_name="Người gửi bí mật",
        contact="bimat@example.vn",
    )
    text = client.get(detail_url(published)).text
    assert "Người gửi bí mật" not in text
    assert "bimat@example.vn" not in text
    assert "Nội dung riêng" not in text


def test_send_a_comment_without_login(client, published, lines):
    candidate = published.candidates.get(line=lines.duc)
    response = client.post(
        detail_url(published),
        {"candidate": candidate.pk, "content": TEXT, "author_name": "An", "contact": "a@b.vn"},
        REMOTE_ADDR="192.0.2.7",
    )
    assert response.status_code == 302
    assert response.url == reverse("consultation:public-thanks", args=[published.pk])
    comment = Comment.objects.get()
    assert comment.candidate == candidate
    assert comment.client_ip == "192.0.2.7"
    assert "Cảm ơn" in client.get(response.url).text


def test_the_form_needs_the_csrf_token(published):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(detail_url(published), {"content": TEXT})
    assert response.status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"content": ""}, "Hãy nhập nội dung ý kiến."),
        ({"content": "x" * 3001}, "dài quá 3000 ký tự"),
        ({"content": TEXT, "contact": "không phải"}, "số điện thoại"),
        ({"content": TEXT, "candidate": "999999"}, "lựa chọn hợp lệ"),
        ({"content": TEXT, "author_name": "A" * 500}, "Họ tên dài quá"),
        ({"content": "\x00\x01\x02 ngắn"}, "ký tự không hợp lệ"),
    ],
)
def test_bad_input_is_refused_with_the_reason_and_the_text_kept(client, published, data, message):
    response = client.post(detail_url(published), data)
    assert response.status_code == 400
    assert message in response.text
    if data["content"] == TEXT:
        assert TEXT in response.text  # nothing typed is lost
    assert not Comment.objects.exists()


def test_junk_posts_never_500(client, published):
    huge = {"content": "x" * 1_000_000, "author_name": "y" * 100_000, "contact": "z" * 100_000}
    for data in ({}, {"content": ["a", "b"]}, {"candidate": "'; DROP TABLE x; --"}, huge):
        assert client.post(detail_url(published), data).status_code == 400
    assert client.post("/cong-khai/abc/").status_code == 404
    assert client.post("/cong-khai/999999/", {"content": TEXT}).status_code == 404


def test_a_closed_consultation_refuses_comments(client, published):
    Consultation.objects.filter(pk=published.pk).update(
        opens_on=dt.date(2026, 1, 5), closes_on=dt.date(2026, 1, 16)
    )
    page = client.get(detail_url(published))
    assert page.status_code == 200
    assert 'data-testid="closed"' in page.text
    assert 'id="comment-form"' not in page.text
    response = client.post(detail_url(published), {"content": TEXT})
    assert response.status_code == 400
    assert "đã kết thúc" in response.text
    assert not Comment.objects.exists()


def test_rate_limited_comment_keeps_the_text(client, published, settings):
    settings.TDKT_CONSULTATION_COMMENTS_PER_IP_PER_HOUR = 1
    client.post(detail_url(published), {"content": TEXT})
    response = client.post(detail_url(published), {"content": TEXT + " Lần hai."})
    assert response.status_code == 400
    assert "trong một giờ qua" in response.text
    assert "Lần hai." in response.text
    assert Comment.objects.count() == 1


def test_honeypot_answers_like_success_and_stores_nothing(client, published):
    response = client.post(detail_url(published), {"content": TEXT, "website": "spam"})
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_the_pages_run_a_fixed_number_of_queries(
    client, published, lines, state_round, org, people, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        client.get(detail_url(published))
    with django_assert_max_num_queries(8):
        client.get(reverse("consultation:public-list"))
    from tdkt.proposals.models import Proposal
    from tdkt.testing import make_person

    proposal = Proposal.objects.get(round=state_round, unit=org.hanoi)
    extra = [make_person(org.hanoi, f"Cán bộ {i}") for i in range(6)]
    lines_more = [make_line(proposal, "HCLD3", person=p) for p in extra]
    from tdkt.consultation.models import Candidate

    Candidate.objects.bulk_create(
        Candidate(consultation=published, line=line, position=10 + i)
        for i, line in enumerate(lines_more)
    )
    with django_assert_max_num_queries(8):
        assert client.get(detail_url(published)).status_code == 200
    with django_assert_max_num_queries(8):
        client.get(reverse("consultation:public-list"))
