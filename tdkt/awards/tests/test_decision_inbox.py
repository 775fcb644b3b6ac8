"""The decision flow's tasks in the sector office's inbox."""

import pytest
from django.utils import timezone

from tdkt.awards import decisions
from tdkt.awards.decisions import TransmissionData
from tdkt.awards.inbox import decision_tasks

pytestmark = pytest.mark.django_db


def test_passed_and_transmitted_lines_are_counted_for_the_office(
    round_2026, passed, users, django_assert_max_num_queries
):
    before = {t.title: t.count for t in decision_tasks(users["sector"], timezone.localdate())}
    decisions.transmission_record(
        round_=round_2026,
        lines=[passed["duc_tq"]],
        data=TransmissionData(number="1/TTr", sent_on=timezone.localdate(), receiver="Thủ tướng"),
        user=users["sector"],
    )
    with django_assert_max_num_queries(6):
        after = {t.title: t.count for t in decision_tasks(users["sector"], timezone.localdate())}

    waiting = "Dòng đề nghị Hội đồng đã thống nhất, chờ ghi quyết định khen thưởng"
    upward = "Dòng đề nghị cấp Nhà nước Hội đồng đã thống nhất, chờ trình cấp trên"
    result = "Dòng đề nghị đã trình cấp trên, chờ kết quả"
    assert before == {waiting: 4, upward: 1, result: 0}
    assert after == {waiting: 4, upward: 0, result: 1}
    assert decision_tasks(users["hanoi_officer"], timezone.localdate()) == []
