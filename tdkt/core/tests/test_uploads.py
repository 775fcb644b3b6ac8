"""Uploads are recognised by their content, whatever their name."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import Workbook

from tdkt.core.errors import DomainError
from tdkt.core.uploads import DOCX, JPEG, PDF, PNG, XLSX, checked_upload, content_type_of


def _docx() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"%PDF-1.7 ...", PDF),
        (b"\x89PNG\r\n\x1a\n....", PNG),
        (b"\xff\xd8\xff\xe0....", JPEG),
        (_docx(), DOCX),
        (_xlsx(), XLSX),
        (b"PK\x03\x04 not really a zip", None),
        (b"MZ\x90\x00 an executable", None),
        (b"<html><script>", None),
    ],
)
def test_the_type_comes_from_the_bytes(content, expected):
    upload = SimpleUploadedFile("ten-bat-ky.pdf", content)

    assert content_type_of(upload) == expected
    assert upload.tell() == 0


def test_refusals_name_the_file_and_the_limit():
    def refused(upload, **kwargs):
        with pytest.raises(DomainError) as caught:
            checked_upload(upload, **kwargs)
        return caught.value

    large = SimpleUploadedFile("lon.pdf", b"%PDF-1.4")
    large.size = 10 * 1024**2 + 1
    big = refused(large, max_bytes=10 * 1024**2)
    empty = refused(SimpleUploadedFile("rong.pdf", b""), max_bytes=100)
    wrong = refused(SimpleUploadedFile("anh.png", b"%PDF-1.4"), max_bytes=100, allowed={PNG})

    assert big.code == "too_large" and big.message == "Tệp “lon.pdf” lớn hơn 10 MB."
    assert empty.code == "empty" and "“rong.pdf”" in empty.message
    assert wrong.code == "type" and wrong.field == "file"
    assert checked_upload(SimpleUploadedFile("x.bin", b"%PDF-1.4"), max_bytes=100) == PDF
