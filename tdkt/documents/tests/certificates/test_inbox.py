"""The inbox counts the decisions in reach that still have certificates to print."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tdkt.documents.certificates import services
from tdkt.documents.certificates.inbox import certificates_to_print
from tdkt.documents.tests.certificates.conftest import grant, make_decision
from tdkt.web.inbox import tasks_for

pytestmark = pytest.mark.django_db


def _count(user) -> int:
    tasks = certificates_to_print(user, None)
    return tasks[0].count if tasks else 0


def test_decisions_with_unprinted_certificates_are_counted_in_reach(
    decision, hanoi_decision, users
):
    assert _count(users["sector"]) == 2
    assert _count(users["hanoi_officer"]) == 1
    assert _count(users["phu_tho_officer"]) == 0
    assert certificates_to_print(users["no_role"], None) == []

    forms = services.forms_by_code()
    services.certificates_issue(awards=hanoi_decision.granted, forms=forms, user=users["sector"])
    assert _count(users["sector"]) == 1 and _count(users["hanoi_officer"]) == 0


def test_the_task_reaches_the_inbox_and_costs_fixed_queries(org, people, users):
    for n in range(3):
        decision = make_decision(org.root, number=f"{n}/QĐ")
        grant(decision, person=people["duc"])
    user = users["sector"]
    certificates_to_print(user, None)  # the reach is computed once per request

    with CaptureQueriesContext(connection) as queries:
        count = _count(user)

    assert count == 3 and len(queries) == 1
    assert any(task.group == "Bằng khen, giấy khen" for task in tasks_for(user))
