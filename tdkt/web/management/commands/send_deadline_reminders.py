"""``manage.py send_deadline_reminders [--days N]``: e-mail each user the deadlines falling in
the next N working days (default 3), at most once a day per user and item.

Meant to run every working morning from cron or a systemd timer (see docs/notifications.md);
running it again the same day sends only what was not sent yet. Exit status 0 on success
(including when nothing is due), 2 on a bad ``--days`` or when another run sent the same
reminders at the same moment.
"""

import sys

from django.core.management.base import BaseCommand
from django.db import IntegrityError
from django.utils import timezone

from tdkt.core.errors import DomainError
from tdkt.web.reminders import DEFAULT_DAYS, reminders_send

CONCURRENT_RUN = (
    "Một lần chạy khác đang gửi cùng các thư nhắc hạn; không gửi gì thêm. Hãy chạy lại."
)


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc hạn: hạn nộp hồ sơ, hạn thẩm định trong N ngày làm việc tới và phiếu "
        "bầu kín chưa bỏ; mỗi người, mỗi việc nhiều nhất một thư một ngày."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=f"Số ngày làm việc tính từ hôm nay (mặc định {DEFAULT_DAYS})",
        )

    def handle(self, *args, days, **options):
        try:
            sent = reminders_send(today=timezone.localdate(), days=days)
        except DomainError as error:
            self.stderr.write(error.message)
            sys.exit(2)
        except IntegrityError:
            self.stderr.write(CONCURRENT_RUN)
            sys.exit(2)
        self.stdout.write(f"Đã gửi thư nhắc hạn cho {sent['users']} người ({sent['items']} việc).")
