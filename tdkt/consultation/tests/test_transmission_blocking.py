"""The consultation holds back the transmission upward: a published line cannot be sent
until the outcome is recorded, and never when an objection was upheld."""

import pytest
from django.utils import timezone

from tdkt.awards import decisions
from tdkt.awards.decisions import TransmissionData
from tdkt.consultation.models import Outcome
from tdkt.consultation.tests.test_services_outcome import record
from tdkt.core.errors import DomainError
from tdkt.proposals.models import LineStatus, ProposalLine

pytestmark = pytest.mark.django_db


def transmit(state_round, lines, user, number):
    data = TransmissionData(
        number=number, sent_on=timezone.localdate(), receiver="Thủ tướng Chính phủ"
    )
    return decisions.transmission_record(round_=state_round, lines=lines, data=data, user=user)


def test_published_lines_wait_for_the_outcome_and_an_upheld_objection_blocks(
    state_round, published, lines, users
):
    with pytest.raises(DomainError) as refused:
        transmit(state_round, [lines.duc], users["sector"], "1/TTr-VKSTC")
    assert "Chưa thể trình cấp trên" in refused.value.message
    assert published.title in refused.value.message
    assert ProposalLine.objects.get(pk=lines.duc.pk).status == LineStatus.PASSED

    record(published, lines, users["sector"], duc=(Outcome.UPHELD, "Bị khiển trách năm 2024."))

    with pytest.raises(DomainError) as refused:
        transmit(state_round, [lines.duc, lines.phu_tho], users["sector"], "2/TTr-VKSTC")
    assert "Bị khiển trách năm 2024" in refused.value.message
    transmit(state_round, [lines.phu_tho], users["sector"], "3/TTr-VKSTC")
    assert ProposalLine.objects.get(pk=lines.phu_tho.pk).status == LineStatus.TRANSMITTED
