"""The documents app's providers of the task inbox (found by ``web``'s autodiscovery)."""

from tdkt.documents.certificates import inbox as certificates_inbox  # noqa: F401
