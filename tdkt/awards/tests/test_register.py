"""The award register pages: record, correct and revoke a decision; scope and stale edits."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.awards import services
from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError, StaleEditError
from tdkt.people.models import Assignment

pytestmark = pytest.mark.django_db
D = dt.date


def _type(code):
    return AwardType.objects.get(code=code)


DECIDED = D(2024, 12, 20)


def _record(person=None, unit=None, code="LDTT", year=2024, number="15/QĐ", day=DECIDED):
    return services.award_record(
        award_type=_type(code),
        person=person,
        unit=unit,
        year=year,
        decision_number=number,
        decision_date=day,
        signer="Lê Văn Tâm",
        authority="Viện trưởng",
        reason="Nhập sổ",
    )


def test_an_officer_records_an_award_for_a_person_in_the_browser_flow(client, people, users):
    duc = people["duc"]
    client.force_login(users["hanoi_officer"])
    url = reverse("awards:create-person", args=[duc.pk])

    form = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "award_type": _type("CSTDCS").pk,
            "year": 2024,
            "kind": "CONG_TRANG",
            "decision_number": " 88/QĐ-VKS ",
            "decision_date": "2024-12-28",
            "signer": "",
            "authority": "Viện trưởng VKSND TP Hà Nội",
            "reason": "Bổ sung sổ",
        },
        follow=True,
    )

    assert "Chiến sĩ thi đua cơ sở" in form and "Tập thể lao động tiên tiến" not in form
    award = Award.objects.get()
    assert award.decision_number == "88/QĐ-VKS" and award.holder_unit == duc.unit
    assert award.history.get().history_change_reason == "Bổ sung sổ"
    assert "Đã ghi vào sổ khen thưởng" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("reports:person-record", args=[duc.pk])


def test_the_holder_unit_is_where_the_person_worked_on_the_decision_date(org, people):
    person = people["hoa_binh_left"]
    Assignment.objects.filter(person=person).update(start=D(2015, 1, 1))

    award = _record(person=person, year=2023, day=D(2023, 12, 20))

    assert award.holder_unit == org.hoa_binh_district


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"code": "TTLDTT"}, "award_type", "là khen thưởng tập thể"),
        ({"year": 1999}, "year", "Năm thành tích phải từ 2000"),
        ({"day": D(2023, 6, 1)}, "decision_date", "không thể trước năm thành tích 2024"),
        (
            {"day": dt.date.today() + dt.timedelta(days=2)},
            "decision_date",
            "không được sau hôm nay",
        ),
        ({"number": "  "}, "decision_number", "Hãy ghi số quyết định"),
    ],
)
def test_a_bad_award_is_refused_with_a_message(people, changes, field, message):
    arguments = {"person": people["duc"], **changes}

    with pytest.raises(DomainError) as refused:
        _record(**arguments)

    assert refused.value.field == field and message in refused.value.message
    assert not Award.objects.exists()


def test_the_same_decision_twice_is_refused(people):
    _record(person=people["duc"])

    with pytest.raises(DomainError) as refused:
        _record(person=people["duc"])

    assert "đã có trong sổ khen thưởng" in refused.value.message


def test_a_collective_award_for_a_unit(client, org, users):
    client.force_login(users["phu_tho_officer"])
    url = reverse("awards:create-unit", args=[org.phu_tho.pk])

    client.post(
        url,
        {
            "award_type": _type("TTLDTT").pk,
            "year": 2025,
            "kind": "CONG_TRANG",
            "decision_number": "7/QĐ",
            "decision_date": "2025-12-20",
            "reason": "Nhập sổ",
        },
    )

    award = Award.objects.get()
    assert award.unit == org.phu_tho and award.holder_unit == org.phu_tho


def test_revoking_keeps_the_award_marked_and_refuses_a_second_time(client, people, users):
    award = _record(person=people["duc"])
    client.force_login(users["hanoi_officer"])
    url = reverse("awards:revoke", args=[award.pk])

    page = client.get(url).content.decode()
    client.post(url, {"version": award.version, "revoked_on": "2025-03-01", "reason": "Sai sót"})

    award.refresh_from_db()
    assert "Xác nhận hủy bỏ" in page
    assert award.revoked and award.revoked_on == D(2025, 3, 1)
    assert award.revocation_reason == "Sai sót"
    assert award.history.first().history_change_reason == "Hủy bỏ khen thưởng: Sai sót"
    with pytest.raises(DomainError):
        services.award_revoke(
            award=award, expected_version=award.version, revoked_on=D(2025, 3, 2), reason="x"
        )


def test_revocation_before_the_decision_or_without_reason_is_refused(client, people, users):
    award = _record(person=people["duc"])
    client.force_login(users["hanoi_officer"])
    url = reverse("awards:revoke", args=[award.pk])

    early = client.post(url, {"version": 1, "revoked_on": "2024-01-01", "reason": "x"})
    empty = client.post(url, {"version": 1, "revoked_on": "2025-01-01", "reason": ""})

    assert "không thể trước ngày quyết định (20/12/2024)" in early.content.decode()
    assert "Trường này là bắt buộc." in empty.content.decode()
    award.refresh_from_db()
    assert not award.revoked


def test_a_stale_correction_never_overwrites_another(client, people, users):
    award = _record(person=people["duc"])
    opened_version = award.version
    services.award_update(
        award=Award.objects.get(pk=award.pk),
        expected_version=opened_version,
        reason="Sửa số",
        decision_number="15/QĐ-VKS",
    )
    client.force_login(users["hanoi_officer"])

    response = client.post(
        reverse("awards:edit", args=[award.pk]),
        {
            "version": opened_version,
            "kind": "CONG_TRANG",
            "decision_number": "99/QĐ",
            "decision_date": "2024-12-20",
            "signer": "",
            "authority": "",
            "reason": "Sửa lại",
        },
    )

    assert "đã được người khác sửa" in response.content.decode()
    assert Award.objects.get(pk=award.pk).decision_number == "15/QĐ-VKS"
    with pytest.raises(StaleEditError):
        services.award_update(
            award=Award.objects.get(pk=award.pk),
            expected_version=opened_version,
            reason="x",
            signer="y",
        )


def test_out_of_reach_answers_404_and_viewers_cannot_change(client, org, people, users):
    award = _record(person=people["duc"])
    urls = [
        reverse("awards:create-person", args=[people["duc"].pk]),
        reverse("awards:create-unit", args=[org.hanoi.pk]),
        reverse("awards:edit", args=[award.pk]),
        reverse("awards:revoke", args=[award.pk]),
    ]
    for user in ("phu_tho_officer", "hanoi_leader", "staff_duc", "no_role"):
        client.force_login(users[user])
        assert [client.get(url).status_code for url in urls] == [404] * 4, user
        assert (
            client.post(
                urls[3], {"version": 1, "revoked_on": "2025-01-01", "reason": "x"}
            ).status_code
            == 404
        )
    client.force_login(users["hanoi_officer"])
    assert [client.get(url).status_code for url in urls] == [200] * 4
    record = client.get(reverse("reports:person-record", args=[people["duc"].pk])).content.decode()
    assert reverse("awards:revoke", args=[award.pk]) in record
    client.force_login(users["hanoi_leader"])
    record = client.get(reverse("reports:person-record", args=[people["duc"].pk])).content.decode()
    assert reverse("awards:revoke", args=[award.pk]) not in record
