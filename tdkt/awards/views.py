"""Pages of the award register: record a decision for a person or a unit, correct it, revoke it.

All need the ``change_people`` action over the person's or unit's place in the tree (the award's
holder unit for an existing award); anyone else gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.accounts.permissions import CHANGE_PEOPLE
from tdkt.awards import backing, services
from tdkt.awards.forms import AwardEditForm, AwardForm, AwardInitiativesForm, RevokeForm
from tdkt.awards.models import Award
from tdkt.catalog.models import SubjectKind
from tdkt.core.errors import DomainError, apply_domain_error
from tdkt.core.scope import get_scoped_or_404
from tdkt.org.models import Unit
from tdkt.people.models import Person


def _record_url(award: Award) -> str:
    if award.person_id:
        return reverse("reports:person-record", args=[award.person_id])
    return reverse("reports:unit-record", args=[award.unit_id])


def _award(user, pk) -> Award:
    queryset = Award.objects.select_related("award_type", "person", "unit")
    return get_scoped_or_404(queryset, user, CHANGE_PEOPLE, pk=pk)


def _create(request, *, person=None, unit=None):
    subject = SubjectKind.PERSON if person else SubjectKind.COLLECTIVE
    form = AwardForm(request.POST or None, subject=subject)
    back = (
        reverse("reports:person-record", args=[person.pk])
        if person
        else reverse("reports:unit-record", args=[unit.pk])
    )
    if request.method == "POST" and form.is_valid():
        try:
            award = services.award_record(person=person, unit=unit, **form.cleaned_data)
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(
                request,
                _("Đã ghi vào sổ khen thưởng: %s.") % f"{award.award_type.name} {award.year}",
            )
            return redirect(back)
    subject_name = person.full_name if person else unit.full_name
    return render(
        request,
        "awards/form.html",
        {"form": form, "title": _("Ghi khen thưởng"), "subject_name": subject_name, "back": back},
    )


@login_required
@require_http_methods(["GET", "POST"])
def award_create_for_person(request, person_pk):
    person = get_scoped_or_404(Person.objects.all(), request.user, CHANGE_PEOPLE, pk=person_pk)
    return _create(request, person=person)


@login_required
@require_http_methods(["GET", "POST"])
def award_create_for_unit(request, unit_pk):
    unit = get_scoped_or_404(Unit.objects.all(), request.user, CHANGE_PEOPLE, pk=unit_pk)
    return _create(request, unit=unit)


@login_required
@require_http_methods(["GET", "POST"])
def award_edit(request, pk):
    award = _award(request.user, pk)
    if request.method == "POST":
        form = AwardEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.award_update(
                    award=award,
                    expected_version=data["version"],
                    reason=data["reason"],
                    **{name: data[name] for name in services.DECISION_FIELDS},
                )
            except DomainError as error:
                apply_domain_error(form, error)
            else:
                messages.success(request, _("Đã sửa quyết định khen thưởng."))
                return redirect(_record_url(award))
    else:
        initial = {name: getattr(award, name) for name in services.DECISION_FIELDS}
        form = AwardEditForm(initial={**initial, "version": award.version})
    return render(
        request,
        "awards/form.html",
        {
            "form": form,
            "award": award,
            "title": _("Sửa quyết định khen thưởng"),
            "subject_name": _subject_name(award),
            "back": _record_url(award),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def award_initiatives(request, pk):
    """The initiatives an individual award rests on: those of its person that back no other
    award can be chosen; those backing another award are listed with it."""
    award = _award(request.user, pk)
    if not award.person_id:
        raise Http404
    everything = list(backing.initiative_choices(award))
    taken = [i for i in everything if i.used_for_id not in (None, award.pk)]
    choices = backing.initiative_choices(award).exclude(pk__in=[i.pk for i in taken])
    if request.method == "POST":
        form = AwardInitiativesForm(request.POST, choices=choices)
        if form.is_valid():
            data = form.cleaned_data
            try:
                backing.award_initiatives_set(
                    award=award,
                    initiative_ids=[i.pk for i in data["initiatives"]],
                    expected_version=data["version"],
                    reason=data["reason"],
                    user=request.user,
                )
            except DomainError as error:
                apply_domain_error(form, error)
            else:
                messages.success(request, _("Đã ghi các sáng kiến làm căn cứ khen thưởng."))
                return redirect(_record_url(award))
    else:
        current = [i.pk for i in everything if i.used_for_id == award.pk]
        form = AwardInitiativesForm(
            initial={"version": award.version, "initiatives": current}, choices=choices
        )
    return render(
        request,
        "awards/initiatives.html",
        {
            "form": form,
            "award": award,
            "taken": taken,
            "offered": len(everything) - len(taken),
            "subject_name": _subject_name(award),
            "back": _record_url(award),
        },
    )


def _subject_name(award: Award) -> str:
    return award.person.full_name if award.person_id else award.unit.full_name


@login_required
@require_http_methods(["GET", "POST"])
def award_revoke(request, pk):
    award = _award(request.user, pk)
    if award.revoked:
        messages.info(request, _("Khen thưởng này đã bị hủy bỏ."))
        return redirect(_record_url(award))
    form = RevokeForm(request.POST or None, initial={"version": award.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.award_revoke(
                award=award,
                expected_version=data["version"],
                revoked_on=data["revoked_on"],
                reason=data["reason"],
            )
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            messages.success(request, _("Đã ghi nhận việc hủy bỏ khen thưởng."))
            return redirect(_record_url(award))
    return render(
        request,
        "awards/revoke.html",
        {"form": form, "award": award, "subject_name": _subject_name(award)},
    )
