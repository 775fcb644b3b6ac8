"""Seed the two certificate blanks the sector prints most: the Prosecutor General's
certificate of merit (A3 landscape) and the unit-level certificate of merit (A4 landscape).
The positions are a starting point for the officer's test print; the data is literal here so
the migration never depends on application code."""

from django.db import migrations

BK_POSITIONS = {
    "recipient": {
        "enabled": True,
        "x": 151.2,
        "y": 118.8,
        "width": 243.6,
        "size": 25,
        "align": "center",
        "bold": True,
    },
    "position": {
        "enabled": True,
        "x": 151.2,
        "y": 135.8,
        "width": 243.6,
        "size": 20,
        "align": "center",
        "bold": False,
    },
    "achievement": {
        "enabled": True,
        "x": 151.2,
        "y": 149.9,
        "width": 243.6,
        "size": 20,
        "align": "center",
        "bold": False,
    },
    "decision": {
        "enabled": True,
        "x": 151.2,
        "y": 231.7,
        "width": 116.9,
        "size": 14,
        "align": "left",
        "bold": False,
    },
    "place_date": {
        "enabled": True,
        "x": 273.0,
        "y": 196.0,
        "width": 121.8,
        "size": 19,
        "align": "center",
        "bold": False,
    },
    "signer_title": {
        "enabled": True,
        "x": 273.0,
        "y": 210.9,
        "width": 121.8,
        "size": 19,
        "align": "center",
        "bold": True,
    },
    "signer": {
        "enabled": True,
        "x": 273.0,
        "y": 261.4,
        "width": 121.8,
        "size": 20,
        "align": "center",
        "bold": True,
    },
    "serial": {
        "enabled": True,
        "x": 25.2,
        "y": 267.3,
        "width": 84.0,
        "size": 10,
        "align": "left",
        "bold": False,
    },
    "qr": {
        "enabled": True,
        "x": 25.2,
        "y": 235.3,
        "width": 26,
        "size": 0,
        "align": "left",
        "bold": False,
    },
}

GK_POSITIONS = {
    "recipient": {
        "enabled": True,
        "x": 106.9,
        "y": 84.0,
        "width": 172.3,
        "size": 20,
        "align": "center",
        "bold": True,
    },
    "position": {
        "enabled": True,
        "x": 106.9,
        "y": 96.0,
        "width": 172.3,
        "size": 15,
        "align": "center",
        "bold": False,
    },
    "achievement": {
        "enabled": True,
        "x": 106.9,
        "y": 106.0,
        "width": 172.3,
        "size": 15,
        "align": "center",
        "bold": False,
    },
    "decision": {
        "enabled": True,
        "x": 106.9,
        "y": 163.8,
        "width": 82.7,
        "size": 12,
        "align": "left",
        "bold": False,
    },
    "place_date": {
        "enabled": True,
        "x": 193.1,
        "y": 138.6,
        "width": 86.1,
        "size": 14,
        "align": "center",
        "bold": False,
    },
    "signer_title": {
        "enabled": True,
        "x": 193.1,
        "y": 149.1,
        "width": 86.1,
        "size": 14,
        "align": "center",
        "bold": True,
    },
    "signer": {
        "enabled": True,
        "x": 193.1,
        "y": 184.8,
        "width": 86.1,
        "size": 15,
        "align": "center",
        "bold": True,
    },
    "serial": {
        "enabled": True,
        "x": 17.8,
        "y": 189.0,
        "width": 70.0,
        "size": 10,
        "align": "left",
        "bold": False,
    },
    "qr": {
        "enabled": True,
        "x": 17.8,
        "y": 157.0,
        "width": 26,
        "size": 0,
        "align": "left",
        "bold": False,
    },
}

FORMS = [
    {
        "name": "Bằng khen của Viện trưởng VKSNDTC",
        "codes": ["BK_NGANH"],
        "paper": "A3_LANDSCAPE",
        "serial_prefix": "BK",
        "achievement_text": "Đã có thành tích xuất sắc trong công tác năm {nam}",
        "positions": BK_POSITIONS,
    },
    {
        "name": "Giấy khen",
        "codes": ["GK"],
        "paper": "A4_LANDSCAPE",
        "serial_prefix": "GK",
        "achievement_text": "Đã có thành tích trong thực hiện nhiệm vụ năm {nam}",
        "positions": GK_POSITIONS,
    },
]


def seed(apps, schema_editor):
    CertificateForm = apps.get_model("documents", "CertificateForm")
    for values in FORMS:
        CertificateForm.objects.update_or_create(name=values["name"], defaults=values)


def unseed(apps, schema_editor):
    apps.get_model("documents", "CertificateForm").objects.filter(
        name__in=[values["name"] for values in FORMS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_certificates")]
    operations = [migrations.RunPython(seed, unseed)]
