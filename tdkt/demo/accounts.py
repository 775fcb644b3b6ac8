"""Demo accounts: one user per role, all with the password ``DEMO_PASSWORD``.

Users that already exist keep their password (the password is only set when a user is created);
their names, person link and demo roles are brought back to the list below.
"""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password

from tdkt.accounts.models import Role, RoleAssignment, User
from tdkt.demo.people import FEATURED_CODE
from tdkt.org.models import Unit
from tdkt.people.models import Person

DEMO_PASSWORD = "TdktDemo@2026"
_DEMO_SALT = "tdktdemo2026"
"""A fixed salt, so ``demo_logins`` can tell with one hash whether a password is unchanged."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    last_name: str
    first_name: str
    role: str
    unit_code: str
    superuser: bool = False
    person_code: str = ""


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("quantri", "Nguyễn", "Minh Tuấn", Role.ADMIN, "VKSNDTC", superuser=True),
    DemoAccount("tdkt.nganh", "Trần", "Thị Thu Hà", Role.SECTOR_OFFICER, "VKSNDTC"),
    DemoAccount("tdkt.hanoi", "Lê", "Văn Hùng", Role.UNIT_OFFICER, "T-HN"),
    DemoAccount("tdkt.phutho", "Phạm", "Thị Hồng Nhung", Role.UNIT_OFFICER, "T25-PT"),
    DemoAccount("tdkt.kv1.hanoi", "Hoàng", "Minh Quân", Role.UNIT_OFFICER, "KV-HN-01"),
    DemoAccount("tdkt.vanphong", "Vũ", "Thị Lan Anh", Role.UNIT_OFFICER, "VKSNDTC-VP"),
    DemoAccount("hoidong", "Bùi", "Đức Thắng", Role.COUNCIL_MEMBER, "VKSNDTC"),
    DemoAccount("cumtruong", "Ngô", "Thị Thanh Hương", Role.CLUSTER_OFFICER, "T-NA"),
    DemoAccount("lanhdao.hanoi", "Đỗ", "Mạnh Cường", Role.LEADER, "T-HN"),
    DemoAccount("canbo.duc", "Đặng", "Văn Đức", Role.STAFF, "T-HN", person_code=FEATURED_CODE),
)
"""The demo logins; ``canbo.duc`` is the user of the featured person Đặng Văn Đức."""

DEMO_USERNAMES = tuple(account.username for account in DEMO_ACCOUNTS)


def demo_password_hash() -> str:
    return make_password(DEMO_PASSWORD, salt=_DEMO_SALT)


def create_demo_accounts() -> int:
    """Create or refresh the demo users and their roles; returns how many were created."""
    units = {u.code: u for u in Unit.objects.filter(code__in={a.unit_code for a in DEMO_ACCOUNTS})}
    people = {
        p.code: p for p in Person.objects.filter(code__in={a.person_code for a in DEMO_ACCOUNTS})
    }
    existing = {u.username: u for u in User.objects.filter(username__in=DEMO_USERNAMES)}
    password = demo_password_hash()
    created = 0
    for account in DEMO_ACCOUNTS:
        user = existing.get(account.username)
        if user is None:
            user = User(username=account.username, password=password)
            created += 1
        user.first_name, user.last_name = account.first_name, account.last_name
        user.is_active = True
        user.is_superuser = user.is_staff = account.superuser or user.is_superuser
        user.person = people.get(account.person_code) if account.person_code else user.person
        user.save()
        RoleAssignment.objects.get_or_create(
            user=user, role=account.role, unit=units[account.unit_code]
        )
    return created
