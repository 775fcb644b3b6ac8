"""Pages of meetings: list, create and edit, agenda, attendance, opening and closing the
vote, the tally, the minutes and the results workbook."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tdkt.core.errors import DomainError
from tdkt.council import permissions, selectors
from tdkt.council.forms import AttendanceForm, MeetingForm
from tdkt.council.models import MeetingStatus
from tdkt.council.services import meetings as services
from tdkt.council.views.councils import PAGE_SIZE, _require_any_view

AGENDA_PAGE = 100


def _form_error(form, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def meeting_list(request):
    _require_any_view(request.user)
    status = request.GET.get("status", "")
    sort = request.GET.get("sort", "-date")
    meetings = selectors.meeting_list(user=request.user, status=status, sort=sort)
    return render(
        request,
        "council/meeting_list.html",
        {
            "page": Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page")),
            "status": status,
            "sort": sort,
            "statuses": MeetingStatus.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request, pk):
    council = selectors.council_get(user=request.user, pk=pk)
    if not permissions.can_manage(request.user, council):
        raise Http404
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                council=council,
                date=form.cleaned_data["date"],
                place=form.cleaned_data["place"],
                user=request.user,
            )
        except DomainError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Đã tạo phiên họp; hãy lập chương trình và điểm danh."))
            return redirect("council:meeting-detail", pk=meeting.pk)
    return render(
        request,
        "council/form.html",
        {
            "form": form,
            "title": _("Phiên họp mới của %(council)s") % {"council": council},
            "back": reverse("council:council-detail", args=[council.pk]),
        },
    )


def _managed_meeting(request, pk):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    if not permissions.can_manage(request.user, meeting.council):
        raise Http404
    return meeting


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = _managed_meeting(request, pk)
    initial = {"date": meeting.date, "place": meeting.place, "version": meeting.version}
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(
                meeting=meeting,
                date=form.cleaned_data["date"],
                place=form.cleaned_data["place"],
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except DomainError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Đã lưu phiên họp."))
            return redirect("council:meeting-detail", pk=meeting.pk)
    return render(
        request,
        "council/form.html",
        {
            "form": form,
            "title": _("Sửa phiên họp"),
            "back": reverse("council:meeting-detail", args=[meeting.pk]),
        },
    )


@login_required
def meeting_detail(request, pk):
    """The meeting: agenda (with the tally once closed), attendance and turnout, actions."""
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    council = meeting.council
    members = selectors.members_of(council)
    seat = permissions.seat_of(request.user, council, members)
    items = selectors.agenda_of(meeting)
    rows = selectors.attendance_of(meeting, members)
    voted = {row["member"].pk for row in rows if row["turnout"]}
    present = {row["member"].pk for row in rows if row["present"]}
    return render(
        request,
        "council/meeting_detail.html",
        {
            "meeting": meeting,
            "council": council,
            "items": items,
            "rows": rows,
            "voting_count": sum(1 for m in members if m.votes),
            "present_count": sum(1 for m in members if m.votes and m.pk in present),
            "turnout_count": len(voted),
            "quorum": selectors.quorum_text(meeting),
            "can_manage": permissions.can_manage(request.user, council),
            "can_chair": permissions.can_chair(request.user, council, seat),
            "can_record": permissions.can_record(request.user, council, seat),
            "may_vote": seat is not None
            and seat.votes
            and seat.pk in present
            and seat.pk not in voted
            and meeting.is_voting,
            "has_voted": seat is not None and seat.pk in voted,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda_pick(request, pk):
    """Choose accepted lines for the agenda: by round, code and proposing unit, many at once."""
    meeting = _managed_meeting(request, pk)
    if not meeting.is_preparing:
        messages.error(request, _("Chỉ lập chương trình khi phiên họp đang chuẩn bị."))
        return redirect("council:meeting-detail", pk=meeting.pk)
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("line") if v.isdigit()]
        try:
            added = services.agenda_add(meeting=meeting, line_ids=ids, user=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã đưa %(n)d dòng vào chương trình.") % {"n": added})
            return redirect("council:meeting-detail", pk=meeting.pk)
    lines = services.candidate_lines(meeting)
    from tdkt.proposals.models import ProposalRound

    round_ids = lines.values("proposal__round_id")
    rounds = ProposalRound.objects.filter(pk__in=round_ids).order_by("-year", "pk")
    codes = sorted(set(lines.values_list("award_type__code", flat=True)))
    chosen_round = request.GET.get("round", "")
    chosen_code = request.GET.get("code", "")
    query = request.GET.get("q", "").strip()[:100]
    if chosen_round.isdigit():
        lines = lines.filter(proposal__round_id=int(chosen_round))
    if chosen_code:
        lines = lines.filter(award_type__code=chosen_code)
    if query:
        from django.db.models import Q

        lines = lines.filter(
            Q(person__full_name__icontains=query)
            | Q(candidate_unit__short_name__icontains=query)
            | Q(proposal__unit__short_name__icontains=query)
        )
    lines = lines.order_by("award_type__sort_order", "proposal__unit__path", "pk")
    page = Paginator(lines, AGENDA_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "council/agenda_pick.html",
        {
            "meeting": meeting,
            "page": page,
            "rounds": rounds,
            "codes": codes,
            "chosen_round": chosen_round,
            "chosen_code": chosen_code,
            "query": query,
        },
    )


@login_required
@require_POST
def agenda_remove(request, pk, item_pk):
    meeting = _managed_meeting(request, pk)
    item = get_object_or_404(meeting.items, pk=item_pk)
    try:
        services.agenda_remove(meeting=meeting, item=item, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã bỏ dòng khỏi chương trình."))
    return redirect("council:meeting-detail", pk=meeting.pk)


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    meeting = _managed_meeting(request, pk)
    members = selectors.members_of(meeting.council)
    present = [str(pk) for pk in meeting.attendance.values_list("member_id", flat=True)]
    form = AttendanceForm(
        request.POST or None,
        members=members,
        initial={"present": present, "version": meeting.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_set(
                meeting=meeting,
                member_ids=[int(v) for v in form.cleaned_data["present"]],
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except DomainError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Đã lưu điểm danh."))
            return redirect("council:meeting-detail", pk=meeting.pk)
    return render(
        request,
        "council/form.html",
        {
            "form": form,
            "title": _("Điểm danh thành viên có mặt – %(meeting)s") % {"meeting": meeting},
            "back": reverse("council:meeting-detail", args=[meeting.pk]),
        },
    )


def _confirm(request, meeting, *, title, question, button, action, danger=False):
    """A confirmation page for a transition; POST performs ``action()``."""
    error = None
    if request.method == "POST":
        try:
            action()
        except DomainError as exc:
            error = exc.message
        else:
            return None
    return render(
        request,
        "council/confirm.html",
        {
            "title": title,
            "question": question,
            "button": button,
            "back": reverse("council:meeting-detail", args=[meeting.pk]),
            "error": error,
            "version": meeting.version,
            "danger": danger,
        },
    )


def _version(request):
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@login_required
@require_http_methods(["GET", "POST"])
def voting_open(request, pk):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    seat = permissions.seat_of(request.user, meeting.council)
    if not permissions.can_chair(request.user, meeting.council, seat):
        raise Http404
    response = _confirm(
        request,
        meeting,
        title=_("Mở bỏ phiếu kín"),
        question=_(
            "Mở bỏ phiếu kín trên %(n)d dòng của chương trình? Sau khi mở, chương trình và điểm "
            "danh không sửa được nữa; các thành viên biểu quyết nhận thư báo."
        )
        % {"n": meeting.items.count()},
        button=_("Mở bỏ phiếu"),
        action=lambda: services.voting_open(
            meeting=meeting, user=request.user, expected_version=_version(request)
        ),
    )
    if response is None:
        messages.success(
            request, _("Đã mở bỏ phiếu; thành viên có mặt bỏ phiếu trên thiết bị của mình.")
        )
        return redirect("council:meeting-detail", pk=meeting.pk)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def voting_close(request, pk):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    seat = permissions.seat_of(request.user, meeting.council)
    if not permissions.can_chair(request.user, meeting.council, seat):
        raise Http404
    if meeting.is_tallied:
        messages.info(request, _("Phiên họp đã kiểm phiếu."))
        return redirect("council:meeting-detail", pk=meeting.pk)
    cast = meeting.turnout.count()
    response = _confirm(
        request,
        meeting,
        title=_("Kết thúc bỏ phiếu và kiểm phiếu"),
        question=_(
            "Đã có %(cast)d/%(members)d thành viên bỏ phiếu. Kết thúc bỏ phiếu, kiểm phiếu và "
            "ghi kết quả vào các dòng đề nghị? Thành viên chưa bỏ phiếu sẽ không bỏ phiếu được nữa."
        )
        % {"cast": cast, "members": meeting.member_count or 0},
        button=_("Kết thúc và kiểm phiếu"),
        action=lambda: services.voting_close(meeting=meeting, user=request.user),
        danger=True,
    )
    if response is None:
        messages.success(request, _("Đã kiểm phiếu; kết quả đã ghi vào các dòng đề nghị."))
        return redirect("council:meeting-detail", pk=meeting.pk)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def minutes_issue(request, pk):
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    seat = permissions.seat_of(request.user, meeting.council)
    if not permissions.can_record(request.user, meeting.council, seat):
        raise Http404
    response = _confirm(
        request,
        meeting,
        title=_("Ban hành biên bản"),
        question=_("Đánh dấu biên bản phiên họp đã ban hành? Phiên họp sẽ được khóa."),
        button=_("Ban hành biên bản"),
        action=lambda: services.minutes_issue(meeting=meeting, user=request.user),
    )
    if response is None:
        messages.success(request, _("Đã ban hành biên bản."))
        return redirect("council:meeting-detail", pk=meeting.pk)
    return response


@login_required
def minutes_download(request, pk):
    from tdkt.council.documents import minutes_docx
    from tdkt.documents.rendering import DOCX_CONTENT_TYPE

    return _minutes(request, pk, minutes_docx, DOCX_CONTENT_TYPE, "docx")


@login_required
def minutes_pdf(request, pk):
    from tdkt.council.documents import minutes_pdf as build

    return _minutes(request, pk, build, "application/pdf", "pdf")


def _minutes(request, pk, build, content_type: str, extension: str):
    """The minutes of a tallied meeting the user may see (404 otherwise) built by ``build``;
    a replaced Word template that fails sends the user back with its message."""
    meeting = selectors.meeting_get(user=request.user, pk=pk)
    if not meeting.is_tallied:
        raise Http404
    try:
        content = build(meeting)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("council:meeting-detail", pk=meeting.pk)
    response = HttpResponse(content, content_type=content_type)
    name = f"bien-ban-hop-hoi-dong-{meeting.pk}-{meeting.date:%Y%m%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def results_export(request, pk):
    from tdkt.council.exports import results_workbook

    meeting = selectors.meeting_get(user=request.user, pk=pk)
    if not meeting.is_tallied:
        raise Http404
    response = HttpResponse(
        results_workbook(meeting),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"ket-qua-bo-phieu-{meeting.pk}-{meeting.date:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
