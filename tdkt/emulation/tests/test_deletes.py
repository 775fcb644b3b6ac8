"""Deleting a cluster or a movement: confirmation, scope, and refusal once in use."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tdkt.emulation.models import Cluster, ClusterMember, Movement, MovementKind, ReviewStage
from tdkt.emulation.services import movements as movement_services
from tdkt.emulation.services.covenants import TargetInput, covenant_save, covenant_sign

pytestmark = pytest.mark.django_db


def test_cluster_delete_needs_confirmation_scope_and_no_signature(client, org, users, clusters):
    block = clusters["hanoi_block"]
    url = reverse("emulation:cluster-delete", kwargs={"pk": block.pk})
    client.force_login(users["phu_tho_officer"])
    assert client.get(url).status_code == 404 and client.post(url).status_code == 404
    client.force_login(users["hanoi_officer"])
    assert "không hoàn tác" in client.get(url).content.decode()
    assert Cluster.objects.filter(pk=block.pk).exists()
    covenant = covenant_save(cluster=block, targets=[TargetInput("A")])
    covenant_sign(covenant=covenant, unit=org.hanoi_division, user=users["hanoi_officer"])
    page = client.post(url).content.decode()
    assert "đã có đơn vị ký giao ước" in page and Cluster.objects.filter(pk=block.pk).exists()
    covenant.signatures.all().delete()
    assert client.post(url).status_code == 302
    assert not Cluster.objects.filter(pk=block.pk).exists()
    assert not ClusterMember.objects.filter(cluster_id=block.pk).exists()


def test_movement_delete_refused_once_reviewed(client, org, users):
    movement = movement_services.movement_create(
        data=movement_services.MovementInput(
            name="Thử", kind=MovementKind.REGULAR, launched_by=org.hanoi, start_year=2026,
            end_year=2026,
        )
    )  # fmt: skip
    url = reverse("emulation:movement-delete", kwargs={"pk": movement.pk})
    client.force_login(users["phu_tho_officer"])
    assert client.post(url).status_code == 404
    movement_services.movement_review_add(
        movement=movement, stage=ReviewStage.MID_TERM, held_on=dt.date(2026, 6, 1),
        report=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n"),
    )  # fmt: skip
    client.force_login(users["hanoi_officer"])
    assert "đã có sơ kết" in client.post(url).content.decode()
    movement.reviews.all().delete()
    assert client.post(url).status_code == 302 and not Movement.objects.exists()
