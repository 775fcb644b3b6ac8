"""``manage.py demo_logins``: the demo logins as they are in the database."""

from django.core.management.base import BaseCommand

from tdkt.accounts.models import User
from tdkt.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_USERNAMES, demo_password_hash
from tdkt.org.models import UnitType

CHANGED = "(đã đổi)"
AMBIGUOUS_SHORT_NAMES = (UnitType.DIVISION, UnitType.SUPREME_UNIT)
"""Unit types whose short names ("Văn phòng", "Phòng 1") need the full name to be clear."""


def _unit_label(unit) -> str:
    return unit.full_name if unit.unit_type in AMBIGUOUS_SHORT_NAMES else unit.short_name


class Command(BaseCommand):
    help = "In bảng tài khoản mẫu (tên đăng nhập, mật khẩu, vai trò, đơn vị) đang có trong CSDL."

    def handle(self, *args, **options):
        users = {
            u.username: u
            for u in User.objects.filter(username__in=DEMO_USERNAMES).prefetch_related(
                "roles__unit"
            )
        }
        if not users:
            self.stdout.write("Chưa có tài khoản mẫu. Chạy: manage.py demo_data")
            return
        rows = [("Tên đăng nhập", "Mật khẩu", "Vai trò", "Đơn vị")]
        demo_hash = demo_password_hash()
        for account in DEMO_ACCOUNTS:
            user = users.get(account.username)
            if user is None:
                continue
            rows.extend(self._rows(user, demo_hash))
        self._print(rows)
        missing = [a.username for a in DEMO_ACCOUNTS if a.username not in users]
        if missing:
            self.stdout.write(f"Không có trong CSDL: {', '.join(missing)}")

    def _rows(self, user, demo_hash):
        if not user.is_active:
            password = "(đã khóa)"
        elif user.password == demo_hash or user.check_password(DEMO_PASSWORD):
            password = DEMO_PASSWORD
        else:
            password = CHANGED
        roles = sorted(user.roles.all(), key=lambda r: (r.role, r.unit.code))
        if not roles:
            label = "Quản trị hệ thống (toàn quyền)" if user.is_superuser else "(chưa có vai trò)"
            return [(user.username, password, label, "")]
        return [
            (
                user.username if i == 0 else "",
                password if i == 0 else "",
                role.get_role_display(),
                _unit_label(role.unit),
            )
            for i, role in enumerate(roles)
        ]

    def _print(self, rows):
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for number, row in enumerate(rows):
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
            self.stdout.write("  ".join(cells).rstrip())
            if number == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
