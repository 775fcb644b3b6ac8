"""Settings of the consultation app, each overridable in ``config/settings.py`` (or by the
environment variable of the same name)."""

import os

from django.conf import settings

DEFAULTS = {
    "TDKT_CONSULTATION_COMMENTS_PER_IP_PER_HOUR": 5,
    "TDKT_CONSULTATION_COMMENTS_PER_CONSULTATION_PER_HOUR": 50,
    "TDKT_CONSULTATION_NOTIFY_EVERY_MINUTES": 60,
    "TDKT_CONSULTATION_TRUST_X_FORWARDED_FOR": 0,
}


def setting(name: str) -> int:
    """The value of ``name``: from settings, else the environment, else the default."""
    if hasattr(settings, name):
        return int(getattr(settings, name))
    return int(os.environ.get(name, DEFAULTS[name]))
