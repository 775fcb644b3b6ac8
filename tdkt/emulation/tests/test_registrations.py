"""Registrations: deadline and lock, reopening, targets within the unit, early warnings from
the rule engine, and the year-end comparison with the awards register."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType
from tdkt.core.errors import DomainError
from tdkt.emulation.models import RegisteredPerson, RegistrationPeriod, UnitRegistration
from tdkt.emulation.selectors import registrations as selectors
from tdkt.emulation.services import registrations as services
from tdkt.people.models import Person
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db

BEFORE = dt.date(2026, 2, 1)
AFTER = dt.date(2026, 4, 1)


@pytest.fixture
def period(users):
    return services.period_set(year=2026, deadline=dt.date(2026, 3, 15), user=users["sector"])


@pytest.fixture
def registration(org, users, period):
    return services.registration_start(
        unit=org.hanoi, year=2026, user=users["hanoi_officer"], today=BEFORE
    )


def _error(call, **kwargs):
    with pytest.raises(DomainError) as info:
        call(**kwargs)
    return info.value


def test_only_the_sector_officer_sets_the_deadline(users):
    assert (
        _error(
            services.period_set,
            year=2026,
            deadline=dt.date(2026, 3, 1),
            user=users["hanoi_officer"],
        ).message
        == services.NOT_SECTOR
    )
    assert (
        _error(
            services.period_set, year=2026, deadline=dt.date(2020, 3, 1), user=users["sector"]
        ).field
        == "deadline"
    )


def test_registration_needs_a_deadline_and_the_right_unit(org, users):
    RegistrationPeriod.objects.all().delete()  # a demo generated earlier may have left some
    error = _error(
        services.registration_start, unit=org.hanoi, year=2026, user=users["hanoi_officer"],
        today=BEFORE,
    )  # fmt: skip
    assert "chưa đặt hạn" in error.message
    services.period_set(year=2026, deadline=dt.date(2026, 3, 15), user=users["sector"])
    assert _error(
        services.registration_start, unit=org.phu_tho, year=2026, user=users["hanoi_officer"],
        today=BEFORE,
    ).field == "unit"  # fmt: skip
    assert _error(
        services.registration_start, unit=org.hanoi_division, year=2026,
        user=users["hanoi_officer"], today=BEFORE,
    ).message == services.UNIT_CANNOT_REGISTER  # fmt: skip


def test_targets_saved_before_deadline_then_locked_until_reopened(org, people, users, registration):
    duc, binh = people["duc"], people["hanoi_division"]
    services.registration_save(
        registration=registration,
        collectives={org.hanoi.pk: "TTLDXS", org.hanoi_division.pk: "TTLDTT"},
        persons={duc.pk: "CSTDCS", binh.pk: "LDTT"},
        expected_version=registration.version, user=users["hanoi_officer"], today=BEFORE,
    )  # fmt: skip
    assert registration.persons.count() == 2 and registration.collectives.count() == 2
    error = _error(
        services.registration_save, registration=registration, collectives={},
        persons={duc.pk: "LDTT"}, user=users["hanoi_officer"], today=AFTER,
    )  # fmt: skip
    assert "hết hạn đăng ký" in error.message and "15/03/2026" in error.message
    assert RegisteredPerson.objects.get(person=duc).award_type.code == "CSTDCS"
    assert _error(
        services.registration_reopen, registration=registration, until=dt.date(2026, 4, 10),
        user=users["hanoi_officer"], today=AFTER,
    ).message == services.NOT_SECTOR  # fmt: skip
    services.registration_reopen(
        registration=registration, until=dt.date(2026, 4, 10), user=users["sector"], today=AFTER
    )
    services.registration_save(
        registration=registration, collectives={}, persons={duc.pk: "LDTT"},
        user=users["hanoi_officer"], today=AFTER,
    )  # fmt: skip
    assert RegisteredPerson.objects.get(person=duc).award_type.code == "LDTT"
    assert _error(
        services.registration_save, registration=registration, collectives={}, persons={},
        user=users["hanoi_officer"], today=dt.date(2026, 4, 11),
    ).message.startswith("Đã hết hạn")  # fmt: skip


def test_targets_must_belong_to_the_unit_and_fit_the_subject(org, people, registration):
    outsider = people["phu_tho"]
    for collectives, persons in (
        ({org.phu_tho.pk: "TTLDTT"}, {}),
        ({}, {outsider.pk: "LDTT"}),
        ({org.hanoi.pk: "CSTDCS"}, {}),
        ({}, {people["duc"].pk: "CO_NGANH"}),
    ):
        with pytest.raises(DomainError):
            services.registration_save(
                registration=registration, collectives=collectives, persons=persons, today=BEFORE
            )
    assert not registration.persons.exists()


def test_stale_registration_edit_is_refused(people, registration):
    duc = people["duc"]
    services.registration_save(
        registration=registration, collectives={}, persons={duc.pk: "LDTT"},
        expected_version=1, today=BEFORE,
    )  # fmt: skip
    assert _error(
        services.registration_save, registration=registration, collectives={},
        persons={duc.pk: "CSTDCS"}, expected_version=1, today=BEFORE,
    ).code == "stale"  # fmt: skip


def test_early_warning_for_a_sector_fighter_without_three_cstdcs(org, people, registration):
    duc = people["duc"]
    services.registration_save(
        registration=registration, collectives={}, persons={duc.pk: "CSTD_NGANH"}, today=BEFORE
    )
    _units, persons = selectors.registration_rows(registration)
    row = next(r for r in persons if r.subject == duc)
    assert row.code == "CSTD_NGANH" and row.warnings
    assert any("CSTĐCS" in w or "chiến sĩ thi đua cơ sở" in w.lower() for w in row.warnings)
    unregistered = next(r for r in persons if r.subject == people["hanoi_division"])
    assert unregistered.code == "" and unregistered.warnings == []


def _award(code, *, person=None, unit=None, year=2026, revoked=False):
    return Award.objects.create(
        award_type=AwardType.objects.get(code=code), person=person, unit=unit, year=year,
        decision_number=f"{code}/{year}", decision_date=dt.date(year, 12, 20),
        holder_unit=unit or person.unit, revoked=revoked,
    )  # fmt: skip


def test_comparison_flags_unregistered_titles(org, people, users, registration):
    duc, binh = people["duc"], people["hanoi_division"]
    other = make_person(org.hanoi, "Vũ Thị Hoa", gender="F")
    services.registration_save(
        registration=registration, collectives={org.hanoi.pk: "TTLDXS"},
        persons={duc.pk: "CSTDCS", binh.pk: "LDTT"}, today=BEFORE,
    )  # fmt: skip
    _award("LDTT", person=duc)  # covered by CSTĐCS, but CSTĐCS itself missed
    _award("CSTDCS", person=binh)  # above what was registered: flagged, LĐTT achieved
    _award("LDTT", person=other)  # nothing registered: flagged
    _award("TTLDXS", unit=org.hanoi)
    _award("LDTT", person=other, year=2025)  # another year: ignored
    _award("TTLDTT", unit=org.hanoi_division, revoked=True)  # revoked: ignored
    rows = selectors.comparison(user=users["hanoi_officer"], year=2026)
    assert len(rows) == 1
    lines = {(line.subject, line.status) for line in rows[0].lines}
    assert lines == {
        ("Đặng Văn Đức", "missed"),
        ("Trần Thị Bình", "achieved"),
        ("VKSND thành phố Hà Nội", "achieved"),
        ("Trần Thị Bình", "unregistered"),
        ("Vũ Thị Hoa", "unregistered"),
    }
    assert (rows[0].registered, rows[0].achieved, rows[0].unregistered) == (3, 2, 2)
    assert selectors.comparison(user=users["phu_tho_officer"], year=2026) == []


def test_registration_pages_scope_lock_and_export(client, org, people, users, registration):
    detail = reverse("emulation:registration-detail", kwargs={"pk": registration.pk})
    client.force_login(users["phu_tho_officer"])
    assert client.get(detail).status_code == 404
    reopen = reverse("emulation:registration-reopen", kwargs={"pk": registration.pk})
    assert client.post(reopen, {"until": "2030-01-01"}).status_code == 404
    client.force_login(users["no_role"])
    for name in ("registration-list", "registration-comparison", "registration-comparison-export"):
        assert client.get(reverse(f"emulation:{name}")).status_code == 404
    client.force_login(users["hanoi_officer"])
    page = client.get(detail).content.decode()  # today (22/11/2026) is after the deadline
    assert 'data-testid="locked"' in page and "Đặng Văn Đức" in page
    response = client.post(
        detail, {"version": registration.version, f"p_{people['duc'].pk}": "LDTT"}
    )
    assert response.status_code == 200 and not registration.persons.exists()
    registration.reopened_until = dt.date(2100, 1, 1)
    registration.save()
    response = client.post(
        detail, {"version": registration.version, f"p_{people['duc'].pk}": "CSTDCS", "note": ""}
    )
    assert response.status_code == 302
    assert registration.persons.get().award_type.code == "CSTDCS"
    _award("LDTT", person=people["phu_tho"])
    export = client.get(reverse("emulation:registration-comparison-export"), {"year": 2026})
    book = load_workbook(io.BytesIO(export.content))
    summary = list(book["Tổng hợp"].iter_rows(min_row=2, values_only=True))
    assert summary[0][:3] == ("VKSND thành phố Hà Nội", 1, 0)
    detail_rows = list(book["Chi tiết"].iter_rows(min_row=2, values_only=True))
    assert detail_rows == [
        ("VKSND thành phố Hà Nội", "Đặng Văn Đức", "VKSND thành phố Hà Nội",
         "Chiến sĩ thi đua cơ sở", None, "Chưa đạt"),
    ]  # fmt: skip


def test_registration_pages_query_counts_do_not_grow(client, org, users, registration):
    client.force_login(users["sector"])
    urls = [
        reverse("emulation:registration-list") + "?year=2026",
        reverse("emulation:registration-detail", kwargs={"pk": registration.pk}),
        reverse("emulation:registration-comparison") + "?year=2026",
    ]

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    persons = {make_person(org.hanoi, f"Cán bộ {i}").pk: "LDTT" for i in range(2)}
    registration.reopened_until = dt.date(2100, 1, 1)
    registration.save()
    services.registration_save(
        registration=registration, collectives={org.hanoi.pk: "TTLDTT"}, persons=persons
    )
    _award("LDTT", person=Person.objects.get(pk=next(iter(persons))))
    first = counts()
    more = {make_person(org.hanoi, f"Cán bộ thêm {i}").pk: "CSTDCS" for i in range(10)}
    services.registration_save(
        registration=registration, collectives={org.hanoi.pk: "TTLDTT"}, persons={**persons, **more}
    )
    for pk in list(more)[:5]:
        _award("LDTT", person=Person.objects.get(pk=pk))
    UnitRegistration.objects.create(unit=org.phu_tho, year=2026)
    assert counts() == first


def test_no_warning_when_the_history_allows_the_target(org, people, registration):
    from tdkt.people.services import rating_set

    duc = people["duc"]
    for year in (2024, 2025):
        rating_set(person=duc, year=year, rating="HTXSNV", reason="Nhập")
        _award("LDTT", person=duc, year=year)
        _award("CSTDCS", person=duc, year=year)
    services.registration_save(
        registration=registration, collectives={org.hanoi_division.pk: "TTLDTT"},
        persons={duc.pk: "CSTD_NGANH"}, today=BEFORE,
    )  # fmt: skip
    units, persons = selectors.registration_rows(registration)
    row = next(r for r in persons if r.subject == duc)
    assert not any("CSTĐCS" in w for w in row.warnings)
    division = next(r for r in units if r.subject == org.hanoi_division)
    assert division.code == "TTLDTT" and division.warnings == []


def test_awards_of_an_area_procuracy_are_not_counted_under_its_province(org, people, registration):
    from tdkt.emulation.selectors.registrations import comparison

    area_person = make_person(org.area_hanoi_1, "Lý Văn Nam")
    _award("LDTT", person=area_person)
    _award("LDTT", person=people["hanoi_division"])
    services.registration_save(registration=registration, collectives={}, persons={}, today=BEFORE)
    from tdkt.testing import make_user

    user = make_user("tdkt.hn2", ("SECTOR_OFFICER", org.root))
    lines = comparison(user=user, year=2026)[0].lines
    assert [(line.subject, line.status) for line in lines] == [("Trần Thị Bình", "unregistered")]


def test_comparison_page_hides_achieved_lines_unless_asked(
    client, org, people, users, registration
):
    duc, binh = people["duc"], people["hanoi_division"]
    services.registration_save(
        registration=registration, collectives={}, persons={duc.pk: "LDTT", binh.pk: "LDTT"},
        today=BEFORE,
    )  # fmt: skip
    _award("LDTT", person=duc)
    client.force_login(users["hanoi_officer"])
    url = reverse("emulation:registration-comparison")
    page = client.get(url, {"year": 2026}).content.decode()
    assert "Trần Thị Bình" in page and "Đặng Văn Đức" not in page
    page = client.get(url, {"year": 2026, "tat_ca": "1"}).content.decode()
    assert "Đặng Văn Đức" in page


def test_registration_export_lists_targets_and_warnings(client, org, people, users, registration):
    duc = people["duc"]
    services.registration_save(
        registration=registration, collectives={org.hanoi.pk: "TTLDXS"},
        persons={duc.pk: "CSTD_NGANH"}, today=BEFORE,
    )  # fmt: skip
    url = reverse("emulation:registration-export", kwargs={"pk": registration.pk})
    client.force_login(users["phu_tho_officer"])
    assert client.get(url).status_code == 404
    client.force_login(users["hanoi_officer"])
    book = load_workbook(io.BytesIO(client.get(url).content))
    collectives = list(book["Tập thể"].iter_rows(min_row=2, values_only=True))
    assert collectives[0][:2] == ("VKSND thành phố Hà Nội", "Tập thể lao động xuất sắc")
    persons = list(book["Cá nhân"].iter_rows(min_row=2, values_only=True))
    assert persons[0][1:4] == (
        "Đặng Văn Đức", "VKSND thành phố Hà Nội", "Chiến sĩ thi đua ngành Kiểm sát nhân dân",
    )  # fmt: skip
    assert "CSTĐCS" in persons[0][4]
