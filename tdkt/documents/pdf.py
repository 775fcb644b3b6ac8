"""PDF output: a Django template rendered to HTML, then laid out by WeasyPrint.

The fonts are the bundled Tinos files (full Vietnamese coverage), loaded with ``@font-face`` from
the static directory, so a PDF looks the same on every server. Only ``file:`` and ``data:`` URLs
are fetched: nothing leaves the machine while a PDF is made.
"""

from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

FONT_FILES = {
    ("normal", "normal"): "Tinos-Regular.ttf",
    ("bold", "normal"): "Tinos-Bold.ttf",
    ("normal", "italic"): "Tinos-Italic.ttf",
    ("bold", "italic"): "Tinos-BoldItalic.ttf",
}
FONT_FAMILY = "Tinos"


@cache
def font_faces() -> str:
    """The ``@font-face`` rules of the bundled serif, with absolute ``file:`` URLs."""
    rules = []
    for (weight, style), name in FONT_FILES.items():
        path = Path(finders.find(f"documents/fonts/{name}"))
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; '
            f'font-style: {style}; src: url("{path.as_uri()}"); }}'
        )
    return "\n".join(rules)


def render_pdf(template_name: str, context: dict) -> bytes:
    """``template_name`` rendered with ``context`` (plus ``font_faces``) as PDF bytes."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(template_name, {**context, "font_faces": font_faces()})
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    return HTML(string=html, base_url=str(Path.cwd()), url_fetcher=fetcher).write_pdf()
