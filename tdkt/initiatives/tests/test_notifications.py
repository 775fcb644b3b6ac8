"""E-mails of the initiative flow: sent for review → the deciding officers and the reviewing
council's voting members; recognised or refused → the authors and the submitter."""

import datetime as dt

import pytest
from django.core import mail

from tdkt.accounts.models import Role
from tdkt.council.models import Council, CouncilMember, MemberRole
from tdkt.initiatives import services
from tdkt.initiatives.services import ShareInput
from tdkt.testing import make_person, make_user

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def _mail(*users) -> None:
    for user in users:
        user.email = f"{user.username}@example.vn"
        user.save()


def _addresses() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def council(org, users):
    """Hà Nội's council: a chair, a member and a secretary, all with e-mail addresses."""
    council = Council.objects.create(unit=org.hanoi, name="Hội đồng Hà Nội", valid_from=TODAY)
    seats = {}
    for name, role in (("hd.chutich", MemberRole.CHAIR), ("hd.uyvien", MemberRole.MEMBER),
                       ("hd.thuky", MemberRole.SECRETARY)):  # fmt: skip
        seats[name] = make_user(name, (Role.COUNCIL_MEMBER, org.hanoi))
        CouncilMember.objects.create(council=council, user=seats[name], role=role)
    _mail(*seats.values(), *users.values())
    return seats


def _save(user, unit, person, *, submit=True):
    return services.initiative_save(
        user=user, initiative=None, expected_version=None, unit=unit, title="Sổ tay kiểm sát",
        year=TODAY.year, description="Mô tả", applied_where="Phòng 1", applied_result="Tốt",
        shares=[ShareInput(person, 100)], submit=submit,
    )  # fmt: skip


def test_sent_for_review_reaches_the_officer_and_the_voting_members(
    org, people, users, council, django_capture_on_commit_callbacks
):
    """Given Đức (a staff member) submitting his own initiative, the unit's officer and the
    council's chair and member are told; not the secretary, not Đức, not the sector officer
    (a unit officer reaches it), not Phú Thọ."""
    with django_capture_on_commit_callbacks(execute=True):
        initiative = _save(users["staff_duc"], org.hanoi, people["duc"])
    assert _addresses() == [
        "hd.chutich@example.vn",
        "hd.uyvien@example.vn",
        "tdkt.hanoi@example.vn",
    ]
    assert "Sáng kiến chờ xét: Sổ tay kiểm sát" in mail.outbox[0].subject
    assert f"/sang-kien/{initiative.pk}/" in mail.outbox[0].body


def test_a_draft_sends_nothing_until_it_is_sent_for_review(
    org, people, users, council, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft = _save(users["staff_duc"], org.hanoi, people["duc"], submit=False)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_submit(
            user=users["staff_duc"], initiative=draft, expected_version=draft.version
        )
    assert "tdkt.hanoi@example.vn" in _addresses() and len(mail.outbox) == 3


def test_without_a_unit_officer_the_sector_officers_are_told(
    org, users, django_capture_on_commit_callbacks
):
    """Given an initiative of the SPP's office, which no unit officer reaches, submitted by
    one sector officer, then the other sector officer is told (the submitter is not)."""
    other = make_user("tdkt.nganh2", (Role.SECTOR_OFFICER, org.root))
    _mail(other, *users.values())
    author = make_person(org.office, "Vũ Thị Hoa", gender="F")
    with django_capture_on_commit_callbacks(execute=True):
        _save(users["sector"], org.office, author)
    assert _addresses() == ["tdkt.nganh2@example.vn"]


def test_recognition_reaches_the_authors_and_the_submitter(
    org, people, users, council, django_capture_on_commit_callbacks
):
    """Given the Hà Nội officer submitting Bình's initiative, when the sector officer
    recognises it, then Bình (through her user) and the Hà Nội officer are told."""
    binh = make_user("canbo.binh", person=people["hanoi_division"])
    _mail(binh)
    initiative = _save(users["hanoi_officer"], org.hanoi_division, people["hanoi_division"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_recognise(
            user=users["sector"], initiative=initiative, expected_version=initiative.version,
            effect_scope="NGANH", decision_number="12/QĐ", decided_on=TODAY,
            recognising_body="VKSND tối cao",
        )  # fmt: skip
    assert _addresses() == ["canbo.binh@example.vn", "tdkt.hanoi@example.vn"]
    message = mail.outbox[0]
    assert "Sáng kiến được công nhận: Sổ tay kiểm sát" in message.subject
    assert "toàn ngành" in message.body.lower() and "12/QĐ" in message.body


def test_refusal_reaches_the_author_not_the_deciding_officer(
    org, people, users, council, django_capture_on_commit_callbacks
):
    initiative = _save(users["staff_duc"], org.hanoi, people["duc"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_refuse(
            user=users["hanoi_officer"], initiative=initiative,
            expected_version=initiative.version, reason="Chưa chứng minh được hiệu quả",
        )  # fmt: skip
    assert _addresses() == ["canbo.duc@example.vn"]
    assert "Lý do: Chưa chứng minh được hiệu quả" in mail.outbox[0].body
    assert "không được công nhận" in mail.outbox[0].subject
