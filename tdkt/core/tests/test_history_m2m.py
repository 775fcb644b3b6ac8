"""A tracked many-to-many field reads as the names of the related records before and after."""

import pytest

from tdkt.catalog.models import AwardType
from tdkt.core.history import changes_of
from tdkt.proposals.models import ProposalRound
from tdkt.proposals.services.rounds import round_create, round_update
from tdkt.proposals.tests.conftest import round_input

pytestmark = pytest.mark.django_db


def test_changes_of_a_tracked_m2m_field_name_the_related_records(users):
    round_ = round_create(data=round_input(), user=users["sector"])
    data = round_input(award_types=list(AwardType.objects.filter(code__in=["LDTT"])))
    round_update(round_=round_, data=data, user=users["sector"], expected_version=round_.version)
    records = ProposalRound.history.filter(id=round_.pk).order_by("history_date", "history_id")
    changes = changes_of(ProposalRound, records)
    diffs = [c for change in changes for c in change.changes if c[0].startswith("danh hiệu")]
    name = AwardType.objects.get(code="LDTT").name
    assert diffs, "the change of codes is shown"
    assert any(new == name and name in old and ", " in old for _label, old, new in diffs), diffs
