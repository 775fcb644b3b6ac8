"""Pages and API routes of certificates: who reaches what (out of reach is 404), the public
verification page, the forms page with its validation, the print job from the browser's
side, and query counts that do not grow with the rows."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.awards.models import Award
from tdkt.documents.certificates import services
from tdkt.documents.certificates.models import Certificate, CertificateForm, CertificateJob
from tdkt.documents.tests.certificates.conftest import grant, make_decision, pdf_text
from tdkt.testing import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def printed(decision, hanoi_decision, users):
    """Both decisions printed once, so every route has an object."""
    job = services.certificate_job_start(decision=hanoi_decision, user=users["hanoi_officer"])
    services.certificate_job_run(job_id=job.pk)
    forms = services.forms_by_code()
    services.certificates_issue(awards=decision.granted, forms=forms, user=users["sector"])
    return {"decision": decision, "hanoi": hanoi_decision, "job": job}


def _routes(printed):
    """(url, user in reach, user out of reach); the Hà Nội objects are out of Phú Thọ's reach,
    the sector's decision out of Hà Nội's; forms need the sector officer."""
    hanoi, decision, job = printed["hanoi"], printed["decision"], printed["job"]
    award = hanoi.granted[0]
    form = CertificateForm.objects.get(codes=["GK"])
    return [
        (reverse("certificates:decisions"), "hanoi_officer", None),
        (reverse("certificates:decision", args=[hanoi.pk]), "hanoi_officer", "phu_tho_officer"),
        (reverse("certificates:decision", args=[decision.pk]), "sector", "hanoi_officer"),
        (reverse("certificates:job-progress", args=[job.pk]), "hanoi_officer", "phu_tho_officer"),
        (reverse("certificates:job-download", args=[job.pk]), "hanoi_officer", "phu_tho_officer"),
        (reverse("certificates:award", args=[award.pk]), "hanoi_officer", "phu_tho_officer"),
        (reverse("certificates:reissue", args=[award.pk]), "hanoi_officer", "phu_tho_officer"),
        (reverse("certificates:forms"), "sector", "hanoi_officer"),
        (reverse("certificates:form-create"), "sector", "hanoi_officer"),
        (reverse("certificates:form-edit", args=[form.pk]), "sector", "hanoi_officer"),
        (reverse("certificates:form-test-print", args=[form.pk]), "sector", "hanoi_officer"),
        (f"/api/v1/certificates/jobs/{job.pk}", "hanoi_officer", "phu_tho_officer"),
        (f"/api/v1/certificates/decisions/{hanoi.pk}/job", "hanoi_officer", "phu_tho_officer"),
    ]


def test_every_route_for_anonymous_no_role_in_and_out_of_reach(client, printed, users):
    for url, inside, outside in _routes(printed):
        client.logout()
        anonymous = client.get(url)
        assert anonymous.status_code in (302, 401), url
        client.force_login(users["no_role"])
        expected_no_role = 200 if url == reverse("certificates:decisions") else 404
        assert client.get(url).status_code == expected_no_role, url
        client.force_login(users[inside])
        assert client.get(url).status_code == 200, url
        if outside:
            client.force_login(users[outside])
            assert client.get(url).status_code == 404, url


def test_the_list_shows_only_decisions_in_reach(client, printed, users):
    client.force_login(users["hanoi_officer"])
    html = client.get(reverse("certificates:decisions")).content.decode()
    assert "45/QĐ-VKS-HN" in html and "123/QĐ-VKSTC" not in html

    client.force_login(users["phu_tho_officer"])
    html = client.get(reverse("certificates:decisions")).content.decode()
    assert "45/QĐ-VKS-HN" not in html and "Chưa có quyết định" in html


def test_starting_a_job_needs_post_and_reach(client, printed, users):
    url = reverse("certificates:job-start", args=[printed["hanoi"].pk])
    client.force_login(users["phu_tho_officer"])
    assert client.post(url).status_code == 404
    client.force_login(users["hanoi_officer"])
    assert client.get(url).status_code == 405


# --- public verification ----------------------------------------------------------------------


def _certificate(printed) -> Certificate:
    return Certificate.objects.get(award=printed["hanoi"].granted[0])


def test_the_verification_page_is_public_and_confirms_the_award(client, printed, people):
    certificate = _certificate(printed)

    response = client.get(reverse("certificates:verify", args=[certificate.token]))

    html = response.content.decode()
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    assert "Còn hiệu lực" in html and "Đặng Văn Đức" in html and "Giấy khen" in html
    assert "45/QĐ-VKS-HN" in html and "15/12/2025" in html and certificate.serial in html
    person = people["duc"]
    assert person.code not in html and person.date_of_birth.strftime("%d/%m/%Y") not in html


def test_a_revoked_award_shows_revoked_with_its_date(client, printed):
    certificate = _certificate(printed)
    Award.objects.filter(pk=certificate.award_id).update(
        revoked=True, revoked_on=dt.date(2026, 3, 2), revocation_reason="Gian dối thành tích"
    )

    html = client.get(reverse("certificates:verify", args=[certificate.token])).content.decode()

    assert "Đã bị hủy bỏ" in html and "02/03/2026" in html and "Còn hiệu lực" not in html
    assert "Gian dối" not in html  # the reason is internal


def test_a_revoked_decision_revokes_the_certificate(client, printed):
    certificate = _certificate(printed)
    printed["hanoi"].revoked, printed["hanoi"].revoked_on = True, dt.date(2026, 4, 1)
    printed["hanoi"].save()

    html = client.get(reverse("certificates:verify", args=[certificate.token])).content.decode()

    assert "Đã bị hủy bỏ" in html and "01/04/2026" in html


@pytest.mark.parametrize("token", ["khong-co", "GK-2025-000001", "a" * 22])
def test_an_unknown_token_or_a_serial_answers_the_ordinary_404(client, printed, token):
    response = client.get(reverse("certificates:verify", args=[token]))

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_the_api_verifies_without_login_and_hides_unknown_tokens(client, printed):
    certificate = _certificate(printed)

    found = client.get(f"/api/v1/certificates/verify/{certificate.token}")
    missing = client.get("/api/v1/certificates/verify/khong-co")

    assert found.status_code == 200
    assert found.json() | {} == {
        "serial": certificate.serial,
        "reissue_count": 0,
        "holder": "Đặng Văn Đức",
        "code": "GK",
        "name": "Giấy khen",
        "year": 2025,
        "decision_number": "45/QĐ-VKS-HN",
        "decision_date": "2025-12-15",
        "authority": "Viện trưởng VKSND thành phố Hà Nội",
        "valid": True,
        "revoked_on": None,
    }
    assert missing.status_code == 404 and missing.json() == {"detail": "Không tìm thấy."}


def test_the_job_api_gives_progress_and_the_download_link(client, printed, users):
    client.force_login(users["hanoi_officer"])
    job = printed["job"]

    body = client.get(f"/api/v1/certificates/jobs/{job.pk}").json()

    assert body["status"] == "SUCCEEDED" and body["percent"] == 100 and body["total"] == 1
    assert body["download_url"] == reverse("certificates:job-download", args=[job.pk])


# --- pages at work ----------------------------------------------------------------------------


def test_an_officer_prints_a_decision_from_the_page(
    client, decision, users, django_capture_on_commit_callbacks
):
    client.force_login(users["sector"])
    page = reverse("certificates:decision", args=[decision.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certificates:job-start", args=[decision.pk]), {"with_frame": "on"}
        )
    assert response.status_code == 302 and response["Location"] == page

    html = client.get(page).content.decode()
    job = CertificateJob.objects.get()
    assert job.with_frame and "Tải tệp PDF (3 trang)" in html and "BK-2025-000003" in html
    download = client.get(reverse("certificates:job-download", args=[job.pk]))
    content = b"".join(download.streaming_content)
    assert download["Content-Type"] == "application/pdf"
    assert pdf_text(content).count("Số: BK-2025-") == 3


def test_a_refused_job_shows_the_reason(client, org, people, users):
    decision = make_decision(org.root, number="88/QĐ")
    grant(decision, "KNC_VSNKS", person=people["duc"])
    client.force_login(users["sector"])

    response = client.post(reverse("certificates:job-start", args=[decision.pk]), follow=True)

    assert "Chưa có mẫu phôi đang dùng" in response.content.decode()
    assert not CertificateJob.objects.exists()


def test_a_pending_job_polls_and_a_finished_one_reloads_the_page(client, decision, users):
    client.force_login(users["sector"])
    job = services.certificate_job_start(decision=decision, user=users["sector"])

    html = client.get(reverse("certificates:decision", args=[decision.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in html and "progressbar" in html
    assert client.get(reverse("certificates:job-download", args=[job.pk])).status_code == 404

    services.certificate_job_run(job_id=job.pk)
    progress = client.get(
        reverse("certificates:job-progress", args=[job.pk]), headers={"HX-Request": "true"}
    )
    assert progress["HX-Refresh"] == "true"


def test_one_award_prints_and_keeps_its_serial(client, printed, users):
    award = printed["decision"].granted[1]
    client.force_login(users["sector"])
    url = reverse("certificates:award", args=[award.pk])

    first = client.get(url)
    second = client.get(url + "?khung=1")

    serial = Certificate.objects.get(award=award).serial
    assert first["Content-Type"] == "application/pdf" and serial in first["Content-Disposition"]
    assert f"Số: {serial}" in pdf_text(second.content)


def test_an_award_without_a_form_goes_back_with_a_message(client, org, people, users):
    decision = make_decision(org.root, number="89/QĐ")
    award = grant(decision, "KNC_VSNKS", person=people["duc"])
    client.force_login(users["sector"])

    response = client.get(reverse("certificates:award", args=[award.pk]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("certificates:decision", args=[decision.pk])
    assert "KNC_VSNKS" in response.content.decode()


def test_a_reissue_from_the_page(client, printed, users):
    award = printed["hanoi"].granted[0]
    client.force_login(users["hanoi_officer"])
    url = reverse("certificates:reissue", args=[award.pk])

    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 200 and Certificate.objects.get(award=award).reissue_count == 0

    done = client.post(url, {"reason": "Bản cũ bị mất"})
    assert done.status_code == 302 and Certificate.objects.get(award=award).reissue_count == 1


def _form_post(form: CertificateForm, **changes) -> dict:
    from tdkt.documents.certificates.forms import CertificateFormForm

    data = {**CertificateFormForm.initial_from(form), **changes}
    return {k: ("on" if v is True else v) for k, v in data.items() if v is not False}


def test_the_officer_moves_a_field_and_a_field_off_the_sheet_is_named(client, users):
    form = CertificateForm.objects.get(codes=["GK"])
    client.force_login(users["sector"])
    url = reverse("certificates:form-edit", args=[form.pk])

    bad = client.post(url, _form_post(form, signer_x="250"))
    assert bad.status_code == 200
    assert "“Họ tên người ký” nằm ngoài tờ giấy 297 × 210 mm" in bad.content.decode()
    assert CertificateForm.objects.get(pk=form.pk).version == 1

    good = client.post(url, _form_post(form, signer_x="180.5"))
    assert good.status_code == 302
    assert CertificateForm.objects.get(pk=form.pk).positions["signer"]["x"] == 180.5

    stale = client.post(url, _form_post(form, signer_x="181"))
    assert "người khác sửa" in stale.content.decode()


def test_a_new_form_is_added(client, users):
    client.force_login(users["sector"])
    page = client.get(reverse("certificates:form-create"))
    data = _form_post(CertificateForm.objects.get(codes=["GK"]))
    data.update(name="Giấy chứng nhận CSTDCS", codes="CSTDCS", serial_prefix="CN", version="")

    response = client.post(reverse("certificates:form-create"), data)

    assert page.status_code == 200 and response.status_code == 302
    assert CertificateForm.objects.get(name="Giấy chứng nhận CSTDCS").codes == ["CSTDCS"]


def test_the_test_print_is_a_pdf_with_the_grid(client, users):
    form = CertificateForm.objects.get(codes=["BK_NGANH"])
    client.force_login(users["sector"])

    response = client.get(reverse("certificates:form-test-print", args=[form.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert "Bà Nguyễn Thị Mẫu" in pdf_text(response.content)


# --- query counts -----------------------------------------------------------------------------


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_pages_cost_the_same_queries_for_few_and_many_recipients(client, org, users):
    decision = make_decision(org.root, number="200/QĐ")
    client.force_login(users["sector"])
    page = reverse("certificates:decision", args=[decision.pk])
    listing = reverse("certificates:decisions")

    def add(n):
        for i in range(n):
            award = grant(decision, person=make_person(org.hanoi, f"Cán bộ {i}"))
            services.certificates_issue(
                awards=[award], forms=services.forms_by_code(), user=users["sector"]
            )

    add(2)
    make_decision(org.root, number="201/QĐ")
    small = (_count(client, page), _count(client, listing))
    add(8)
    for n in range(5):
        make_decision(org.root, number=f"30{n}/QĐ")
    large = (_count(client, page), _count(client, listing))

    assert small == large
    token = Certificate.objects.first().token
    client.logout()
    assert _count(client, reverse("certificates:verify", args=[token])) <= 2


def test_the_decision_page_of_the_register_links_to_its_certificates(client, decision, users):
    client.force_login(users["sector"])

    html = client.get(reverse("awards:decision-detail", args=[decision.pk])).content.decode()

    assert reverse("certificates:decision", args=[decision.pk]) in html
