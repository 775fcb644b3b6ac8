"""E-mail notifications, sent once the transaction that caused them has committed.

Services call ``notify`` inside their transaction; if it rolls back, nothing is sent. The
e-mail backend is Django's (``TDKT_EMAIL_BACKEND``; the console in development). A failure to
send is logged and never undoes the user's action.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

logger = logging.getLogger(__name__)


def notify(*, users: Iterable, subject: str, body: str) -> None:
    """Send ``subject``/``body`` to every user in ``users`` who has an e-mail address and is
    active, after commit. Each recipient gets their own message (no address is disclosed)."""
    addresses = sorted({u.email for u in users if getattr(u, "email", "") and u.is_active})
    if not addresses:
        return
    sender = settings.DEFAULT_FROM_EMAIL
    messages = [(subject, body, sender, [address]) for address in addresses]

    def send() -> None:
        try:
            send_mass_mail(messages, fail_silently=False)
        except Exception:  # noqa: BLE001 - a mail server down must not break the action
            logger.exception("notification %r not sent to %d users", subject, len(addresses))

    transaction.on_commit(send)
