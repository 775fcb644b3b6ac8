"""Checks of evidence files: the type is read from the first bytes, never from the name."""

from tdkt.core.uploads import checked_upload

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


def sniff(upload) -> str:
    """The content type of an evidence file; refuses an empty, too large or unknown file."""
    return checked_upload(upload, max_bytes=MAX_EVIDENCE_BYTES)
