"""Commendation records: registered titles against results, and the unit's initiatives, on the
page, in the PDF, in the Excel workbook and in the API; fixed query counts."""

import io
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.catalog.models import AwardType
from tdkt.emulation.models import RegisteredCollective, RegisteredPerson, UnitRegistration
from tdkt.initiatives.models import Initiative, Status
from tdkt.reports.records import person_record, unit_record
from tdkt.reports.tests.test_records import TODAY, D, grant
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes) -> str:
    """The PDF's text in reading order, whitespace collapsed (table cells wrap)."""
    assert content.startswith(b"%PDF-")
    done = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True)
    return " ".join(done.stdout.decode().split())


def register(unit, year, code, *, person=None, collective=None):
    """``unit``'s registration for ``year`` (created once) gets a target ``code`` for
    ``person`` or ``collective``."""
    registration, _ = UnitRegistration.objects.get_or_create(unit=unit, year=year)
    award_type = AwardType.objects.get(code=code)
    if person is not None:
        return RegisteredPerson.objects.create(
            registration=registration, person=person, award_type=award_type
        )
    return RegisteredCollective.objects.create(
        registration=registration, unit=collective, award_type=award_type
    )


def recognise(title, unit, year, *, authors, used_for=None, status=Status.RECOGNISED):
    initiative = Initiative.objects.create(
        title=title,
        unit=unit,
        year=year,
        status=status,
        recognised_on=D(year, 10, 1) if status == Status.RECOGNISED else None,
        recognising_body="Hội đồng sáng kiến",
        effect_scope="CO_SO",
        used_for=used_for,
    )
    initiative.authors.add(*authors)
    return initiative


@pytest.fixture
def duc_registrations(org, people):
    """Đức: 2021 LĐTT achieved by a higher CSTĐCS; 2022 CSTĐCS achieved; 2023 CSTĐCS missed
    (only LĐTT); 2024 CSTĐCS missed because the CSTĐCS granted was revoked; 2026 LĐTT, the
    year of the record, without a result yet."""
    duc = people["duc"]
    for year in (2021, 2022, 2023, 2024):
        register(org.hanoi, year, "LDTT" if year == 2021 else "CSTDCS", person=duc)
    grant("CSTDCS", 2021, person=duc)
    grant("CSTDCS", 2022, person=duc)
    grant("LDTT", 2023, person=duc)
    grant("LDTT", 2024, person=duc)
    grant("CSTDCS", 2024, person=duc, revoked=True, number="99/QĐ-HUY")
    grant("CSTDCS", 2025, person=duc)  # nothing registered for 2025
    register(org.hanoi, 2026, "LDTT", person=duc)
    return duc


def _results(record) -> dict:
    return {
        (t.year, t.subject, t.code): (t.achieved, t.granted, t.revoked)
        for y in record.registrations
        for t in y.titles
    }


def test_a_persons_registrations_are_achieved_missed_or_missed_for_a_revoked_award(
    duc_registrations, users
):
    record = person_record(user=users["hanoi_officer"], pk=duc_registrations.pk, today=TODAY)

    assert [y.year for y in record.registrations] == [2026, 2024, 2023, 2022, 2021]
    name = "Đặng Văn Đức"
    assert _results(record) == {
        (2026, name, "LDTT"): (False, (), ()),
        (2024, name, "CSTDCS"): (False, ("Lao động tiên tiến",), ("Chiến sĩ thi đua cơ sở",)),
        (2023, name, "CSTDCS"): (False, ("Lao động tiên tiến",), ()),
        (2022, name, "CSTDCS"): (True, ("Chiến sĩ thi đua cơ sở",), ()),
        (2021, name, "LDTT"): (True, ("Chiến sĩ thi đua cơ sở",), ()),
    }
    assert [y.achieved for y in record.registrations] == [0, 0, 0, 1, 1]
    results = [t.result for y in record.registrations for t in y.titles]
    assert results == ["pending", "missed", "missed", "achieved", "achieved"]
    assert record.registrations[0].titles[0].registered_by == "VKSND thành phố Hà Nội"


