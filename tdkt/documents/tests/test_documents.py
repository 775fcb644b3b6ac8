"""Word templates: filling, replacing with an edited copy, refusing bad copies, permissions."""

import io
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document

from tdkt.core.errors import DomainError
from tdkt.documents import registry
from tdkt.documents.models import TemplateReplacement
from tdkt.documents.rendering import TemplateRenderError, render_docx
from tdkt.documents.services import MAX_BYTES, template_replace, template_restore

pytestmark = pytest.mark.django_db
KEY = "tests.letter"


def _docx(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


@pytest.fixture
def template(tmp_path: Path):
    path = tmp_path / "letter.docx"
    path.write_bytes(_docx("Kính gửi {{ recipient }}", "Có {{ count }} mục."))
    registered = registry.register(
        registry.WordTemplate(
            key=KEY,
            title="Thư thử nghiệm",
            default_path=path,
            sample=lambda: {"recipient": "VKSND tỉnh Phú Thọ", "count": 3},
            variables={"recipient": "nơi nhận", "count": "số mục"},
        )
    )
    yield registered
    registry.unregister(KEY)


def test_the_default_is_filled_and_special_characters_survive(template):
    content = render_docx(KEY, {"recipient": "Phòng 1 & Phòng 2 <gấp>", "count": 2})

    assert _text(content) == "Kính gửi Phòng 1 & Phòng 2 <gấp>\nCó 2 mục."


def test_a_replacement_is_used_until_the_default_is_restored(template, users):
    template_replace(
        key=KEY,
        content=_docx("Thân gửi {{ recipient }}"),
        name="thu.docx",
        user=users["sector"],
        note="Đổi lời chào",
    )

    assert _text(render_docx(KEY, {"recipient": "A", "count": 1})) == "Thân gửi A"
    assert template_restore(key=KEY, user=users["sector"])
    assert _text(render_docx(KEY, {"recipient": "A", "count": 1})).startswith("Kính gửi A")
    assert not template_restore(key=KEY, user=users["sector"])


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"", "rong.docx", "tệp rỗng"),
        (b"%PDF-1.7 not a word file", "gia.docx", "không phải văn bản Word"),
        (b"PK\x03\x04" + b"0" * 100, "hong.docx", "không phải văn bản Word"),
        (b"PK\x03\x04" + b"0" * (MAX_BYTES + 1), "lon.docx", "lớn hơn 2 MB"),
        (_docx("Kính gửi {{ recipient "), "cuphap.docx", "lỗi cú pháp"),
        (_docx("Kính gửi {{ recipent }}"), "bien.docx", "recipent"),
        (
            _docx("{{ recipient.__class__.__mro__[1].__subclasses__() }}"),
            "xau.docx",
            "không được phép",
        ),
    ],
)
def test_a_bad_replacement_is_refused_and_the_template_in_use_is_kept(
    template, users, content, name, expected
):
    with pytest.raises(DomainError) as refused:
        template_replace(key=KEY, content=content, name=name, user=users["sector"])

    assert expected in refused.value.message and refused.value.field == "file"
    assert not TemplateReplacement.objects.exists()


def test_a_replacement_that_no_longer_fills_gives_a_message_not_a_crash(template, users):
    template_replace(key=KEY, content=_docx("{{ recipient }}"), name="a.docx", user=users["sector"])
    TemplateReplacement.objects.update(content=b"PK\x03\x04broken")

    with pytest.raises(TemplateRenderError) as failed:
        render_docx(KEY, {"recipient": "A", "count": 1})

    assert "Thư thử nghiệm" in failed.value.message and "khôi phục" in failed.value.message


def _urls(key=KEY):
    return {
        "list": reverse("documents:list"),
        "current": reverse("documents:download", args=[key, "hien-hanh"]),
        "default": reverse("documents:download", args=[key, "mac-dinh"]),
        "sample": reverse("documents:download", args=[key, "dien-thu"]),
        "replace": reverse("documents:replace", args=[key]),
        "restore": reverse("documents:restore", args=[key]),
    }


