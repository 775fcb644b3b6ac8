"""Commendation records: contents, revoked awards, predecessors, scope, PDF and Excel files."""

import datetime as dt
import io
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.awards.models import Award
from tdkt.catalog.models import AwardType
from tdkt.initiatives.models import Initiative
from tdkt.org.models import UnitYearlyRating
from tdkt.people.models import YearlyRating
from tdkt.reports.records import AwardTotal, person_record, unit_record
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db
D = dt.date
TODAY = D(2026, 11, 22)


def grant(code, year, *, person=None, unit=None, revoked=False, number=""):
    return Award.objects.create(
        award_type=AwardType.objects.get(code=code),
        person=person,
        unit=unit,
        year=year,
        decision_number=number or f"{year}/QĐ-{code}",
        decision_date=D(year, 12, 20),
        authority="Viện trưởng VKSND tối cao",
        revoked=revoked,
        revoked_on=D(year + 1, 3, 1) if revoked else None,
        revocation_reason="Phát hiện vi phạm" if revoked else "",
        holder_unit=unit or person.unit,
    )


@pytest.fixture
def duc_history(people):
    duc = people["duc"]
    for year in (2022, 2023, 2024):
        grant("LDTT", year, person=duc)
        YearlyRating.objects.create(person=duc, year=year, rating="HTXSNV")
    grant("CSTDCS", 2023, person=duc)
    grant("CSTDCS", 2024, person=duc, revoked=True, number="99/QĐ-HUY")
    award = grant("CSTDCS", 2022, person=duc)
    initiative = Initiative.objects.create(
        title="Số hóa hồ sơ kiểm sát",
        unit=duc.unit,
        year=2022,
        recognised_on=D(2022, 11, 1),
        recognising_body="Hội đồng sáng kiến VKSND TP Hà Nội",
        effect_scope="CO_SO",
        used_for=award,
    )
    initiative.authors.add(duc)
    return duc


def test_a_revoked_award_is_listed_as_revoked_and_not_counted(duc_history, users):
    record = person_record(user=users["hanoi_officer"], pk=duc_history.pk, today=TODAY)

    totals = {t.code: (t.count, t.years) for t in record.totals}
    assert totals["CSTDCS"] == (2, (2022, 2023))
    assert totals["LDTT"] == (3, (2022, 2023, 2024))
    assert record.revoked_count == 1
    assert [a.decision_number for a in record.awards if a.revoked] == ["99/QĐ-HUY"]
    assert [a.year for a in record.awards] == sorted((a.year for a in record.awards), reverse=True)
    assert record.initiatives[0].used_for.award_type.code == "CSTDCS"


def test_the_page_shows_revoked_awards_struck_through_with_the_reason(client, duc_history, users):
    client.force_login(users["hanoi_officer"])

    html = client.get(reverse("reports:person-record", args=[duc_history.pk])).content.decode()

    assert "Đã hủy bỏ</strong> 01/03/2025: Phát hiện vi phạm" in html
    assert "text-decoration-line-through" in html
    assert "1 khen thưởng đã bị hủy bỏ được liệt kê nhưng không tính." in html
    assert "Số hóa hồ sơ kiểm sát" in html and "Hoàn thành xuất sắc nhiệm vụ" in html


def _pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return done.stdout.decode()


