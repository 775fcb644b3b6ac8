"""The ballot page a present member opens on their own device, and the form on which the
secretary records the written ballot of an absent member. Neither page ever shows what a
member voted; after a cast the page only confirms that the ballot was received."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.core.errors import DomainError
from tdkt.council import permissions, selectors
from tdkt.council.forms import BallotForm, WrittenBallotForm
from tdkt.council.models import Choice, Turnout
from tdkt.council.services import ballots as services

INCOMPLETE = "Phiếu chưa hợp lệ: hãy chọn ý kiến cho mọi dòng đề nghị. Phiếu chưa được ghi nhận."


@login_required
@require_http_methods(["GET", "POST"])
def ballot(request, pk):
    """The member's own secret ballot. Users who see the meeting but cannot vote are told why
    (not a member, secretary, not present, voted already, voting not open)."""
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    seat = permissions.seat_of(request.user, meeting.council)
    items = selectors.agenda_of(meeting)
    form = BallotForm(request.POST or None, items=items)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.ballot_cast(meeting=meeting, user=request.user, choices=form.choices())
            except DomainError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request, _("Đã ghi nhận phiếu của bạn. Nội dung phiếu được giữ bí mật.")
                )
                return redirect("council:ballot", pk=meeting.pk)
        else:
            messages.error(request, _(INCOMPLETE))
    voted = Turnout.objects.filter(meeting=meeting, member=seat).first() if seat else None
    present = seat is not None and meeting.attendance.filter(member=seat).exists()
    return render(
        request,
        "council/ballot.html",
        {
            "meeting": meeting,
            "seat": seat,
            "form": form,
            "voted": voted,
            "present": present,
            "can_vote": meeting.is_voting
            and seat is not None
            and seat.votes
            and present
            and voted is None,
            "not_member": _(services.NOT_A_MEMBER),
            "choices": Choice.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def written_ballot(request, pk):
    """The secretary (or the officer) enters the written ballot an absent member sent."""
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    seat = permissions.seat_of(request.user, meeting.council)
    if not permissions.can_record(request.user, meeting.council, seat):
        raise Http404
    if not meeting.is_voting:
        messages.error(request, _("Chỉ ghi phiếu gửi bằng văn bản khi phiên họp đang bỏ phiếu."))
        return redirect("council:meeting-detail", pk=meeting.pk)
    present = meeting.attendance.values("member_id")
    voted = meeting.turnout.values("member_id")
    absent = (
        meeting.council.members.select_related("user")
        .exclude(role="SECRETARY")
        .exclude(pk__in=present)
        .exclude(pk__in=voted)
        .order_by("user__last_name", "pk")
    )
    items = selectors.agenda_of(meeting)
    form = WrittenBallotForm(request.POST or None, items=items, members=absent)
    if request.method == "POST":
        if form.is_valid():
            member = form.cleaned_data["member"]
            try:
                services.written_ballot_record(
                    meeting=meeting, member=member, user=request.user, choices=form.choices()
                )
            except DomainError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _("Đã ghi nhận phiếu bằng văn bản của %(member)s.")
                    % {"member": member.user.display_name},
                )
                return redirect("council:meeting-detail", pk=meeting.pk)
        else:
            messages.error(request, _(INCOMPLETE))
    return render(
        request,
        "council/written_ballot.html",
        {
            "meeting": meeting,
            "form": form,
            "has_absent": absent.exists(),
            "choices": Choice.choices,
        },
    )
