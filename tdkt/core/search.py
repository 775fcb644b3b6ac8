"""Diacritic-insensitive search: every searchable model stores ``search_text = fold(text)``.

Folding happens in Python so SQLite and PostgreSQL behave identically: "Đặng Văn Đức",
"ĐẶNG VĂN ĐỨC" and "dang van duc" all fold to ``"dang van duc"``.
"""

import re

from unidecode import unidecode

_SPACES = re.compile(r"\s+")


def fold(*parts: object) -> str:
    """Return the parts joined, transliterated to ASCII, lower-cased, with single spaces."""
    text = " ".join(str(part) for part in parts if part not in (None, ""))
    return _SPACES.sub(" ", unidecode(text).lower()).strip()


MAX_TERMS = 8
MAX_QUERY_LENGTH = 200


def search_terms(query: str) -> list[str]:
    """Split a user's query into distinct folded words, at most ``MAX_TERMS`` of them.

    An empty or blank query gives no terms; overly long input is cut, never refused, so a
    pasted paragraph cannot build an oversized SQL statement.
    """
    terms = dict.fromkeys(term for term in fold(query[:MAX_QUERY_LENGTH]).split(" ") if term)
    return list(terms)[:MAX_TERMS]
