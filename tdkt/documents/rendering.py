"""Fill a registered Word template with a context and return the ``.docx`` bytes.

Templates run in Jinja's sandbox with auto-escaping: a replacement uploaded by an officer cannot
reach Python internals, and text such as "A & B <C>" in the data cannot break the document.
"""

import io
import logging
import zipfile

from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from tdkt.core.errors import DomainError
from tdkt.documents import registry
from tdkt.documents.models import TemplateReplacement

logger = logging.getLogger(__name__)

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RENDER_FAILED = (
    "Không điền được mẫu văn bản “{title}”: {detail}. Hãy sửa mẫu thay thế hoặc khôi phục mẫu "
    "mặc định (Danh mục → Mẫu văn bản)."
)


class TemplateRenderError(DomainError):
    """A template could not be filled; the message names the template and the problem."""


def template_source(template: registry.WordTemplate) -> tuple[bytes, bool]:
    """The bytes of the template in use and whether they are a replacement."""
    content = (
        TemplateReplacement.objects.filter(key=template.key)
        .values_list("content", flat=True)
        .first()
    )
    if content is not None:
        return bytes(content), True
    return template.default_path.read_bytes(), False


def fill(source: bytes, context: dict) -> bytes:
    """``source`` (a .docx with docxtpl tags) filled with ``context``.

    Raises ``jinja2.TemplateError`` for a template error and ``ValueError`` when ``source`` is
    not a Word document.
    """
    if not zipfile.is_zipfile(io.BytesIO(source)):
        raise ValueError("not a .docx file")
    document = DocxTemplate(io.BytesIO(source))
    document.render(context, jinja_env=SandboxedEnvironment(), autoescape=True)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def render_docx(key: str, context: dict) -> bytes:
    """The template registered as ``key`` (its replacement if there is one) filled with
    ``context``. Raises ``TemplateRenderError`` with a Vietnamese message when it cannot be."""
    template = registry.get(key)
    if template is None:
        raise LookupError(f"No Word template registered as {key}")
    source, _replaced = template_source(template)
    return fill_template(template, source, context)


def fill_template(template: registry.WordTemplate, source: bytes, context: dict) -> bytes:
    """``fill`` for ``template``, failures raised as ``TemplateRenderError``."""
    try:
        return fill(source, context)
    except (TemplateError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as error:
        logger.warning("Word template %s failed: %s", template.key, error)
        raise TemplateRenderError(
            RENDER_FAILED.format(title=template.title, detail=error), code="template_render"
        ) from error
