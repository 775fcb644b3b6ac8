"""The demo's consultation at a small scale: published, open from 16/11/2026, with passed
state-level lines and comments, one resolved; the flush empties it."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from tdkt.accounts.models import User
from tdkt.consultation.models import Candidate, Comment, Consultation, ConsultationStatus
from tdkt.demo.accounts import DEMO_USERNAMES
from tdkt.demo.flush import flush_domain_data


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings

    original = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock():
        call_command("demo_data", scale=0.01, seed=13, stdout=io.StringIO())
        yield
        with transaction.atomic():
            flush_domain_data()
            User.objects.filter(username__in=DEMO_USERNAMES).delete()
    settings.MEDIA_ROOT = original


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_one_published_consultation_of_passed_state_level_lines():
    consultation = Consultation.objects.get()
    assert consultation.status == ConsultationStatus.PUBLISHED
    assert str(consultation.opens_on) == "2026-11-16"
    candidates = Candidate.objects.filter(consultation=consultation).select_related("line")
    assert candidates.count() >= 2
    assert all(c.line.status == "PASSED" and c.line.award_type.level >= 2 for c in candidates)
    assert Comment.objects.filter(consultation=consultation).count() == 3
    assert Comment.objects.exclude(resolution="").count() == 1


def test_flush_empties_the_consultation_tables():
    with transaction.atomic():
        flush_domain_data()
        for model in (Consultation, Candidate, Comment):
            assert not model.objects.exists(), model
        transaction.set_rollback(True)