@pytest.fixture
def phu_tho_history(org, people):
    """Phú Thọ (2025) and the provinces it succeeded, with a registration each year, and the
    initiatives of their staff; Hà Nội's own registration and initiative stay out."""
    register(org.vinh_phuc, 2023, "TTLDXS", collective=org.vinh_phuc)
    grant("TTLDTT", 2023, unit=org.vinh_phuc)
    register(org.hoa_binh, 2024, "TTLDXS", collective=org.hoa_binh)
    grant("TTLDXS", 2024, unit=org.hoa_binh)
    register(org.hoa_binh, 2022, "TTLDTT", collective=org.hoa_binh)
    grant("TTLDTT", 2022, unit=org.hoa_binh, revoked=True)
    register(org.phu_tho, 2025, "TTLDTT", collective=org.phu_tho)
    grant("TTLDTT", 2025, unit=org.phu_tho)
    register(org.hanoi, 2025, "TTLDTT", collective=org.hanoi)
    cuong = people["phu_tho"]
    backed = grant("CSTDCS", 2025, person=cuong)
    recognise("Phần mềm theo dõi án", org.area_phu_tho_1, 2025, authors=[cuong], used_for=backed)
    recognise("Sổ tay kiểm sát", org.hoa_binh_district, 2023, authors=[people["hoa_binh_left"]])
    recognise("Mẫu cáo trạng", org.phu_tho, 2025, authors=[cuong], status=Status.SUBMITTED)
    recognise("Hà Nội số", org.hanoi, 2025, authors=[people["duc"]])


def test_a_units_record_lists_its_and_its_predecessors_registrations(phu_tho_history, org, users):
    record = unit_record(user=users["phu_tho_officer"], pk=org.phu_tho.pk, today=TODAY)

    assert _results(record) == {
        (2025, "VKSND tỉnh Phú Thọ", "TTLDTT"): (True, ("Tập thể lao động tiên tiến",), ()),
        (2024, org.hoa_binh.short_name, "TTLDXS"): (True, ("Tập thể lao động xuất sắc",), ()),
        (2023, org.vinh_phuc.short_name, "TTLDXS"): (False, ("Tập thể lao động tiên tiến",), ()),
        (2022, org.hoa_binh.short_name, "TTLDTT"): (False, (), ("Tập thể lao động tiên tiến",)),
    }


def test_a_units_record_lists_the_recognised_initiatives_of_its_staff(
    phu_tho_history, org, people, users
):
    record = unit_record(user=users["phu_tho_officer"], pk=org.phu_tho.pk, today=TODAY)

    initiatives = [row.initiative for row in record.initiatives]
    rows = [
        (i.year, i.title, i.unit_id, i.used_for.award_type.code if i.used_for else None)
        for i in initiatives
    ]
    assert rows == [
        (2025, "Phần mềm theo dõi án", org.area_phu_tho_1.pk, "CSTDCS"),
        (2023, "Sổ tay kiểm sát", org.hoa_binh_district.pk, None),
    ]
    assert initiatives[0].used_for.person == people["phu_tho"]
    assert [row.authors for row in record.initiatives] == [("Lê Văn Cường",), ("Phạm Thị Dung",)]


