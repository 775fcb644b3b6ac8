"""``config.settings`` reads its configuration from environment variables.

Each case runs the real settings module in a fresh interpreter, with a clean environment and a
temporary ``TDKT_VAR_DIR``, so nothing leaks from the test run (which uses ``config.test_settings``
and may itself have ``DATABASE_URL`` set).
"""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)

PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.db import connection

db = settings.DATABASES["default"]
out = {
    "engine": db["ENGINE"],
    "name": str(db["NAME"]),
    "host": db.get("HOST", ""),
    "port": db.get("PORT", ""),
    "user": db.get("USER", ""),
    "secret_key": settings.SECRET_KEY,
    "debug": settings.DEBUG,
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "media_root": str(settings.MEDIA_ROOT),
    "static_root": str(settings.STATIC_ROOT),
    "axes_failure_limit": settings.AXES_FAILURE_LIMIT,
}
if db["ENGINE"] == "django.db.backends.sqlite3":
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        out["journal_mode"] = cursor.fetchone()[0]
        cursor.execute("PRAGMA foreign_keys")
        out["foreign_keys"] = cursor.fetchone()[0]
print("PROBE=" + json.dumps(out))
"""


def run_settings(var_dir: Path, **env: str) -> dict:
    """Load config.settings in a subprocess with only ``env`` set among our variables."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "TDKT_", "DATABASE_"))
    }
    clean.update(DJANGO_SETTINGS_MODULE="config.settings", TDKT_VAR_DIR=str(var_dir), **env)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("PROBE="))
    return json.loads(line.removeprefix("PROBE="))


def test_defaults_give_sqlite_in_wal_mode_under_var_dir(tmp_path):
    var_dir = tmp_path / "var"  # does not exist yet: the settings create it

    out = run_settings(var_dir)

    assert out["engine"] == "django.db.backends.sqlite3"
    assert Path(out["name"]) == var_dir / "tdkt.sqlite3"
    assert (var_dir / "tdkt.sqlite3").exists()
    assert out["journal_mode"] == "wal"
    assert out["foreign_keys"] == 1
    assert out["debug"] is False
    assert out["allowed_hosts"] == ["127.0.0.1", "localhost"]
    assert Path(out["media_root"]) == var_dir / "media"
    assert Path(out["static_root"]) == var_dir / "static"


def test_database_url_selects_postgresql(tmp_path):
    out = run_settings(
        tmp_path, DATABASE_URL="postgres://tdkt:secret@db.example.invalid:6543/tdkt_prod"
    )

    assert out["engine"] == "django.db.backends.postgresql"
    assert out["name"] == "tdkt_prod"
    assert out["host"] == "db.example.invalid"
    assert int(out["port"]) == 6543
    assert out["user"] == "tdkt"
    assert not (tmp_path / "tdkt.sqlite3").exists()


def test_secret_key_is_generated_once_into_var_dir_and_reused(tmp_path):
    key_file = tmp_path / "secret_key"
    assert not key_file.exists()

    first = run_settings(tmp_path)

    assert key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert first["secret_key"] == key_file.read_text().strip()
    assert len(first["secret_key"]) >= 50

    second = run_settings(tmp_path)

    assert second["secret_key"] == first["secret_key"]


def test_each_var_dir_gets_its_own_secret_key(tmp_path):
    one = run_settings(tmp_path / "one")
    two = run_settings(tmp_path / "two")

    assert one["secret_key"] != two["secret_key"]


def test_django_secret_key_wins_over_the_generated_file(tmp_path):
    (tmp_path / "secret_key").write_text("generated-key-from-file")

    out = run_settings(tmp_path, DJANGO_SECRET_KEY="key-from-the-environment")

    assert out["secret_key"] == "key-from-the-environment"
    assert (tmp_path / "secret_key").read_text() == "generated-key-from-file"


def test_django_secret_key_set_means_no_file_is_written(tmp_path):
    out = run_settings(tmp_path, DJANGO_SECRET_KEY="key-from-the-environment")

    assert out["secret_key"] == "key-from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_other_variables_are_read(tmp_path):
    out = run_settings(
        tmp_path,
        DJANGO_DEBUG="true",
        DJANGO_ALLOWED_HOSTS="tdkt.vks.local, www.tdkt.vks.local",
        TDKT_MEDIA_ROOT=str(tmp_path / "files"),
        TDKT_LOGIN_FAILURE_LIMIT="3",
    )

    assert out["debug"] is True
    assert out["allowed_hosts"] == ["tdkt.vks.local", "www.tdkt.vks.local"]
    assert Path(out["media_root"]) == tmp_path / "files"
    assert out["axes_failure_limit"] == 3
