"""The initiative council's scored review: who reviews (nearest council, voting members,
recusal of authors), versioned edits, what each viewer sees, scope, query counts, inbox."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.accounts.models import Role
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.council.models import Council, CouncilMember, MemberRole
from tdkt.initiatives import services
from tdkt.initiatives.inbox import pending_reviews
from tdkt.initiatives.models import InitiativeReview, Opinion, Status
from tdkt.initiatives.selectors import council_for
from tdkt.initiatives.services import ShareInput
from tdkt.testing import make_user
from tdkt.web.inbox import tasks_for

AGREE, DISAGREE = Opinion.AGREE, Opinion.DISAGREE


def _submit(user, unit, person, *, title="Sổ tay kiểm sát", submit=True):
    return services.initiative_save(
        user=user, initiative=None, expected_version=None, unit=unit, title=title,
        year=dt.date.today().year, description="Mô tả", applied_where="Phòng 1",
        applied_result="Tốt", shares=[ShareInput(person, 100)], submit=submit,
    )  # fmt: skip


def _council(unit, name, **seats):
    council = Council.objects.create(unit=unit, name=name, valid_from=dt.date(2020, 1, 1))
    for user, role in seats.values():
        CouncilMember.objects.create(council=council, user=user, role=role)
    return council


@pytest.fixture
def board(org, people, users):
    """The council of Hà Nội (chair, member, secretary, and Đức who sits on it as a member)
    and the sector council (one member)."""
    chair = make_user("hd.chutich", (Role.COUNCIL_MEMBER, org.hanoi))
    member = make_user("hd.uyvien", (Role.COUNCIL_MEMBER, org.hanoi))
    secretary = make_user("hd.thuky", (Role.COUNCIL_MEMBER, org.hanoi))
    sector_member = make_user("hd.nganh", (Role.COUNCIL_MEMBER, org.root))
    hanoi = _council(
        org.hanoi, "Hội đồng TĐKT VKSND TP Hà Nội",
        chair=(chair, MemberRole.CHAIR), member=(member, MemberRole.MEMBER),
        secretary=(secretary, MemberRole.SECRETARY),
        duc=(users["staff_duc"], MemberRole.MEMBER),
    )  # fmt: skip
    sector = _council(org.root, "Hội đồng TĐKT ngành", m=(sector_member, MemberRole.MEMBER))
    return {
        "hanoi": hanoi, "sector": sector, "chair": chair, "member": member,
        "secretary": secretary, "sector_member": sector_member,
    }  # fmt: skip


def _review(user, initiative, score=80, opinion=AGREE, version=None, comment="Có giá trị"):
    return services.review_save(
        user=user, initiative=initiative, expected_version=version, score=score,
        opinion=opinion, comment=comment,
    )  # fmt: skip


# --- who reviews ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_council_for_takes_the_nearest_valid_council(org, people, users, board):
    at_hanoi = _submit(users["hanoi_officer"], org.hanoi, people["duc"])
    below = _submit(users["hanoi_officer"], org.hanoi_division, people["hanoi_division"])
    elsewhere = _submit(users["phu_tho_officer"], org.phu_tho, people["phu_tho"])
    assert council_for(at_hanoi) == board["hanoi"]
    assert council_for(below) == board["hanoi"]
    assert council_for(elsewhere) == board["sector"]
    board["hanoi"].valid_to = dt.date(2021, 12, 31)
    board["hanoi"].save()
    assert council_for(at_hanoi) == board["sector"]


@pytest.mark.django_db
def test_member_reviews_then_changes_the_review_with_its_version(org, people, users, board):
    initiative = _submit(users["hanoi_officer"], org.hanoi, people["hanoi_division"])
    review = _review(board["member"], initiative, 72, DISAGREE)
    assert (review.score, review.opinion, review.version) == (72, DISAGREE, 1)
    _review(board["member"], initiative, 90, AGREE, version=1)
    review.refresh_from_db()
    assert (review.score, review.opinion, review.version) == (90, AGREE, 2)
    with pytest.raises(StaleEditError):
        _review(board["member"], initiative, 10, DISAGREE, version=1)
    with pytest.raises(StaleEditError):  # a second "first review" from a form opened earlier
        _review(board["member"], initiative, 10, DISAGREE, version=None)
    review.refresh_from_db()
    assert review.score == 90
    assert InitiativeReview.objects.count() == 1


@pytest.mark.django_db
def test_refusals_non_member_secretary_author_status_and_score(org, people, users, board):
    initiative = _submit(users["hanoi_officer"], org.hanoi, people["duc"])
    with pytest.raises(DomainError, match="Chỉ thành viên hội đồng"):
        _review(board["sector_member"], initiative)  # sits on the sector council, not Hà Nội's
    with pytest.raises(DomainError, match="Chỉ thành viên hội đồng"):
        _review(board["secretary"], initiative)
    with pytest.raises(DomainError, match="Bạn là tác giả nên không tham gia chấm"):
        _review(users["staff_duc"], initiative)
    for score in (101, -1, "80", None):
        with pytest.raises(DomainError, match="từ 0 đến 100"):
            _review(board["chair"], initiative, score=score)
    with pytest.raises(DomainError, match="Hãy chọn ý kiến"):
        _review(board["chair"], initiative, opinion="MAYBE")
    draft = _submit(users["hanoi_officer"], org.hanoi, people["hanoi_division"], submit=False)
    with pytest.raises(DomainError, match="đã nộp và đang chờ xét"):
        _review(board["chair"], draft)
    _review(board["chair"], initiative, 85)
    services.initiative_refuse(
        user=users["hanoi_officer"], initiative=initiative, expected_version=initiative.version,
        reason="Chưa áp dụng thực tế",
    )  # fmt: skip
    with pytest.raises(DomainError, match="đã nộp và đang chờ xét"):
        _review(board["chair"], initiative, 10, version=1)
    assert list(InitiativeReview.objects.values_list("score", flat=True)) == [85]


@pytest.mark.django_db
def test_no_council_is_refused(org, people, users, board):
    board["sector"].delete()
    initiative = _submit(users["phu_tho_officer"], org.phu_tho, people["phu_tho"])
    with pytest.raises(DomainError, match="Chưa có hội đồng"):
        _review(board["sector_member"], initiative)


# --- pages ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_member_reviews_in_the_page_and_then_sees_the_others(client, org, people, users, board):
    initiative = _submit(users["hanoi_officer"], org.hanoi, people["hanoi_division"])
    _review(board["chair"], initiative, 60, DISAGREE, comment="Chưa rõ hiệu quả")
    url = reverse("initiatives:detail", args=[initiative.pk])
    client.force_login(board["member"])
    page = client.get(url).content.decode()
    assert "Hội đồng chấm sáng kiến" in page and 'data-testid="review-form"' in page
    assert "1/3" in page  # chair, member, Đức vote; the secretary does not
    assert "review-average" not in page and "Chưa rõ hiệu quả" not in page
    post = reverse("initiatives:review", args=[initiative.pk])
    response = client.post(post, {"score": "150", "opinion": AGREE, "comment": "Rất tốt"})
    page = response.content.decode()
    assert "Điểm phải là số nguyên từ 0 đến 100." in page
    assert "Rất tốt" in page  # what was typed is kept
    assert not InitiativeReview.objects.filter(reviewer=board["member"]).exists()
    response = client.post(post, {"score": "80", "opinion": AGREE, "comment": "Rất tốt"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Chưa rõ hiệu quả" in page and "2/3" in page
    average = page.split('data-testid="review-average">')[1].split("<")[0]
    assert average == "70,0"
    assert 'data-testid="review-agree">1<' in page and 'data-testid="review-disagree">1<' in page
    # the change uses the version in the form; a stale one keeps the stored review
    response = client.post(post, {"score": "81", "opinion": AGREE, "version": "1"})
    assert response.status_code == 302
    response = client.post(post, {"score": "20", "opinion": DISAGREE, "version": "1"})
    assert "người khác sửa" in response.content.decode()
    assert InitiativeReview.objects.get(reviewer=board["member"]).score == 81


@pytest.mark.django_db
def test_author_member_sees_recusal_and_cannot_post(client, org, people, users, board):
    initiative = _submit(users["hanoi_officer"], org.hanoi, people["duc"])
    _review(board["chair"], initiative, 60)
    client.force_login(users["staff_duc"])
    page = client.get(reverse("initiatives:detail", args=[initiative.pk])).content.decode()
    assert "Bạn là tác giả nên không tham gia chấm" in page
    assert 'data-testid="review-form"' not in page and "review-average" not in page
    response = client.post(
        reverse("initiatives:review", args=[initiative.pk]), {"score": "99", "opinion": AGREE}
    )
    assert "Bạn là tác giả nên không tham gia chấm" in response.content.decode()
    assert InitiativeReview.objects.count() == 1


@pytest.mark.django_db
def test_officer_sees_each_review_on_detail_and_decision_pages(client, org, people, users, board):
    initiative = _submit(users["hanoi_officer"], org.hanoi, people["hanoi_division"])
    _review(board["chair"], initiative, 90, AGREE, comment="Nhận xét của chủ tịch")
    client.force_login(users["hanoi_officer"])
    for name in ("detail", "decide"):
        page = client.get(reverse(f"initiatives:{name}", args=[initiative.pk])).content.decode()
        assert "Nhận xét của chủ tịch" in page and "Chưa chấm" in page, name
        assert 'data-testid="review-average">90,0<' in page, name
        assert 'data-testid="review-form"' not in page  # the officer is not a member
    # the decision stays the officer's: refusing against the reviews is allowed
    refusal = {"outcome": "refuse", "refusal_reason": "Trùng", "version": initiative.version}
    response = client.post(reverse("initiatives:decide", args=[initiative.pk]), refusal)
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == Status.REFUSED
    # a member who has not reviewed sees the counts but no form once decided
    client.force_login(board["member"])
    page = client.get(reverse("initiatives:detail", args=[initiative.pk])).content.decode()
    assert "1/3" in page and 'data-testid="review-form"' not in page


@pytest.mark.django_db
def test_review_route_scope_and_anonymous(client, org, people, users, board):
    initiative = _submit(users["hanoi_officer"], org.hanoi, people["hanoi_division"])
    url = reverse("initiatives:review", args=[initiative.pk])
    response = client.post(url, {"score": "80", "opinion": AGREE})
    assert (
        response.status_code == 302
        and "/login" in response["Location"].lower()
        or ("dang-nhap" in response["Location"])
    )
    client.force_login(users["phu_tho_officer"])
    assert client.post(url, {"score": "80", "opinion": AGREE}).status_code == 404
    client.force_login(board["sector_member"])  # reaches the unit but is not on its council
    response = client.post(url, {"score": "80", "opinion": AGREE})
    assert "Chỉ thành viên hội đồng" in response.content.decode()
    client.force_login(board["member"])
    assert client.get(url).status_code == 405
    assert client.post(reverse("initiatives:review", args=[99999])).status_code == 404
    assert not InitiativeReview.objects.exists()


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_detail_query_count_does_not_grow_with_members_and_reviews(
    client, org, people, users, board
):
    initiative = _submit(users["hanoi_officer"], org.hanoi, people["hanoi_division"])
    _review(board["chair"], initiative)
    urls = [reverse(f"initiatives:{name}", args=[initiative.pk]) for name in ("detail", "decide")]
    viewers = [users["hanoi_officer"], board["chair"]]

    def counts():
        result = []
        for viewer in viewers:
            client.force_login(viewer)
            result += [_count(client, urls[0])]
        client.force_login(users["hanoi_officer"])
        return result + [_count(client, urls[1])]

    few = counts()
    for number in range(12):
        user = make_user(f"hd.them{number}", (Role.COUNCIL_MEMBER, org.hanoi))
        CouncilMember.objects.create(council=board["hanoi"], user=user, role=MemberRole.MEMBER)
        _review(user, initiative, score=number)
    assert counts() == few


# --- inbox ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_inbox_lists_initiatives_waiting_for_the_members_review(org, people, users, board):
    today = dt.date.today()
    first = _submit(users["hanoi_officer"], org.hanoi, people["hanoi_division"], title="A")
    _submit(users["hanoi_officer"], org.hanoi_division, people["hanoi_division"], title="B")
    _submit(users["hanoi_officer"], org.hanoi, people["duc"], title="Của Đức")
    _submit(users["phu_tho_officer"], org.phu_tho, people["phu_tho"], title="Phú Thọ")
    _submit(users["hanoi_officer"], org.hanoi, people["duc"], title="Nháp", submit=False)

    def task(user):
        found = [t for t in tasks_for(user, today=today) if t.title == "Sáng kiến chờ chấm"]
        return found[0].count if found else 0

    assert task(board["member"]) == 3
    assert task(users["staff_duc"]) == 2  # not the one he authored
    assert task(board["secretary"]) == 0
    assert task(board["sector_member"]) == 1  # only Phú Thọ: Hà Nội has its own council
    assert task(users["hanoi_officer"]) == 0
    _review(board["member"], first)
    assert task(board["member"]) == 2
    with CaptureQueriesContext(connection) as few:
        pending_reviews(board["member"], today)
    for number in range(10):
        _submit(users["hanoi_officer"], org.hanoi, people["hanoi_division"], title=f"Thêm {number}")
    with CaptureQueriesContext(connection) as many:
        assert len(pending_reviews(board["member"], today)) == 12
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(many.captured_queries) <= 4


@pytest.mark.django_db
def test_a_staff_member_on_the_council_sees_what_the_council_reviews_only(
    client, org, people, users, board
):
    submitted = _submit(users["hanoi_officer"], org.hanoi_division, people["hanoi_division"])
    draft = _submit(users["hanoi_officer"], org.hanoi, people["hanoi_division"], submit=False)
    elsewhere = _submit(users["phu_tho_officer"], org.phu_tho, people["phu_tho"])
    client.force_login(users["staff_duc"])  # role STAFF only; sits on Hà Nội's council
    detail = "initiatives:detail"
    assert client.get(reverse(detail, args=[submitted.pk])).status_code == 200
    assert client.get(reverse(detail, args=[draft.pk])).status_code == 404
    assert client.get(reverse(detail, args=[elsewhere.pk])).status_code == 404
    CouncilMember.objects.filter(user=users["staff_duc"]).update(role=MemberRole.SECRETARY)
    assert client.get(reverse(detail, args=[submitted.pk])).status_code == 404
