"""The inbox tasks of the sector officer."""

import pytest

from tdkt.consultation.inbox import consultation_tasks
from tdkt.consultation.models import Consultation
from tdkt.consultation.services import comments as comment_services
from tdkt.consultation.tests.conftest import after_closing

pytestmark = pytest.mark.django_db


def test_no_tasks_for_users_who_do_not_manage(users, published):
    assert consultation_tasks(users["hanoi_officer"], published.opens_on) == []


def test_comments_waiting_and_consultations_past_closing(
    users, published, django_assert_max_num_queries
):
    today = published.opens_on
    assert consultation_tasks(users["sector"], today) == []
    for i in range(3):
        comment_services.comment_submit(
            consultation_id=published.pk,
            content=f"Ý kiến số {i} về danh sách.",
            client_ip=f"10.2.0.{i}",
        )
    with django_assert_max_num_queries(4):
        (task,) = consultation_tasks(users["sector"], today)
    assert task.count == 3
    later = after_closing(published)
    tasks = consultation_tasks(users["sector"], later)
    late = next(t for t in tasks if "chưa ghi kết quả" in t.title)
    assert late.count == 1 and late.due == published.closes_on and late.overdue
    Consultation.objects.filter(pk=published.pk).update(status="OUTCOME")
    assert consultation_tasks(users["sector"], later) == []
