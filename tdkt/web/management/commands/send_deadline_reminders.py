"""``manage.py send_deadline_reminders [--days N] [--today DATE]``: e-mail each user the
deadlines falling in the next N working days (default 3) and the open votes they have not cast,
at most once a day per user and item.

Meant to run every working morning from cron or a systemd timer (see docs/notifications.md);
running it again the same day sends only what was not sent yet, and what could not be sent.
Exit status 0 when every e-mail due was sent (including when nothing is due); 1 when some
could not be sent (nothing recorded for them: the next run sends them); 2 on a bad ``--days``
or ``--today`` (a Vietnamese message, nothing sent), or when another run was sending the same
reminders at the same moment (those users skipped).
"""

import datetime as dt
import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from tdkt.core.dates import is_plausible
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
BAD_DATE = "Ngày “%(value)s” không hợp lệ: hãy nhập dạng dd/mm/yyyy hoặc yyyy-mm-dd."
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


def parse_days(value: str) -> int:
    """``value`` as a number of working days from 0 to ``MAX_DAYS``; ``DomainError`` with the
    Vietnamese message for anything else (not a number included)."""
    text = (value or "").strip()
    if text.lstrip("-").isdigit() and 0 <= int(text) <= MAX_DAYS:
        return int(text)
    raise DomainError(DAYS_OUT_OF_RANGE % {"max": MAX_DAYS}, field="days")


def parse_day(value: str) -> dt.date:
    """``value`` (dd/mm/yyyy or yyyy-mm-dd, 1900–2100) as a date; ``DomainError`` else."""
    for fmt in DATE_FORMATS:
        try:
            day = dt.datetime.strptime((value or "").strip(), fmt).date()
        except ValueError:
            continue
        if is_plausible(day):
            return day
    raise DomainError(BAD_DATE % {"value": value}, field="today")


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc hạn: hạn nộp hồ sơ, hạn thẩm định trong N ngày làm việc tới và phiếu "
        "bầu kín chưa bỏ; mỗi người, mỗi việc nhiều nhất một thư một ngày."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            default=str(DEFAULT_DAYS),
            help=f"Số ngày làm việc tính từ hôm nay, 0 đến {MAX_DAYS} (mặc định {DEFAULT_DAYS})",
        )
        parser.add_argument(
            "--today",
            default="",
            help="Ngày coi là hôm nay, dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: hôm nay)",
        )

    def handle(self, *args, days, today, **options):
        try:
            number = parse_days(days)
            day = parse_day(today) if today else timezone.localdate()
            sent = reminders_send(today=day, days=number)
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
