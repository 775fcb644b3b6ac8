"""Vietnamese translations of the third-party apps' strings (``locale/vi/LC_MESSAGES``).

Django ships Vietnamese itself; django-tables2, django-filter, django-axes, django-simple-history
and django-tasks-db do not, so ``locale/vi/LC_MESSAGES/django.po`` carries them. These tests fail
when the compiled ``django.mo`` is missing, stale or broken.
"""

import gettext as gettext_module
import re
from pathlib import Path

import django_filters
import django_tables2 as tables
from axes.helpers import get_lockout_message
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django_filters.widgets import BooleanWidget
from django_tasks_db.models import DBTaskResult

# `_` is gettext_noop: it only marks the strings for `manage.py makemessages -l vi`, which scans
# the project (not .venv); without this list it would mark the entries below obsolete.
from django.utils.translation import gettext_noop as _  # isort: skip

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"

THIRD_PARTY_MSGIDS = [
    # Django itself, where its Vietnamese is wrong ("số tổng thể")
    _("Enter a whole number."),
    # Django 6's empty choice of a select, not yet translated upstream
    _("- Select an option -"),
    # django-tables2
    _("previous"),
    _("next"),
    _("That page number is not an integer"),
    _("That page number is less than 1"),
    _("That page contains no results"),
    # django-filter
    _("date"),
    _("year"),
    _("month"),
    _("day"),
    _("week day"),
    _("hour"),
    _("minute"),
    _("second"),
    _("contains"),
    _("is in"),
    _("is greater than"),
    _("is greater than or equal to"),
    _("is less than"),
    _("is less than or equal to"),
    _("starts with"),
    _("ends with"),
    _("is in range"),
    _("is null"),
    _("matches regex"),
    _("search"),
    _("is contained by"),
    _("overlaps"),
    _("has key"),
    _("has keys"),
    _("has any keys"),
    _("Select a lookup."),
    _("Range query expects two values."),
    _("Today"),
    _("Yesterday"),
    _("Past 7 days"),
    _("This month"),
    _("This year"),
    _("Multiple values may be separated by commas."),
    _("%s (descending)"),
    _("Ordering"),
    _("Submit"),
    _("Field filters"),
    _("exclude"),
    _("All"),
    _("Unknown"),
    _("Yes"),
    _("No"),
    # django-axes
    _("Account locked: too many login attempts. Please try again later."),
    _("Account locked: too many login attempts. Contact an admin to unlock your account."),
    _("Locked Out"),
    _("Form Data"),
    _("Meta Data"),
    _("Clean up expired attempts"),
    _("Not set"),
    _("Attempt Remaining"),
    _("User Agent"),
    _("IP Address"),
    _("Username"),
    _("HTTP Accept"),
    _("Path"),
    _("Attempt Time"),
    _("Access lock out"),
    _("access failure"),
    _("access failures"),
    _("GET Data"),
    _("POST Data"),
    _("Failed Logins"),
    _("access attempt"),
    _("access attempts"),
    _("Access Attempt"),
    _("Expires At"),
    _("The time when access attempt expires and is no longer valid."),
    _("access attempt expiration"),
    _("access attempt expirations"),
    _("Logout Time"),
    _("Session key hash (sha256)"),
    _("access log"),
    _("access logs"),
    # django-simple-history
    _("History"),
    _("View history: %s"),
    _("Change history: %s"),
    _('The %(name)s "%(obj)s" was changed successfully.'),
    _("You may edit it again below"),
    _("View %s"),
    _("Revert %s"),
    _("Created"),
    _("Changed"),
    _("Deleted"),
    _("Deleted %(type_name)s"),
    _("Choose a date from the list below to revert to a previous version of this object."),
    _("This object doesn't have a change history."),
    _("Home"),
    _("View %(verbose_name)s"),
    _("Revert %(verbose_name)s"),
    _("View on site"),
    _("Press the 'Revert' button below to revert to this version of the object."),
    _("Press the 'Change History' button below to edit the history."),
    _("Object"),
    _("Date/time"),
    _("Comment"),
    _("Changed by"),
    _("Change reason"),
    _("Changes"),
    _("None"),
    _("Revert"),
    _("Change History"),
    _("Close"),
    # django-tasks-db
    _("status"),
    _("enqueued at"),
    _("started at"),
    _("finished at"),
    _("args kwargs"),
    _("priority"),
    _("task path"),
    _("worker id"),
    _("queue name"),
    _("backend name"),
    _("run after"),
    _("return value"),
    _("exception class path"),
    _("traceback"),
    _("Task Result"),
    _("Task Results"),
]


def unescape(text: str) -> str:
    escapes = {"n": "\n", "t": "\t", "\\": "\\", '"': '"'}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), text)


