"""Replace a bundled Word template with an edited copy, or restore the default."""

import io
import zipfile

from django.db import transaction
from django.utils.translation import gettext as _
from jinja2 import TemplateError
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from tdkt.core.errors import DomainError
from tdkt.core.uploads import DOCX, content_type_of
from tdkt.documents import registry
from tdkt.documents.models import TemplateReplacement
from tdkt.documents.rendering import fill

MAX_BYTES = 2 * 1024 * 1024
"""Largest replacement accepted (a template with a logo is far smaller)."""

EMPTY = "Chưa chọn tệp, hoặc tệp rỗng."
TOO_LARGE = "Tệp lớn hơn {limit} MB; mẫu văn bản thường chỉ vài chục KB."
NOT_DOCX = "Tệp “{name}” không phải văn bản Word .docx (đọc nội dung tệp, không theo tên tệp)."
SYNTAX = "Mẫu có lỗi cú pháp ở dòng {line}: {message}."
UNKNOWN_VARIABLES = "Mẫu dùng biến không có trong dữ liệu: {names}. Các biến dùng được: {known}."
FORBIDDEN = "Mẫu dùng lệnh không được phép: {message}."
CANNOT_FILL = "Không điền thử được mẫu với dữ liệu mẫu: {message}."


def _is_docx(content: bytes) -> bool:
    return content_type_of(io.BytesIO(content)) == DOCX


def check_replacement(template: registry.WordTemplate, content: bytes, name: str) -> None:
    """Raise ``DomainError`` (field ``file``) unless ``content`` is a Word document that fills
    without error with the template's sample data and uses only the variables it provides."""

    def refuse(message: str):
        raise DomainError(message, field="file")

    if not content:
        refuse(_(EMPTY))
    if len(content) > MAX_BYTES:
        refuse(_(TOO_LARGE).format(limit=MAX_BYTES // (1024 * 1024)))
    if not _is_docx(content):
        refuse(_(NOT_DOCX).format(name=name))
    sample = template.sample()
    try:
        from docxtpl import DocxTemplate

        unknown = DocxTemplate(io.BytesIO(content)).get_undeclared_template_variables(
            SandboxedEnvironment(), context=sample
        )
        if unknown:
            known = ", ".join(sorted(template.variables or sample))
            refuse(_(UNKNOWN_VARIABLES).format(names=", ".join(sorted(unknown)), known=known))
        fill(content, sample)
    except TemplateSyntaxError as error:
        refuse(_(SYNTAX).format(line=error.lineno, message=str(error.message).rstrip(".")))
    except SecurityError as error:
        refuse(_(FORBIDDEN).format(message=str(error).rstrip(".")))
    except (TemplateError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as error:
        refuse(_(CANNOT_FILL).format(message=str(error).rstrip(".")))


@transaction.atomic
def template_replace(*, key: str, content: bytes, name: str, user, note: str = "") -> None:
    """Use ``content`` instead of the default of template ``key`` from now on.

    Raises ``DomainError`` when the file is refused (see ``check_replacement``); the template
    in use is then unchanged.
    """
    template = registry.get(key)
    if template is None:
        raise LookupError(key)
    check_replacement(template, content, name)
    replacement = TemplateReplacement.objects.filter(key=key).first() or TemplateReplacement(
        key=key
    )
    replacement.content = content
    replacement.original_name = name[:200]
    replacement.uploaded_by = user
    replacement.note = note[:255]
    replacement._change_reason = note
    replacement.save()


@transaction.atomic
def template_restore(*, key: str, user) -> bool:
    """Go back to the bundled default of template ``key``; False when it was already in use."""
    replacement = TemplateReplacement.objects.filter(key=key).first()
    if replacement is None:
        return False
    replacement._history_user = user
    replacement.delete()
    return True