def test_the_pages_and_pdfs_show_registrations_and_initiatives(
    client, duc_registrations, phu_tho_history, org, users
):
    client.force_login(users["sector"])

    person = client.get(reverse("reports:person-record", args=[duc_registrations.pk]))
    unit = client.get(reverse("reports:unit-record", args=[org.phu_tho.pk]))
    person_pdf = _pdf_text(
        client.get(reverse("reports:person-record-pdf", args=[duc_registrations.pk])).content
    )
    unit_pdf = _pdf_text(
        client.get(reverse("reports:unit-record-pdf", args=[org.phu_tho.pk])).content
    )

    html = person.content.decode()
    assert "5. Đăng ký thi đua và kết quả" in html and "Không đạt" in html
    assert "đạt 1/1" in html and "đạt 0/1" in html
    assert "đã hủy bỏ, không tính" in html and "Chưa có kết quả" in html
    html = unit.content.decode()
    assert "Phần mềm theo dõi án" in html and "Mẫu cáo trạng" not in html
    assert "Chiến sĩ thi đua cơ sở 2025 — Lê Văn Cường" in html
    assert "5. Đăng ký thi đua và kết quả" in person_pdf
    assert "Không đạt" in person_pdf and "Đạt" in person_pdf
    assert "(đã hủy bỏ, không tính)" in person_pdf
    assert "Sáng kiến đã được công nhận" in unit_pdf and "Sổ tay kiểm sát" in unit_pdf
    assert "Hà Nội số" not in unit_pdf


def _sheet(response, name) -> list[tuple]:
    return list(load_workbook(io.BytesIO(response.content))[name].iter_rows(values_only=True))


def test_the_workbooks_have_the_registrations_and_the_initiatives(
    client, duc_registrations, phu_tho_history, org, users
):
    client.force_login(users["sector"])

    person = client.get(reverse("reports:person-record-excel", args=[duc_registrations.pk]))
    unit = client.get(reverse("reports:unit-record-excel", args=[org.phu_tho.pk]))

    rows = _sheet(person, "DangKy")
    assert rows[0][:4] == ("Năm", "Danh hiệu đăng ký", "Đơn vị đăng ký", "Kết quả")
    assert rows[1][:4] == (2026, "Lao động tiên tiến", "VKSND thành phố Hà Nội", "Chưa có kết quả")
    assert rows[2] == (
        2024,
        "Chiến sĩ thi đua cơ sở",
        "VKSND thành phố Hà Nội",
        "Không đạt",
        "Lao động tiên tiến",
        "Chiến sĩ thi đua cơ sở",
    )
    assert [r[3] for r in rows[2:]] == ["Không đạt", "Không đạt", "Đạt", "Đạt"]
    rows = _sheet(unit, "DangKy")
    assert [(r[0], r[1], r[4]) for r in rows[1:]] == [
        (2025, "VKSND tỉnh Phú Thọ", "Đạt"),
        (2024, org.hoa_binh.short_name, "Đạt"),
        (2023, org.vinh_phuc.short_name, "Không đạt"),
        (2022, org.hoa_binh.short_name, "Không đạt"),
    ]
    assert rows[4][6] == "Tập thể lao động tiên tiến"
    rows = _sheet(unit, "SangKien")
    assert rows[1][:4] == (
        2025,
        "Phần mềm theo dõi án",
        "Lê Văn Cường",
        org.area_phu_tho_1.short_name,
    )
    assert rows[1][7] == "Chiến sĩ thi đua cơ sở 2025 — Lê Văn Cường"
    assert [r[1] for r in rows[1:]] == ["Phần mềm theo dõi án", "Sổ tay kiểm sát"]


def test_the_record_api_gives_registrations_and_initiatives(
    client, duc_registrations, phu_tho_history, org, people, users
):
    client.force_login(users["sector"])

    person = client.get(f"/api/v1/records/persons/{duc_registrations.pk}").json()
    unit = client.get(f"/api/v1/records/units/{org.phu_tho.pk}").json()

    assert person["registrations"][0]["titles"][0]["result"] == "pending"
    revoked = person["registrations"][1]
    assert (revoked["year"], revoked["registered"], revoked["achieved"]) == (2024, 1, 0)
    assert revoked["titles"][0] == {
        "code": "CSTDCS",
        "name": "Chiến sĩ thi đua cơ sở",
        "subject": "Đặng Văn Đức",
        "registered_by": "VKSND thành phố Hà Nội",
        "achieved": False,
        "result": "missed",
        "granted": ["Lao động tiên tiến"],
        "revoked": ["Chiến sĩ thi đua cơ sở"],
    }
    assert [(y["year"], y["achieved"]) for y in unit["registrations"]] == [
        (2025, 1),
        (2024, 1),
        (2023, 0),
        (2022, 0),
    ]
    first = unit["initiatives"][0]
    assert first["title"] == "Phần mềm theo dõi án" and first["authors"] == ["Lê Văn Cường"]
    assert (first["used_for_code"], first["used_for_year"]) == ("CSTDCS", 2025)
    assert first["used_for_person_id"] == people["phu_tho"].pk
    assert first["unit_id"] == org.area_phu_tho_1.pk
    assert len(unit["initiatives"]) == 2


