"""What an uploaded file really is, read from its first bytes and never from its name.

Used by every upload that is stored and served again (scoring evidence, dossier documents,
movement reports, Word templates), so that a renamed executable or HTML page is refused the
same way everywhere.
"""

import zipfile

from django.utils.translation import gettext as _

from tdkt.core.errors import DomainError

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg", DOCX: ".docx", XLSX: ".xlsx"}
DOCUMENTS_AND_IMAGES = frozenset(EXTENSIONS)

FILE_TOO_LARGE = "Tệp “%(name)s” lớn hơn %(limit)s MB."
FILE_EMPTY = "Tệp “%(name)s” rỗng."
FILE_TYPE_REFUSED = (
    "Tệp “%(name)s” không phải PDF, Word (.docx), Excel (.xlsx) hay ảnh PNG/JPEG "
    "(kiểm tra theo nội dung tệp, không theo tên)."
)


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


def content_type_of(upload) -> str | None:
    """The content type of a file-like object (PDF, PNG, JPEG, DOCX or XLSX) from its first
    bytes, or None when it is none of them. The position is left at the start."""
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
        return _office_type(upload)
    return None


def checked_upload(
    upload, *, max_bytes: int, allowed: frozenset[str] = DOCUMENTS_AND_IMAGES, field="file"
) -> str:
    """The content type of ``upload``; ``DomainError`` on ``field`` naming the file when it is
    empty, larger than ``max_bytes`` or not of an ``allowed`` type."""
    name = getattr(upload, "name", "") or ""
    if upload.size > max_bytes:
        limit = f"{max_bytes / (1024 * 1024):g}"
        message = _(FILE_TOO_LARGE) % {"name": name, "limit": limit}
        raise DomainError(message, field=field, code="too_large")
    if upload.size == 0:
        raise DomainError(_(FILE_EMPTY) % {"name": name}, field=field, code="empty")
    found = content_type_of(upload)
    if found not in allowed:
        raise DomainError(_(FILE_TYPE_REFUSED) % {"name": name}, field=field, code="type")
    return found
