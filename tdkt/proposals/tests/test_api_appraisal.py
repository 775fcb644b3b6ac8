"""The appraisal of a line through the API: the sector officer only, with the line's version;
refusals answer 400 with the Vietnamese message and change nothing."""

import pytest

from tdkt.proposals.models import LineStatus, ProposalLine
from tdkt.proposals.services import proposals
from tdkt.proposals.tests.conftest import complete_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_line(duc_line, users):
    complete_dossier(duc_line, users["hanoi_officer"])
    proposals.proposal_submit(proposal=duc_line.proposal, user=users["hanoi_officer"])
    return ProposalLine.objects.get(pk=duc_line.pk)


def url(line) -> str:
    return f"/api/v1/proposals/lines/{line.pk}/appraisal"


def post(client, line, **payload):
    return client.post(url(line), payload, content_type="application/json")


def test_only_the_sector_officer_appraises(client, submitted_line, users):
    payload = {"decision": "ACCEPTED", "version": submitted_line.version}
    assert post(client, submitted_line, **payload).status_code == 401
    for name in ("no_role", "hanoi_officer", "phu_tho_officer", "hanoi_leader"):
        client.force_login(users[name])
        assert post(client, submitted_line, **payload).status_code == 404, name
    assert ProposalLine.objects.get(pk=submitted_line.pk).status == LineStatus.SUBMITTED
    client.force_login(users["sector"])
    body = post(client, submitted_line, **payload).json()
    assert body["status"] == LineStatus.ACCEPTED
    assert body["version"] == submitted_line.version + 1


def test_refusals_name_the_problem_and_change_nothing(client, submitted_line, users):
    client.force_login(users["sector"])
    version = submitted_line.version
    missing = post(client, submitted_line, decision="RETURNED", comment=" ", version=version)
    assert missing.status_code == 400 and "nội dung cần bổ sung" in missing.json()["detail"]
    unknown = post(client, submitted_line, decision="MAYBE", version=version)
    assert unknown.status_code in (400, 422)
    stale = post(client, submitted_line, decision="ACCEPTED", version=version - 1)
    assert stale.status_code == 400 and "người khác sửa" in stale.json()["detail"]
    assert ProposalLine.objects.get(pk=submitted_line.pk).status == LineStatus.SUBMITTED
    returned = post(
        client, submitted_line, decision="RETURNED", comment="Thiếu biên bản", version=version
    )
    assert returned.json()["status"] == LineStatus.RETURNED
    again = post(client, submitted_line, decision="ACCEPTED", version=version + 1)
    assert again.status_code == 400 and "không chờ thẩm định" in again.json()["detail"]