def _grow(org, people, years):
    """More registrations, awards and initiatives for Đức and for Phú Thọ's lineage."""
    for year in years:
        register(org.hanoi, year, "LDTT", person=people["duc"])
        grant("LDTT", year, person=people["duc"])
        register(org.vinh_phuc, year, "TTLDTT", collective=org.vinh_phuc)
        grant("TTLDTT", year, unit=org.vinh_phuc)
        author = make_person(org.area_phu_tho_1, f"Tác giả {year}")
        backed = grant("CSTDCS", year, person=author)
        recognise(f"Sáng kiến {year}", org.area_phu_tho_1, year, authors=[author], used_for=backed)


URLS = (
    ("reports:person-record", "duc"),
    ("reports:person-record-pdf", "duc"),
    ("reports:person-record-excel", "duc"),
    ("reports:unit-record", "phu_tho"),
    ("reports:unit-record-pdf", "phu_tho"),
    ("reports:unit-record-excel", "phu_tho"),
)
API = ("/api/v1/records/persons/{duc}", "/api/v1/records/units/{phu_tho}")


def test_records_cost_a_fixed_number_of_queries_at_two_sizes(
    client, org, people, users, django_assert_num_queries
):
    client.force_login(users["sector"])
    pks = {"duc": people["duc"].pk, "phu_tho": org.phu_tho.pk}
    urls = [reverse(name, args=[pks[key]]) for name, key in URLS]
    urls += [url.format(**pks) for url in API]

    def counts() -> list[int]:
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    _grow(org, people, [2016])
    small = counts()
    _grow(org, people, range(2017, 2026))
    assert counts() == small
    with django_assert_num_queries(small[-1]):
        client.get(urls[-1])


def test_a_division_is_named_with_its_procuracy(org, people, users):
    recognise("Sổ theo dõi", org.hanoi_division, 2024, authors=[people["hanoi_division"]])
    register(org.hanoi, 2024, "TTLDTT", collective=org.hanoi_division)

    record = unit_record(user=users["hanoi_officer"], pk=org.hanoi.pk, today=TODAY)
    division = unit_record(user=users["hanoi_officer"], pk=org.hanoi_division.pk, today=TODAY)

    label = f"{org.hanoi_division.short_name}, {org.hanoi.short_name}"
    assert [row.unit for row in record.initiatives] == [label]
    assert record.registrations == []  # a subunit's target is in the subunit's own record
    assert division.registrations[0].titles[0].subject == label