def test_the_pdf_opens_with_the_record_in_vietnamese(client, duc_history, users):
    client.force_login(users["hanoi_officer"])

    response = client.get(reverse("reports:person-record-pdf", args=[duc_history.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert f"ho-so-khen-thuong-{duc_history.code}.pdf" in response["Content-Disposition"]
    text = _pdf_text(response.content)
    assert "HỒ SƠ THÀNH TÍCH KHEN THƯỞNG" in text
    assert "Đặng Văn Đức" in text and "Đã hủy bỏ" in text and "99/QĐ-HUY" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


def test_the_excel_file_has_every_award_and_counts_without_the_revoked_one(
    client, duc_history, users
):
    client.force_login(users["hanoi_officer"])

    response = client.get(reverse("reports:person-record-excel", args=[duc_history.pk]))

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "ThongTin",
        "KhenThuong",
        "SangKien",
        "XepLoai",
        "DangKy",
        "TongHop",
    ]
    awards = list(workbook["KhenThuong"].iter_rows(min_row=2, values_only=True))
    assert len(awards) == 6
    revoked = [row for row in awards if row[4] == "99/QĐ-HUY"][0]
    assert revoked[-1].startswith("Đã hủy bỏ ngày 01/03/2025")
    totals = {row[0]: row[1] for row in workbook["TongHop"].iter_rows(min_row=2, values_only=True)}
    assert totals["Chiến sĩ thi đua cơ sở"] == 2
    assert totals["Đã hủy bỏ (không tính)"] == 1
    assert workbook["SangKien"]["F2"].value == "Chiến sĩ thi đua cơ sở 2022"


def test_a_formula_like_name_is_exported_as_text(client, org, users):
    person = make_person(org.hanoi, '=HYPERLINK("x")')
    client.force_login(users["hanoi_officer"])

    response = client.get(reverse("reports:person-record-excel", args=[person.pk]))

    cell = load_workbook(io.BytesIO(response.content))["ThongTin"]["B2"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"


@pytest.fixture
def merged_history(org):
    grant("TTLDTT", 2023, unit=org.vinh_phuc)
    grant("TTLDXS", 2024, unit=org.hoa_binh)
    grant("TTLDTT", 2022, unit=org.hoa_binh, revoked=True)
    grant("TTLDTT", 2025, unit=org.phu_tho)
    UnitYearlyRating.objects.create(unit=org.vinh_phuc, year=2024, rating="HTXSNV")
    grant("LDTT", 2024, person=make_person(org.hoa_binh_district, "Cán bộ Hòa Bình"))
    grant("LDTT", 2025, person=make_person(org.area_phu_tho_1, "Cán bộ Phú Thọ"))
    grant("LDTT", 2025, person=make_person(org.hanoi, "Cán bộ Hà Nội"))


def test_a_merged_units_record_includes_its_predecessors_years(merged_history, org, users):
    record = unit_record(user=users["phu_tho_officer"], pk=org.phu_tho.pk, today=TODAY)

    assert {u.pk for u in record.predecessors} == {org.vinh_phuc.pk, org.hoa_binh.pk}
    assert [(a.year, a.award_type.code, a.unit_id) for a in record.awards] == [
        (2025, "TTLDTT", org.phu_tho.pk),
        (2024, "TTLDXS", org.hoa_binh.pk),
        (2023, "TTLDTT", org.vinh_phuc.pk),
        (2022, "TTLDTT", org.hoa_binh.pk),
    ]
    assert {t.code: t.count for t in record.totals} == {"TTLDTT": 2, "TTLDXS": 1}
    assert AwardTotal("X", "X", 4, (2016, 2016, 2018, 2016)).years_label == "2016 (3), 2018"
    assert [r.unit_id for r in record.ratings] == [org.vinh_phuc.pk]
    assert record.member_codes == [("LDTT", "Lao động tiên tiến")]
    assert [(y.year, y.counts) for y in record.member_years] == [(2025, (1,)), (2024, (1,))]


def test_the_unit_record_pdf_and_excel_open(client, merged_history, org, users):
    client.force_login(users["phu_tho_officer"])

    pdf = client.get(reverse("reports:unit-record-pdf", args=[org.phu_tho.pk]))
    excel = client.get(reverse("reports:unit-record-excel", args=[org.phu_tho.pk]))

    text = _pdf_text(pdf.content)
    assert "HỒ SƠ THÀNH TÍCH KHEN THƯỞNG TẬP THỂ" in text and "Hòa Bình" in text
    workbook = load_workbook(io.BytesIO(excel.content))
    holders = [
        row[-1] for row in workbook["KhenThuongTapThe"].iter_rows(min_row=2, values_only=True)
    ]
    assert len(holders) == 4 and org.vinh_phuc.full_name in holders
    assert list(workbook["CaNhan"].iter_rows(values_only=True)) == [
        ("Năm", "Lao động tiên tiến"),
        (2025, 1),
        (2024, 1),
    ]


def _record_urls(kind: str, pk: int) -> list[str]:
    return [
        reverse(f"reports:{kind}-record{suffix}", args=[pk]) for suffix in ("", "-pdf", "-excel")
    ]


def test_records_out_of_reach_answer_404(client, org, people, users):
    hanoi_person = _record_urls("person", people["duc"].pk)
    phu_tho_unit = _record_urls("unit", org.phu_tho.pk)
    client.force_login(users["phu_tho_officer"])
    assert all(client.get(url).status_code == 404 for url in hanoi_person)
    client.force_login(users["hanoi_officer"])
    assert all(client.get(url).status_code == 404 for url in phu_tho_unit)
    client.force_login(users["no_role"])
    assert all(client.get(url).status_code == 404 for url in hanoi_person + phu_tho_unit)
    missing = _record_urls("person", 999999) + _record_urls("unit", 999999)
    client.force_login(users["sector"])
    assert all(client.get(url).status_code == 404 for url in missing)
    client.logout()
    assert all(client.get(url).status_code == 302 for url in hanoi_person)


def test_a_staff_member_sees_their_own_record_only(client, people, users):
    client.force_login(users["staff_duc"])

    assert client.get(_record_urls("person", people["duc"].pk)[0]).status_code == 200
    assert client.get(_record_urls("person", people["hanoi_division"].pk)[0]).status_code == 404


def test_the_record_pages_cost_the_same_queries_for_short_and_long_histories(
    client, org, people, users
):
    duc = people["duc"]
    client.force_login(users["sector"])
    urls = [_record_urls("person", duc.pk)[0], _record_urls("unit", org.phu_tho.pk)[0]]

    def counts():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    before = counts()
    for year in range(2016, 2026):
        grant("LDTT", year, person=duc)
        YearlyRating.objects.create(person=duc, year=year, rating="HTTNV")
        grant("TTLDTT", year, unit=org.vinh_phuc)
        grant("LDTT", year, person=make_person(org.area_phu_tho_1, f"Cán bộ {year}"))
    assert counts() == before


def test_the_api_gives_the_same_record_as_the_page(client, duc_history, merged_history, org, users):
    client.force_login(users["sector"])

    person = client.get(f"/api/v1/records/persons/{duc_history.pk}").json()
    unit = client.get(f"/api/v1/records/units/{org.phu_tho.pk}").json()

    assert {t["code"]: t["count"] for t in person["totals"]} == {"LDTT": 3, "CSTDCS": 2}
    assert [a["decision_number"] for a in person["awards"] if a["revoked"]] == ["99/QĐ-HUY"]
    assert person["initiatives"][0]["used_for_code"] == "CSTDCS"
    assert set(unit["predecessor_ids"]) == {org.vinh_phuc.pk, org.hoa_binh.pk}
    assert len(unit["awards"]) == 4 and {t["code"]: t["count"] for t in unit["totals"]} == {
        "TTLDTT": 2,
        "TTLDXS": 1,
    }
    assert unit["member_awards"] == [
        {"year": 2025, "counts": {"LDTT": 1}},
        {"year": 2024, "counts": {"LDTT": 1}},
    ]


def _exchange(client, **params):
    query = {"date_from": "2022-01-01", "date_to": "2025-12-31", "format": "json", **params}
    response = client.get(reverse("reports:decisions-export"), query)
    return response, b"".join(response.streaming_content) if response.streaming else b""


def test_decisions_export_groups_awards_under_their_decision(client, duc_history, org, users):
    import json

    grant("TTLDTT", 2023, unit=org.hanoi, number="2023/QĐ-LDTT")  # same number as Đức's LĐTT
    client.force_login(users["hanoi_officer"])

    response, body = _exchange(client)

    assert response["Content-Type"].startswith("application/json")
    document = json.loads(body)
    assert document["format"] == "tdkt.decisions/1"
    assert document["period"] == {"from": "2022-01-01", "to": "2025-12-31"}
    decisions = {(d["number"], d["date"]): d for d in document["decisions"]}
    assert len(document["decisions"]) == 6  # 3 LĐTT, 3 CSTĐCS; the unit award shares one
    shared = decisions[("2023/QĐ-LDTT", "2023-12-20")]["awards"]
    assert {a["recipient"]["type"] for a in shared} == {"person", "unit"}
    person = next(a for a in shared if a["recipient"]["type"] == "person")
    assert person["recipient"]["code"] == duc_history.code
    assert person["recipient"]["unit_code"] == org.hanoi.code
    revoked = decisions[("99/QĐ-HUY", "2024-12-20")]["awards"][0]
    assert revoked["revoked"] is True and revoked["revoked_on"] == "2025-03-01"


def test_decisions_export_as_csv_and_within_reach(client, duc_history, org, users):
    import csv
    import io

    grant("TTLDTT", 2024, unit=org.phu_tho, number="PT/QĐ")
    client.force_login(users["hanoi_officer"])

    response, body = _exchange(client, format="csv", date_from="2024-01-01", date_to="2024-12-31")

    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert {r["decision_number"] for r in rows} == {"2024/QĐ-LDTT", "99/QĐ-HUY"}
    assert {r["revoked"] for r in rows} == {"0", "1"}
    assert all(r["recipient_name"] == "Đặng Văn Đức" for r in rows)


def test_decisions_export_form_refuses_a_reversed_period(client, users):
    client.force_login(users["hanoi_officer"])

    form = client.get(reverse("reports:decisions-export"))
    response, _body = _exchange(client, date_from="2025-01-01", date_to="2024-01-01")
    bad, _ = _exchange(client, date_from="khong-phai-ngay")

    assert form.status_code == 200 and "Tải tệp" in form.content.decode()
    assert "phải bằng hoặc sau" in response.content.decode()
    assert "Nhập một ngày hợp lệ." in bad.content.decode()
    client.force_login(users["no_role"])
    assert client.get(reverse("reports:decisions-export")).status_code == 404
