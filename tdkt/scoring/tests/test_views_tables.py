"""Pages of the scoring tables: scope, the builder end to end, fixed query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.scoring.models import Criterion, ScoringTable
from tdkt.scoring.services import tables as services
from tdkt.scoring.tests.builders import make_table

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_anonymous_is_sent_to_login_and_no_role_gets_404(client, users):
    table = make_table()
    for url in (reverse("scoring:tables"), reverse("scoring:table-detail", args=[table.pk])):
        assert client.get(url).status_code == 302
    client.force_login(users["no_role"])
    for url in (reverse("scoring:tables"), reverse("scoring:table-detail", args=[table.pk])):
        assert client.get(url).status_code == 404


def test_unit_officer_reads_tables_but_cannot_build(client, users):
    table = make_table(publish=False)
    client.force_login(users["hanoi_officer"])
    assert client.get(reverse("scoring:table-detail", args=[table.pk])).status_code == 200
    for name in ("table-edit", "group-add", "criterion-add", "bands", "table-publish"):
        assert client.get(reverse(f"scoring:{name}", args=[table.pk])).status_code == 404
    assert client.post(reverse("scoring:table-create"), {}).status_code == 404
    assert client.post(reverse("scoring:table-new-version", args=[table.pk])).status_code == 404


def test_sector_officer_builds_and_publishes_a_table(client, users):
    client.force_login(users["sector"])
    response = client.post(
        reverse("scoring:table-create"),
        {"unit_type": "AREA", "name": "Bảng VKSND khu vực 2026", "year_from": 2026,
         "bonus_cap": "5", "deduction_cap": "10", "disagreement_share": "0.25"},
    )  # fmt: skip
    table = ScoringTable.objects.get(name="Bảng VKSND khu vực 2026")
    assert response.status_code == 302
    client.post(
        reverse("scoring:group-add", args=[table.pk]),
        {"version": table.version, "code": "I", "title": "Kết quả nghiệp vụ"},
    )
    table.refresh_from_db()
    group = table.groups.get()
    response = client.post(
        reverse("scoring:criterion-add", args=[table.pk]),
        {"version": table.version, "group": group.pk, "code": "1", "title": "Tỷ lệ giải quyết",
         "kind": "STANDARD", "max_points": "50", "evidence_required": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    criterion = Criterion.objects.get(table=table)
    assert criterion.evidence_required and criterion.max_points == Decimal("50")
    table.refresh_from_db()
    page = client.get(reverse("scoring:bands", args=[table.pk])).content.decode()
    assert 'value="45.00"' in page  # default band: 90 % of 50
    data = {"version": table.version, "name_0": "Xuất sắc", "min_0": "45", "name_1": "Khá",
            "min_1": "35"}  # fmt: skip
    assert client.post(reverse("scoring:bands", args=[table.pk]), data).status_code == 302
    table.refresh_from_db()
    client.post(reverse("scoring:table-publish", args=[table.pk]), {"version": table.version})
    table.refresh_from_db()
    assert table.is_published
    page = client.get(reverse("scoring:table-detail", args=[table.pk])).content.decode()
    assert "Tạo phiên bản mới để sửa" in page and "Tỷ lệ giải quyết" in page


def test_builder_refuses_bad_input_with_messages(client, users):
    table = make_table(publish=False)
    client.force_login(users["sector"])
    response = client.post(
        reverse("scoring:criterion-add", args=[table.pk]),
        {"version": table.version, "group": table.groups.first().pk, "code": "9",
         "title": "Âm", "kind": "STANDARD", "max_points": "-1"},
    )  # fmt: skip
    assert response.status_code == 200
    assert services.MAX_NOT_POSITIVE in response.content.decode()
    stale = client.post(
        reverse("scoring:group-add", args=[table.pk]),
        {"version": table.version - 1, "code": "X", "title": "Cũ"},
    )
    assert "người khác sửa" in stale.content.decode()
    assert not table.groups.filter(code="X").exists()


def test_publishing_twice_or_editing_a_published_table_is_refused(client, users):
    table = make_table()
    client.force_login(users["sector"])
    response = client.get(reverse("scoring:group-add", args=[table.pk]), follow=True)
    assert services.TABLE_FROZEN in response.content.decode()


def test_delete_needs_confirmation(client, users):
    table = make_table(publish=False)
    criterion = table.criteria.first()
    client.force_login(users["sector"])
    url = reverse("scoring:item-delete", args=[table.pk, "tieu-chi", criterion.pk])
    assert "Xác nhận xóa" in client.get(url).content.decode()
    assert Criterion.objects.filter(pk=criterion.pk).exists()
    client.post(url, {"version": table.version})
    assert not Criterion.objects.filter(pk=criterion.pk).exists()


def test_copy_last_year_from_the_list(client, users):
    make_table(year_from=2025)
    client.force_login(users["sector"])
    response = client.post(reverse("scoring:table-copy"), {"unit_type": "PROVINCIAL", "year": 2026})
    copy = ScoringTable.objects.get(year_from=2026)
    assert response.url == reverse("scoring:table-detail", args=[copy.pk])
    again = client.post(
        reverse("scoring:table-copy"), {"unit_type": "PROVINCIAL", "year": 2026}, follow=True
    )
    assert "Đã có bảng dự thảo" in again.content.decode()


def test_table_pages_run_a_fixed_number_of_queries(client, users):
    client.force_login(users["sector"])
    small = make_table(criteria=2, publish=False)
    large = make_table(criteria=30, year_from=2025, publish=False)
    detail = "scoring:table-detail"
    assert _queries(client, reverse(detail, args=[small.pk])) == _queries(
        client, reverse(detail, args=[large.pk])
    )
    few = _queries(client, reverse("scoring:tables"))
    for year in range(2010, 2020):
        make_table(year_from=year)
    assert _queries(client, reverse("scoring:tables")) == few