def test_who_may_see_and_who_may_change(client, template, users):
    urls = _urls()
    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    client.force_login(users["no_role"])
    assert all(client.get(url).status_code == 404 for url in urls.values())
    client.force_login(users["hanoi_officer"])
    for name in ("list", "current", "default", "sample"):
        assert client.get(urls[name]).status_code == 200, name
    for name in ("replace", "restore"):
        assert client.get(urls[name]).status_code == 404, name
        assert client.post(urls[name]).status_code == 404, name
    client.force_login(users["sector"])
    assert client.get(urls["replace"]).status_code == 200
    assert client.get(_urls("khong.co")["replace"]).status_code == 404
    assert client.get(reverse("documents:download", args=[KEY, "khac"])).status_code == 404


def test_the_sector_officer_replaces_downloads_and_restores_in_the_browser_flow(
    client, template, users
):
    urls = _urls()
    client.force_login(users["sector"])
    upload = io.BytesIO(_docx("Thân gửi {{ recipient }}, {{ count }} mục"))
    upload.name = "thu-moi.docx"

    response = client.post(urls["replace"], {"file": upload, "note": "Mẫu 2026"}, follow=True)

    page = response.content.decode()
    assert "Mẫu thay thế" in page and "thu-moi.docx" in page and "Mẫu 2026" in page
    sample = client.get(urls["sample"])
    assert _text(sample.content) == "Thân gửi VKSND tỉnh Phú Thọ, 3 mục"
    assert "dien-thu-tests-letter.docx" in sample["Content-Disposition"]
    assert _text(client.get(urls["default"]).content).startswith("Kính gửi {{ recipient }}")
    confirm = client.get(urls["restore"]).content.decode()
    assert "thu-moi.docx" in confirm and '<form method="post"' in confirm
    client.post(urls["restore"])
    assert not TemplateReplacement.objects.exists()


def test_a_refused_upload_shows_the_reason_on_the_form(client, template, users):
    client.force_login(users["sector"])
    upload = io.BytesIO(b"%PDF-1.4")
    upload.name = "bao-cao.docx"

    response = client.post(_urls()["replace"], {"file": upload})

    assert response.status_code == 200
    assert "không phải văn bản Word" in response.content.decode()
    assert "recipient" in response.content.decode()  # the variables are listed


def test_the_list_costs_the_same_queries_whatever_the_replacements(
    client, template, users, django_assert_max_num_queries
):
    client.force_login(users["sector"])
    with django_assert_max_num_queries(12):
        client.get(_urls()["list"])
    template_replace(key=KEY, content=_docx("{{ recipient }}"), name="a.docx", user=users["sector"])
    with django_assert_max_num_queries(12):
        assert "a.docx" in client.get(_urls()["list"]).content.decode()


def test_every_registered_template_fills_with_its_sample_and_would_be_accepted_as_upload():
    from tdkt.documents.services import check_replacement

    templates = [t for t in registry.all_templates() if t.key != KEY]
    assert templates, "the apps register their templates at start-up"
    for template in templates:
        default = template.default_path.read_bytes()
        check_replacement(template, default, template.filename)
        sample = template.sample()
        text = _text(render_docx(template.key, sample))
        assert text.strip(), template.key


def test_the_covenant_keeps_ampersands_and_angle_brackets(users):
    sample = registry.get("emulation.covenant").sample()
    sample["targets"][0]["text"] = "Giải quyết án <100% & đúng hạn>"

    content = render_docx("emulation.covenant", sample)

    body = "\n".join(
        cell.text
        for table in Document(io.BytesIO(content)).tables
        for row in table.rows
        for cell in row.cells
    ) + _text(content)
    assert "Giải quyết án <100% & đúng hạn>" in body