def read_po(path: Path) -> dict[str, str | list[str]]:
    """Translated, non-fuzzy entries of a .po file: msgid -> msgstr (or [msgstr[0], …])."""
    entries: dict[str, str | list[str]] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.strip().splitlines() if line]
        if any(line.startswith("#,") and "fuzzy" in line for line in lines):
            continue
        fields: dict[str, str] = {}
        key = None
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r"^(msgid|msgid_plural|msgstr(?:\[\d+\])?) (\".*\")$", line)
            if match:
                key = match.group(1)
                fields[key] = ""
                line = match.group(2)
            assert key is not None and line.startswith('"'), f"unexpected line in {path}: {line}"
            fields[key] += unescape(line[1:-1])
        msgid = fields.get("msgid")
        if not msgid:
            continue
        if "msgid_plural" in fields:
            forms = [v for k, v in sorted(fields.items()) if k.startswith("msgstr[")]
            if forms and all(forms):
                entries[msgid] = forms
        elif fields.get("msgstr"):
            entries[msgid] = fields["msgstr"]
    return entries


def test_mo_file_is_compiled_from_the_po_file():
    po = read_po(LOCALE_DIR / "django.po")
    with (LOCALE_DIR / "django.mo").open("rb") as handle:
        mo = gettext_module.GNUTranslations(handle)
    assert po, "django.po has no translated entry"
    stale = []
    for msgid, msgstr in po.items():
        if isinstance(msgstr, list):
            if mo.ngettext(msgid, msgid + "s", 1) != msgstr[0]:
                stale.append(msgid)
        elif mo.gettext(msgid) != msgstr:
            stale.append(msgid)
    assert not stale, f"django.mo is out of date (run msgfmt): {stale}"


def test_every_third_party_msgid_has_a_vietnamese_translation():
    with translation.override("vi"):
        missing = [msgid for msgid in THIRD_PARTY_MSGIDS if gettext(msgid) == msgid]
        assert ngettext("entry", "entries", 1) == "mục"
        assert ngettext("entry", "entries", 5) == "mục"
    assert not missing, f"untranslated in locale/vi: {missing}"


def test_catalog_is_in_the_project_locale_path():
    assert settings.LANGUAGE_CODE == "vi"
    assert LOCALE_DIR.parent.parent in [Path(p) for p in settings.LOCALE_PATHS]


def test_django_tables2_pagination_in_vietnamese():
    class PersonTable(tables.Table):
        name = tables.Column(verbose_name="Họ và tên")

    request = RequestFactory().get("/", {"page": "2"})
    table = PersonTable([{"name": "Nguyễn Văn A"}, {"name": "Trần Thị B"}, {"name": "Lê C"}])
    tables.RequestConfig(request, paginate={"per_page": 1}).configure(table)
    with translation.override("vi"):
        html = table.as_html(request)
        assert gettext("That page contains no results") == "Trang này không có kết quả nào"
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Trước" in text
    assert "Sau" in text
    assert "previous" not in text
    assert "next" not in text


def test_django_filter_labels_in_vietnamese():
    with translation.override("vi"):
        assert [str(label) for _value, label in BooleanWidget().choices] == [
            "Chưa xác định",
            "Có",
            "Không",
        ]
        date_choices = {
            value: str(label) for value, label in django_filters.DateRangeFilter.choices
        }
        assert date_choices == {
            "today": "Hôm nay",
            "yesterday": "Hôm qua",
            "week": "7 ngày qua",
            "month": "Tháng này",
            "year": "Năm nay",
        }
        ordering = django_filters.OrderingFilter(
            fields={"name": "name"}, field_labels={"name": "Họ và tên"}
        )
        assert str(ordering.label) == "Sắp xếp"
        assert [str(label) for _value, label in ordering.extra["choices"]] == [
            "Họ và tên",
            "Họ và tên (giảm dần)",
        ]
        assert gettext("All") == "Tất cả"
        assert gettext("is greater than or equal to") == "lớn hơn hoặc bằng"


def test_django_axes_lockout_message_in_vietnamese():
    with translation.override("vi"):
        assert str(get_lockout_message()).startswith("Tài khoản đã bị khóa")
        assert str(settings.AXES_PERMALOCK_MESSAGE) == (
            "Tài khoản đã bị khóa: đăng nhập sai quá nhiều lần. "
            "Hãy liên hệ quản trị viên để mở khóa tài khoản."
        )
        assert gettext("access attempts") == "lần thử đăng nhập"


def test_django_simple_history_strings_in_vietnamese():
    with translation.override("vi"):
        assert gettext("History") == "Lịch sử"
        assert gettext("Revert") == "Khôi phục"
        assert gettext("Change reason") == "Lý do thay đổi"
        assert gettext("Created") == "Tạo mới"
        assert gettext("View history: %s") % "Nguyễn Văn A" == "Xem lịch sử: Nguyễn Văn A"


def test_django_tasks_db_admin_names_in_vietnamese():
    with translation.override("vi"):
        assert str(DBTaskResult._meta.verbose_name) == "Kết quả tác vụ"
        assert str(DBTaskResult._meta.get_field("priority").verbose_name) == "độ ưu tiên"


def test_django_own_vietnamese_catalog_still_applies():
    with translation.override("vi"):
        assert gettext("This field is required.") == "Trường này là bắt buộc."
