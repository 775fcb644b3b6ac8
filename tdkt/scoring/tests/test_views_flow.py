"""A cluster's year through the pages: score, submit, review, close, vote, minutes, exports."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tdkt.scoring.models import Adjustment, Scorecard, ScorecardStatus
from tdkt.scoring.services import cards

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _points_form(card, value, *, deduction="0"):
    data = {"version": card.version}
    for criterion in card.table.criteria.all():
        data[f"c_{criterion.pk}"] = {"STANDARD": value, "BONUS": "0", "DEDUCTION": deduction}[
            criterion.kind
        ]
        data[f"n_{criterion.pk}"] = "Theo báo cáo tổng kết"
    return data


def _score_and_submit(client, cluster, unit, user, value):
    client.force_login(user)
    client.post(reverse("scoring:scorecard-start", args=[cluster.pk, unit.pk]))
    card = Scorecard.objects.get(cluster=cluster, unit=unit)
    response = client.post(
        reverse("scoring:scorecard-save", args=[card.pk]), _points_form(card, value)
    )
    assert response.status_code == 302
    card.refresh_from_db()
    client.post(reverse("scoring:scorecard-submit", args=[card.pk]), {"version": card.version})
    card.refresh_from_db()
    assert card.status == ScorecardStatus.SUBMITTED
    return card


def test_a_cluster_year_end_to_end(client, org, cluster, users, nghe_an, nghe_an_officer):
    hanoi = _score_and_submit(client, cluster, org.hanoi, users["hanoi_officer"], "8")
    phu_tho = _score_and_submit(client, cluster, org.phu_tho, users["phu_tho_officer"], "9")
    _score_and_submit(client, cluster, nghe_an, nghe_an_officer, "7")

    client.force_login(users["hanoi_officer"])
    client.post(reverse("scoring:review-open", args=[cluster.pk]))
    review_url = reverse("scoring:review", args=[phu_tho.pk]) + f"?don-vi={org.hanoi.pk}"
    page = client.get(review_url)
    assert page.status_code == 200
    first = phu_tho.table.criteria.get(code="1")
    data = {"version": 0, "reviewer": org.hanoi.pk}
    for criterion in phu_tho.table.criteria.all():
        data[f"p_{criterion.pk}"] = str(phu_tho.entries.get(criterion=criterion).points)
    data[f"p_{first.pk}"] = "7"
    missing_reason = client.post(review_url, data)
    assert missing_reason.status_code == 400
    assert "hãy ghi lý do" in missing_reason.content.decode()
    data[f"r_{first.pk}"] = "Chỉ tiêu giải quyết án chưa đạt"
    assert client.post(review_url, data).status_code == 302
    assert Adjustment.objects.get().to_points == Decimal("7")
    # a unit cannot review itself: no reviewer choice for its own scorecard
    assert client.get(reverse("scoring:review", args=[hanoi.pk])).status_code == 404

    dashboard = client.get(reverse("scoring:cluster", args=[cluster.pk])).content.decode()
    assert "ranking-chart" in dashboard and "Kết thúc thẩm định" in dashboard
    client.post(reverse("scoring:review-close", args=[cluster.pk]), {"version": 1})

    vote_url = reverse("scoring:vote", args=[cluster.pk])
    page = client.get(vote_url).content.decode()
    assert "chưa chắc chắn" in page  # the 2026 threshold parameter is unsure
    client.post(
        vote_url,
        {"leading": [phu_tho.unit_id], "excellent": [org.hanoi.pk], "advanced": [nghe_an.pk],
         "place": "Hà Nội"},
    )  # fmt: skip
    vote = cluster.__class__.objects.get(pk=cluster.pk).scoring_vote
    candidates = list(vote.candidates.all())
    for unit, user in ((org.hanoi, users["hanoi_officer"]), (org.phu_tho, users["phu_tho_officer"]),
                       (nghe_an, nghe_an_officer)):  # fmt: skip
        client.force_login(user)
        ballot = {f"k_{c.pk}": "AGREE" for c in candidates}
        response = client.post(reverse("scoring:ballot", args=[cluster.pk, unit.pk]), ballot)
        assert response.status_code == 302
    again = client.post(
        reverse("scoring:ballot", args=[cluster.pk, nghe_an.pk]),
        {f"k_{c.pk}": "DISAGREE" for c in candidates},
        follow=True,
    )
    assert "mỗi thành viên chỉ bỏ một phiếu" in again.content.decode()
    client.force_login(users["hanoi_officer"])
    vote.refresh_from_db()
    client.post(reverse("scoring:vote-close", args=[cluster.pk]), {"version": vote.version})
    page = client.get(vote_url).content.decode()
    assert "Đơn vị dẫn đầu được suy tôn" in page and "VKSND tỉnh Phú Thọ" in page

    minutes = client.get(reverse("scoring:vote-minutes", args=[cluster.pk]))
    document = Document(BytesIO(minutes.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Đơn vị dẫn đầu được suy tôn: VKSND tỉnh Phú Thọ" in text
    assert "số thành viên đã bỏ phiếu: 3" in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "VKSND tỉnh Nghệ An" in cells and "Đạt" in cells

    ranking = client.get(reverse("scoring:ranking-export", args=[cluster.pk]))
    sheet = load_workbook(BytesIO(ranking.content)).active
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    # Phú Thọ: 9 + 9 self, Hà Nội (the only reviewer) set criterion 1 to 7 → 16, equal to
    # Hà Nội's 8 + 8; same deductions, no criterion at maximum: the unit code breaks the tie
    assert [(r[0], r[1]) for r in rows] == [(1, "T-HN"), (2, "T-PT2025"), (3, "T-NA")]
    assert (rows[0][4], rows[1][3], rows[1][4]) == (16.0, 18.0, 16.0)
    assert "chính thức" in sheet["A2"].value

    export = client.get(reverse("scoring:scorecard-export", args=[phu_tho.pk]))
    sheet = load_workbook(BytesIO(export.content)).active
    values = list(sheet.iter_rows(min_row=5, values_only=True))
    assert values[0][:5] == ("1", "Tiêu chí 1", "Tiêu chí chấm điểm", 10.0, 9.0)
    assert values[0][6] == 7.0

    unit_page = client.get(reverse("scoring:unit-year", args=[org.phu_tho.pk]) + "?nam=2026")
    assert "Đơn vị dẫn đầu cụm, khối" in unit_page.content.decode()


def test_bad_points_are_shown_back_and_nothing_is_saved(client, org, cluster, users):
    user = users["hanoi_officer"]
    client.force_login(user)
    client.post(reverse("scoring:scorecard-start", args=[cluster.pk, org.hanoi.pk]))
    card = Scorecard.objects.get(unit=org.hanoi)
    data = _points_form(card, "12")
    response = client.post(reverse("scoring:scorecard-save", args=[card.pk]), data)
    assert response.status_code == 400
    assert "vượt mức tối đa" in response.content.decode()
    assert 'value="12"' in response.content.decode()  # the typed value is kept
    assert not card.entries.exists()
    data = _points_form(card, "abc")
    response = client.post(reverse("scoring:scorecard-save", args=[card.pk]), data)
    assert "hãy nhập một số" in response.content.decode()


def test_evidence_upload_checks_content_and_download_is_scoped(
    client, org, cluster, users, nghe_an_officer
):
    user = users["hanoi_officer"]
    client.force_login(user)
    client.post(reverse("scoring:scorecard-start", args=[cluster.pk, org.hanoi.pk]))
    card = Scorecard.objects.get(unit=org.hanoi)
    criterion = card.table.criteria.first()
    fake = SimpleUploadedFile("bao-cao.pdf", b"not a pdf at all")
    response = client.post(
        reverse("scoring:evidence-upload", args=[card.pk]),
        {"criterion": criterion.pk, "file": fake},
        follow=True,
    )
    assert "không phải PDF" in response.content.decode()
    real = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.7\n...")
    client.post(
        reverse("scoring:evidence-upload", args=[card.pk]),
        {"criterion": criterion.pk, "file": real},
    )
    evidence = card.evidence.get()
    url = reverse("scoring:evidence-download", args=[card.pk, evidence.pk])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(nghe_an_officer)  # same cluster: may read
    assert client.get(url).status_code == 200
    client.force_login(users["no_role"])
    assert client.get(url).status_code == 404


def test_deadline_form_and_edits_after_it(client, org, cluster, users):
    client.force_login(users["hanoi_officer"])
    assert client.get(reverse("scoring:deadline", args=[cluster.pk])).status_code == 404
    client.force_login(users["sector"])
    response = client.post(
        reverse("scoring:deadline", args=[cluster.pk]), {"deadline": "2026-01-05"}
    )
    assert response.status_code == 302
    client.force_login(users["hanoi_officer"])
    client.post(reverse("scoring:scorecard-start", args=[cluster.pk, org.hanoi.pk]))
    card = Scorecard.objects.get(unit=org.hanoi)
    response = client.post(
        reverse("scoring:scorecard-save", args=[card.pk]), _points_form(card, "5"), follow=True
    )
    assert "Đã quá hạn tự chấm điểm (05/01/2026)" in response.content.decode()
    assert not card.entries.exists()


def test_other_members_cannot_edit_a_scorecard(client, org, cluster, users):
    client.force_login(users["hanoi_officer"])
    client.post(reverse("scoring:scorecard-start", args=[cluster.pk, org.hanoi.pk]))
    card = Scorecard.objects.get(unit=org.hanoi)
    client.force_login(users["phu_tho_officer"])
    assert client.get(reverse("scoring:scorecard", args=[card.pk])).status_code == 200
    response = client.post(
        reverse("scoring:scorecard-save", args=[card.pk]), _points_form(card, "5")
    )
    assert response.status_code == 404
    assert (
        client.post(reverse("scoring:scorecard-start", args=[cluster.pk, org.hanoi.pk])).status_code
        == 404
    )
    assert cards.deadline_of(card) is None


def test_self_scoring_history_shows_who_changed_which_points(client, org, cluster, users):
    user = users["hanoi_officer"]
    client.force_login(user)
    client.post(reverse("scoring:scorecard-start", args=[cluster.pk, org.hanoi.pk]))
    card = Scorecard.objects.get(unit=org.hanoi)
    client.post(reverse("scoring:scorecard-save", args=[card.pk]), _points_form(card, "6"))
    card.refresh_from_db()
    client.post(reverse("scoring:scorecard-save", args=[card.pk]), _points_form(card, "7.5"))
    from tdkt.scoring.selectors import self_scoring_history

    history = self_scoring_history(card)
    changed = [(h["what"], h["before"], h["after"]) for h in history if h["what"] == "1"]
    assert changed == [("1", Decimal("6"), Decimal("7.5")), ("1", None, Decimal("6"))]
    assert {h["what"] for h in history} >= {"Lập phiếu tự chấm"}
    page = client.get(reverse("scoring:scorecard", args=[card.pk])).content.decode()
    assert "Lịch sử tự chấm điểm" in page and "Lập phiếu tự chấm" in page
