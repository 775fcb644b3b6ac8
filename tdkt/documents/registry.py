"""The Word templates the application fills, each with a bundled default file.

An app declares its templates in a ``word_templates`` module (imported when the project
starts) by calling ``register``. A template is a real ``.docx`` file written with docxtpl's
Jinja tags (``{{ name }}``, ``{% for %}``…); the sector officer may replace it with an edited
copy, which is used instead of the bundled default until restored (see ``services``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class WordTemplate:
    """One fillable document.

    ``sample`` returns a context with every variable the application passes, filled with
    example values; a replacement is accepted only if it renders with it. ``variables``
    describes those variables for whoever edits the template (name → Vietnamese meaning).
    """

    key: str
    title: str
    default_path: Path
    sample: Callable[[], dict]
    variables: dict[str, str] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return f"{self.key.replace('.', '-')}.docx"


_TEMPLATES: dict[str, WordTemplate] = {}


def register(template: WordTemplate) -> WordTemplate:
    """Declare ``template``; a key registered twice is a programming error."""
    if template.key in _TEMPLATES and _TEMPLATES[template.key] != template:
        raise ValueError(f"Word template {template.key} is registered twice")
    _TEMPLATES[template.key] = template
    return template


def unregister(key: str) -> None:
    """Forget a template (for tests that register their own)."""
    _TEMPLATES.pop(key, None)


def get(key: str) -> WordTemplate | None:
    return _TEMPLATES.get(key)


def all_templates() -> list[WordTemplate]:
    """Every registered template, by title."""
    return sorted(_TEMPLATES.values(), key=lambda t: t.title)
