"""Writes through the pages by users outside the unit concerned change nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.emulation.models import Cluster, Movement, RegistrationPeriod, UnitRegistration
from tdkt.emulation.services.registrations import period_set

pytestmark = pytest.mark.django_db


def test_outsiders_cannot_create_for_units_they_do_not_manage(client, org, users):
    client.force_login(users["hanoi_officer"])
    url = reverse("emulation:cluster-create") + f"?organiser={org.phu_tho.pk}&year=2026"
    data = {"kind": "CUM", "name": "Cụm X", "members": [org.area_phu_tho_1.pk]}
    response = client.post(url, data)
    assert response.status_code == 200 and not Cluster.objects.exists()  # back to the picker
    response = client.post(
        reverse("emulation:movement-create"),
        {"name": "P", "kind": "THUONG_XUYEN", "launched_by": org.phu_tho.pk,
         "start_year": "2026", "end_year": "2026"},
    )  # fmt: skip
    assert response.status_code == 200 and not Movement.objects.exists()


def test_only_the_sector_sets_deadlines_and_units_register_their_own(client, org, users):
    RegistrationPeriod.objects.all().delete()  # a demo generated earlier may have left some
    client.force_login(users["hanoi_officer"])
    response = client.post(
        reverse("emulation:registration-period"), {"year": 2026, "deadline": "2026-12-31"}
    )
    assert response.status_code == 302 and not RegistrationPeriod.objects.exists()
    period_set(year=2026, deadline=dt.date(2026, 12, 31))
    start = reverse("emulation:registration-start") + "?year=2026"
    client.post(start, {"unit": org.phu_tho.pk})
    assert not UnitRegistration.objects.exists()
    client.post(start, {"unit": org.hanoi.pk})
    assert UnitRegistration.objects.get().unit == org.hanoi
    client.force_login(users["hanoi_leader"])
    assert client.post(start, {"unit": org.hanoi.pk}).status_code == 404