def test_too_many_initiatives_are_counted_per_year_on_the_page_and_listed_in_the_file(
    client, phu_tho_history, org, users, monkeypatch
):
    from tdkt.reports import records

    monkeypatch.setattr(records, "INITIATIVES_LISTED", 1)
    record = unit_record(user=users["phu_tho_officer"], pk=org.phu_tho.pk, today=TODAY)
    assert not record.initiatives_listed and record.initiatives == []
    # 2025: one of cơ sở scope backing an award (the submitted one is not counted); 2023: one.
    counted = [(y.year, y.total, y.by_scope, y.backing) for y in record.initiative_years]
    assert counted == [(2025, 1, (1, 0, 0), 1), (2023, 1, (1, 0, 0), 0)]
    assert record.initiatives_total == 2
    full = unit_record(
        user=users["phu_tho_officer"], pk=org.phu_tho.pk, today=TODAY, all_initiatives=True
    )
    assert full.initiatives_listed and len(full.initiatives) == 2

    client.force_login(users["phu_tho_officer"])
    page = client.get(reverse("reports:unit-record", args=[org.phu_tho.pk])).content.decode()
    assert 'data-testid="initiatives-not-listed"' in page and "Có 2 sáng kiến" in page
    # the initiatives list filters on a current unit's subtree, not its predecessors: no link
    assert "status=RECOGNISED" not in page and "bấm vào một năm" not in page
    assert "Phần mềm theo dõi án" not in page
    pdf = client.get(reverse("reports:unit-record-pdf", args=[org.phu_tho.pk])).content
    assert "tệp Excel của hồ sơ có đủ từng sáng kiến" in _pdf_text(pdf)
    excel = client.get(reverse("reports:unit-record-excel", args=[org.phu_tho.pk])).content
    sheet = load_workbook(io.BytesIO(excel))["SangKien"]
    titles = {cell.value for row in sheet.iter_rows() for cell in row}
    assert {"Phần mềm theo dõi án", "Sổ tay kiểm sát"} <= titles
    api = client.get(f"/api/v1/records/units/{org.phu_tho.pk}").json()
    assert api["initiatives_listed"] is False and api["initiatives"] == []
    assert [
        (y["year"], y["total"], y["by_scope"]["CO_SO"], y["backing"])
        for y in api["initiative_years"]
    ] == [(2025, 1, 1, 1), (2023, 1, 1, 0)]

    monkeypatch.setattr(records, "INITIATIVES_LISTED", 0)
    client.force_login(users["hanoi_officer"])
    page = client.get(reverse("reports:unit-record", args=[org.hanoi.pk])).content.decode()
    link = f"{reverse('initiatives:list')}?unit={org.hanoi.pk}&amp;year=2025&amp;status=RECOGNISED"
    assert link in page and "bấm vào một năm" in page
    listed = client.get(link.replace("&amp;", "&")).content.decode()
    assert "Hà Nội số" in listed


def test_a_title_of_last_year_stays_pending_until_the_units_results_are_recorded(
    org, people, users
):
    duc = people["duc"]
    register(org.hanoi, 2025, "CSTDCS", person=duc)
    january = D(2026, 1, 15)

    def result():
        record = person_record(user=users["hanoi_officer"], pk=duc.pk, today=january)
        return record.registrations[0].titles[0].result

    assert result() == "pending"
    grant("LDTT", 2025, person=people["phu_tho"])  # another province's results: not Hà Nội's
    assert result() == "pending"
    grant("LDTT", 2025, person=people["hanoi_division"])  # Hà Nội's year-end titles are out
    assert result() == "missed"


def test_a_sector_title_stays_pending_until_the_sector_confers_it_that_year(org, people, users):
    duc = people["duc"]
    register(org.hanoi, 2025, "CSTD_NGANH", person=duc)
    grant("LDTT", 2025, person=people["hanoi_division"])  # Hà Nội's own results are out
    january = D(2026, 1, 15)

    def result():
        record = person_record(user=users["hanoi_officer"], pk=duc.pk, today=january)
        return record.registrations[0].titles[0].result

    assert result() == "pending"  # the sector decides CSTĐ ngành later
    grant("CSTD_NGANH", 2025, person=people["phu_tho"], revoked=True)
    assert result() == "missed"  # conferred (even if later revoked) elsewhere: decided


def test_one_predecessors_results_do_not_settle_anothers_year(org, users):
    register(org.vinh_phuc, 2024, "TTLDTT", collective=org.vinh_phuc)
    register(org.hoa_binh, 2024, "TTLDTT", collective=org.hoa_binh)
    grant("TTLDTT", 2024, unit=org.hoa_binh_district)  # Hòa Bình's results are out, not Vĩnh Phúc's
    record = unit_record(user=users["phu_tho_officer"], pk=org.phu_tho.pk, today=D(2025, 2, 1))
    results = {t.subject: t.result for y in record.registrations for t in y.titles}
    assert results == {org.vinh_phuc.short_name: "pending", org.hoa_binh.short_name: "missed"}
