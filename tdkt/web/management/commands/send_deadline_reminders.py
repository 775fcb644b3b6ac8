"""``manage.py send_deadline_reminders [--days N]``: e-mail each user the
deadlines falling in the next N working days (default 3) and the open votes they have not cast,
at most once a day per user and item.

Meant to run every working morning from cron or a systemd timer (see docs/notifications.md);
running it again the same day sends only what was not sent yet, and what could not be sent.
Exit status 0 when every e-mail due was sent (including when nothing is due); 1 when some
could not be sent (nothing recorded for them: the next run sends them); 2 on a bad ``--days``
(a Vietnamese message, nothing sent), or when another run was sending the same reminders at
the same moment (those users skipped). The day is always today: a run as of another day would
send real e-mail and record it under that day.
"""

import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from tdkt.core.errors import DomainError
from tdkt.web.reminders import DAYS_OUT_OF_RANGE, DEFAULT_DAYS, MAX_DAYS, reminders_send

CONCURRENT_RUN = (
    "Một lần chạy khác đang gửi cùng các thư nhắc hạn cho %(n)s người; lần này bỏ qua họ. "
    "Hãy chạy lại."
)
NOT_SENT = (
    "Không gửi được thư nhắc hạn cho %(n)s người (máy chủ thư lỗi?); chưa ghi nhận là đã gửi, "
    "lần chạy sau sẽ gửi lại."
)


def parse_days(value: str) -> int:
    """``value`` as a number of working days from 0 to ``MAX_DAYS``; ``DomainError`` with the
    Vietnamese message for anything else (not a number included)."""
    text = (value or "").strip()
    if text.isascii() and text.isdecimal() and 0 <= int(text) <= MAX_DAYS:
        return int(text)
    raise DomainError(DAYS_OUT_OF_RANGE % {"max": MAX_DAYS}, field="days")


def today():
    """The day the run counts from: always the real today (tests replace this function)."""
    return timezone.localdate()


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc hạn: hạn nộp hồ sơ, hạn thẩm định trong N ngày làm việc tới và phiếu "
        "bầu kín chưa bỏ; mỗi người, mỗi việc nhiều nhất một thư một ngày."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            default=str(DEFAULT_DAYS),
            help=(
                f"Số ngày làm việc tính từ hôm nay, 0 đến {MAX_DAYS} (mặc định {DEFAULT_DAYS}); "
                "hạn nộp hồ sơ chỉ nhắc khi còn không quá 14 ngày, như mục Việc cần làm"
            ),
        )

    def handle(self, *args, days, **options):
        try:
            number = parse_days(days)
            sent = reminders_send(today=today(), days=number)
        except DomainError as error:
            self.stderr.write(error.message)
            sys.exit(2)
        self.stdout.write(f"Đã gửi thư nhắc hạn cho {sent['users']} người ({sent['items']} việc).")
        if sent["failed"]:
            self.stderr.write(NOT_SENT % {"n": sent["failed"]})
        if sent["concurrent"]:
            self.stderr.write(CONCURRENT_RUN % {"n": sent["concurrent"]})
            sys.exit(2)
        if sent["failed"]:
            sys.exit(1)
