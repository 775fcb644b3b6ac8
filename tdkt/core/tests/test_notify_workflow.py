"""Notifications go out only after commit; workflows refuse undeclared transitions."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import models, transaction

from tdkt.core.errors import DomainError
from tdkt.core.notify import absolute_url, notify, send_now
from tdkt.core.workflow import Transition, Workflow


class Light(models.TextChoices):
    RED = "RED", "Đỏ"
    GREEN = "GREEN", "Xanh"


FLOW = Workflow("light", Light, [Transition("GO", Light.RED, Light.GREEN, "cho đi")])


def test_declared_transition_is_allowed_and_others_refused():
    assert FLOW.step(Light.RED, "GO", subject="Đèn").target == Light.GREEN
    with pytest.raises(DomainError) as refused:
        FLOW.step(Light.GREEN, "GO", subject="Đèn")
    assert refused.value.message == "Đèn đang ở trạng thái “Xanh”; không thể cho đi."
    assert [t.action for t in FLOW.actions_from(Light.RED)] == ["GO"]
    assert FLOW.actions_from(Light.GREEN) == []


def test_a_transition_to_an_unknown_state_is_a_programming_error():
    with pytest.raises(ValueError):
        Workflow("bad", Light, [Transition("GO", Light.RED, "BLUE", "đi")])


@pytest.mark.django_db
def test_notification_is_sent_after_commit_and_not_after_rollback(
    users, django_capture_on_commit_callbacks
):
    officer = users["sector"]
    officer.email = "canbo@example.vn"
    officer.save()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(users=[officer], subject="Có việc mới", body="Xem hộp việc.")
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert [m.to for m in mail.outbox] == [["canbo@example.vn"]]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify(users=[officer], subject="Không gửi", body="…")
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []
    assert len(mail.outbox) == 1


class _DownBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


@pytest.mark.django_db
def test_send_now_sends_at_once_and_says_whether_it_was_sent(users, settings):
    officer = users["sector"]
    assert send_now(user=officer, subject="S", body="B") is False  # no address
    officer.email = "canbo@example.vn"
    officer.save()
    with transaction.atomic():
        assert send_now(user=officer, subject="Nhắc hạn", body="Nội dung") is True
        assert [m.to for m in mail.outbox] == [["canbo@example.vn"]]  # not waiting for commit
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}._DownBackend"}}
    assert send_now(user=officer, subject="Nhắc hạn", body="Nội dung") is False
    assert len(mail.outbox) == 1


def test_absolute_url_puts_the_site_address_in_front(settings):
    settings.TDKT_SITE_URL = "https://tdkt.vks.gov.vn/"
    assert (
        absolute_url("council:ballot", 7) == "https://tdkt.vks.gov.vn/hoi-dong/phien-hop/7/phieu/"
    )
