"""E-mail notifications, sent once the transaction that caused them has committed.

Services call ``notify`` inside their transaction; if it rolls back, nothing is sent. The
e-mail backend is Django's (``TDKT_EMAIL_BACKEND``; the console in development). A failure to
send is logged and never undoes the user's action.

``send_now`` is for batch jobs that must know whether a message left (the deadline reminders
record a reminder only once its e-mail was sent): it sends at once and says so.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, send_mass_mail
from django.db import transaction
from django.urls import reverse

logger = logging.getLogger(__name__)


def absolute_url(name: str, *args) -> str:
    """The link to the view ``name`` (with ``args``) on the site, ``TDKT_SITE_URL`` in front,
    as e-mails carry it."""
    return settings.TDKT_SITE_URL.rstrip("/") + reverse(name, args=args)


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


def send_now(*, user, subject: str, body: str) -> bool:
    """Send ``subject``/``body`` to ``user`` at once, not after commit. True only when the
    backend accepted the message; False (nothing raised, the failure logged) when the user is
    inactive or has no address, or when sending failed."""
    address = getattr(user, "email", "")
    if not address or not user.is_active:
        return False
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    try:
        return message.send(fail_silently=False) == 1
    except Exception:  # noqa: BLE001 - reported to the caller, who records nothing
        logger.exception("message %r not sent to user %s", subject, user.pk)
        return False
