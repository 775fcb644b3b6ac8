"""Reads of advanced models, each scoped to the user and with a fixed number of queries."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from tdkt.core.history import Change, changes_of
from tdkt.core.scope import get_scoped_or_404
from tdkt.org.models import Unit, UnitType
from tdkt.reports.models import Adoption, AdvancedModel, Story

NO_PROVINCE = "0"
"""The filter value of models above the provinces (Supreme Procuracy, military)."""


def _count_per_model(related):
    """The number of ``related`` rows of the outer model, as a sub-query."""
    rows = (
        related.objects.filter(model=OuterRef("pk"))
        .order_by()
        .values("model")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows), 0)


def models_for(user, *, year=None, province=None, source_kind="", query=""):
    """The models the user reaches, filtered, with their numbers of stories and adopting units
    (two sub-queries, so one query for the whole page)."""
    qs = (
        AdvancedModel.objects.restrict(user)
        .select_related("person", "collective", "province", "owner_unit")
        .annotate(
            story_count=_count_per_model(Story),
            adoption_count=_count_per_model(Adoption),
        )
    )
    if year:
        qs = qs.filter(year=year)
    if province == NO_PROVINCE:
        qs = qs.filter(province__isnull=True)
    elif province:
        qs = qs.filter(province_id=province)
    if source_kind:
        qs = qs.filter(source_kind=source_kind)
    if query:
        qs = qs.search(query)
    return qs


def provinces_on(day: dt.date):
    return Unit.objects.filter(unit_type=UnitType.PROVINCIAL).valid_on(day).order_by("search_text")


@dataclass
class ProvinceRow:
    province: Unit | None
    models: int
    published: int
    adoptions: int
    persons: int
    collectives: int


def by_province(user, *, today: dt.date, year=None) -> list[ProvinceRow]:
    """For every current province (and, first, the units above the provinces), the models in
    the user's reach: how many, published, persons and collectives, and adopting units. Three
    queries. Provinces ended by the 2025 reform appear only when they hold a model."""
    models = AdvancedModel.objects.restrict(user)
    if year:
        models = models.filter(year=year)
    counts = {
        row["province"]: row
        for row in models.order_by()
        .values("province")
        .annotate(
            n=Count("pk"),
            published_n=Count("pk", filter=Q(published=True)),
            persons=Count("pk", filter=Q(person__isnull=False)),
            collectives=Count("pk", filter=Q(collective__isnull=False)),
        )
    }
    adoptions = dict(
        Adoption.objects.filter(model__in=models)
        .order_by()
        .values("model__province")
        .annotate(n=Count("pk"))
        .values_list("model__province", "n")
    )
    provinces = list(provinces_on(today))
    known = {p.pk for p in provinces}
    ended = [pk for pk in counts if pk is not None and pk not in known]
    provinces += list(Unit.objects.filter(pk__in=ended).order_by("search_text"))

    def row(province):
        pk = province.pk if province else None
        c = counts.get(pk, {})
        return ProvinceRow(
            province,
            c.get("n", 0),
            c.get("published_n", 0),
            adoptions.get(pk, 0),
            c.get("persons", 0),
            c.get("collectives", 0),
        )

    return [row(None)] + [row(p) for p in provinces]


def model_for(user, pk, action="view") -> AdvancedModel:
    """One model in the user's reach for ``action``, else 404."""
    queryset = AdvancedModel.objects.select_related(
        "person__unit",
        "collective",
        "province",
        "owner_unit",
        "source_award__award_type",
        "source_movement",
        "source_cluster",
    )
    return get_scoped_or_404(queryset, user, action, pk=pk)


def public_model(token) -> AdvancedModel:
    """A published model by its public address; unpublished or unknown → 404."""
    model = (
        AdvancedModel.objects.select_related("person", "collective", "province")
        .filter(public_token=token, published=True)
        .first()
    )
    if model is None:
        raise Http404
    return model


def model_history(model: AdvancedModel) -> list[Change]:
    """Every change to the model, its stories and its spread, newest first. Three queries."""
    changes = changes_of(
        AdvancedModel,
        AdvancedModel.history.filter(id=model.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id"),
    )
    for related in (Story, Adoption):
        changes += changes_of(
            related,
            related.history.filter(model_id=model.pk)
            .select_related("history_user")
            .order_by("id", "history_date", "history_id"),
        )
    return sorted(changes, key=lambda c: c.when, reverse=True)
