"""Checks of evidence files: the type is read from the first bytes, never from the name."""

import zipfile

from django.utils.translation import gettext as _

from tdkt.core.errors import DomainError

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
FILE_TOO_LARGE = "Tệp “%(name)s” lớn hơn 10 MB."
FILE_EMPTY = "Tệp “%(name)s” rỗng."
FILE_TYPE_REFUSED = (
    "Tệp “%(name)s” không phải PDF, Word (.docx), Excel (.xlsx) hay ảnh PNG/JPEG "
    "(kiểm tra theo nội dung tệp, không theo tên)."
)

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _office_type(upload) -> str | None:
    """DOCX and XLSX are ZIP packages; their part names tell them apart."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def sniff(upload) -> str:
    """The content type of an uploaded file, from its first bytes; refuses anything else."""
    name = getattr(upload, "name", "") or ""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise DomainError(_(FILE_TOO_LARGE) % {"name": name}, field="file", code="too_large")
    if upload.size == 0:
        raise DomainError(_(FILE_EMPTY) % {"name": name}, field="file", code="empty")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        found = _office_type(upload)
        if found:
            return found
    raise DomainError(_(FILE_TYPE_REFUSED) % {"name": name}, field="file", code="type")
