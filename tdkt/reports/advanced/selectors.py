"""Reads of advanced models, each scoped to the user and with a fixed number of queries."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from tdkt.accounts.permissions import VIEW
from tdkt.accounts.scope import reach_of
from tdkt.core.history import Change, changes_of
from tdkt.core.scope import get_scoped_or_404
from tdkt.core.search import fold
from tdkt.org.models import Unit, UnitType
from tdkt.reports.advanced.province_tiles import TILES, ProvinceTile, tile_for
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


def models_for(user, *, year=None, province=None, source_kind="", query="", owner=None):
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
    return _filter(
        qs, year=year, province=province, source_kind=source_kind, query=query, owner=owner
    )


def _filter(qs, *, year=None, province=None, source_kind="", query="", owner=None):
    if owner:
        qs = qs.filter(owner_unit_id=owner)
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


def adoptions_for(user, *, adopted_year=None, **filters):
    """The adoptions of the models the user reaches, optionally of one year and of the models
    matching ``filters`` (those of ``models_for``), newest first, with their unit and model
    loaded (one query per page)."""
    models = _filter(AdvancedModel.objects.restrict(user), **filters)
    qs = Adoption.objects.filter(model__in=models.order_by().values("pk")).select_related(
        "unit", "model__person", "model__collective", "model__province"
    )
    if adopted_year:
        qs = qs.filter(adopted_on__year=adopted_year)
    return qs.order_by("-adopted_on", "-pk")


def provinces_on(day: dt.date):
    return Unit.objects.filter(unit_type=UnitType.PROVINCIAL).valid_on(day).order_by("search_text")


@dataclass
class ProvinceRow:
    """The models in a user's reach held by one province (or, with no province, by the units
    above the provinces)."""

    province: Unit | None
    models: int
    published: int
    adoptions: int
    persons: int
    collectives: int


@dataclass
class MapTile:
    """A place on the tile map: its province's row when the user reaches that province, else
    None (the tile is drawn without figures or link); ``level`` is its shade, 0 to 4."""

    place: ProvinceTile
    row: ProvinceRow | None
    level: int = 0


@dataclass
class OwnerRow:
    """The models of one unit above the provinces (Supreme Procuracy, its departments, the
    high and the military procuracies)."""

    unit_id: int
    name: str
    models: int


@dataclass
class ProvinceMap:
    """Everything the by-province page shows, all within the user's reach.

    ``tiles`` holds the 34 places, north to south; ``provinces`` the table rows of the current
    provinces the user reaches (placed or not), then of ended provinces that hold a model;
    ``unplaced`` the current provinces whose name matches no place; ``ended`` the provinces
    ended by the 2025 reform that still hold a model; ``above`` the row of the units above the
    provinces and ``owners`` its models by owner unit; ``legend`` the (level, lowest, highest)
    counts of each shade in use."""

    tiles: list[MapTile]
    provinces: list[ProvinceRow]
    unplaced: list[ProvinceRow]
    ended: list[ProvinceRow]
    above: ProvinceRow
    owners: list[OwnerRow]
    legend: list[tuple[int, int, int]]
    total: int
    shows_above: bool


SHADES = 4


def shade(count: int, top: int) -> int:
    """0 for no model, else 1 to ``SHADES`` in equal steps of the largest count ``top``."""
    return 0 if count <= 0 or top <= 0 else 1 + (SHADES * count - 1) // top


def _legend(top: int) -> list[tuple[int, int, int]]:
    ranges: dict[int, list[int]] = {}
    for count in range(1, top + 1):
        ranges.setdefault(shade(count, top), []).append(count)
    return [(level, counts[0], counts[-1]) for level, counts in sorted(ranges.items())]


def _reaches(reach, province: Unit) -> bool:
    """Whether a user with ``reach`` sees models of ``province``: they reach it, or a unit
    inside it."""
    if reach.everything:
        return True
    return any(
        province.path.startswith(path) or path.startswith(province.path)
        for path in reach.paths.get(VIEW, ())
    )


def _open_on(day: dt.date) -> Q:
    return Q(valid_to__isnull=True) | Q(valid_to__gte=day)


def _ended(unit: Unit, day: dt.date) -> bool:
    return unit.valid_to is not None and unit.valid_to < day


def _province_counts(models) -> tuple[dict, dict]:
    """Per province id (None above the provinces): the counts of the models, and the number of
    their adoptions. Two queries."""
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
        Adoption.objects.filter(model__in=models.order_by().values("pk"))
        .order_by()
        .values("model__province")
        .annotate(n=Count("pk"))
        .values_list("model__province", "n")
    )
    return counts, adoptions


def _place(provinces: list[Unit], rows: dict[int, ProvinceRow]):
    """The rows of the given provinces the user reaches, by place name, and those matching no
    place (or a place already taken)."""
    placed: dict[str, ProvinceRow] = {}
    unplaced = []
    for province in provinces:
        if province.pk not in rows:
            continue
        place = tile_for(province.short_name) or tile_for(province.full_name)
        if place is None or place.name in placed:
            unplaced.append(rows[province.pk])
        else:
            placed[place.name] = rows[province.pk]
    return placed, unplaced


def by_province(user, *, today: dt.date, year=None) -> ProvinceMap:
    """The models in the user's reach by province (optionally of one year): counts of models,
    published ones, persons, collectives and adopting units per province, placed on the tile
    map of the 34 current provinces; provinces the user does not reach are left blank. Four
    queries, whatever the number of models."""
    models = AdvancedModel.objects.restrict(user)
    if year:
        models = models.filter(year=year)
    counts, adoptions = _province_counts(models)
    held = [pk for pk in counts if pk is not None]
    provinces = list(
        Unit.objects.filter(unit_type=UnitType.PROVINCIAL)
        .filter(Q(valid_from__lte=today) & _open_on(today) | Q(pk__in=held))
        .order_by("search_text")
    )

    def row(province):
        pk = province.pk if province else None
        c = counts.get(pk, {})
        return ProvinceRow(
            province, c.get("n", 0), c.get("published_n", 0), adoptions.get(pk, 0),
            c.get("persons", 0), c.get("collectives", 0),
        )  # fmt: skip

    reach = reach_of(user)
    current = [p for p in provinces if p.valid_from <= today and not _ended(p, today)]
    rows = {p.pk: row(p) for p in current if _reaches(reach, p)}
    placed, unplaced = _place(current, rows)
    top = max((r.models for r in rows.values()), default=0)
    tiles = [
        MapTile(place, placed.get(place.name), shade(placed[place.name].models, top))
        if place.name in placed
        else MapTile(place, None)
        for place in TILES
    ]
    above = row(None)
    outside = [
        path
        for path in reach.paths.get(VIEW, ())
        if not any(path.startswith(p.path) for p in provinces)
    ]
    ended = [row(p) for p in provinces if p not in current and counts.get(p.pk)]
    return ProvinceMap(
        tiles=tiles,
        provinces=sorted(rows.values(), key=_place_order) + ended,
        unplaced=unplaced,
        ended=ended,
        above=above,
        owners=_owner_counts(models.filter(province__isnull=True)),
        legend=_legend(top),
        total=sum(c["n"] for c in counts.values()),
        shows_above=bool(reach.everything or outside or above.models),
    )


def _place_order(row: ProvinceRow) -> str:
    """Provinces sort by their place name (*An Giang* … *Vĩnh Long*), whatever their kind."""
    place = tile_for(row.province.short_name)
    return fold(place.name if place else row.province.short_name)


def _owner_counts(models) -> list[OwnerRow]:
    """The number of the given models per owner unit, in tree order. One query."""
    rows = (
        models.order_by()
        .values("owner_unit", "owner_unit__full_name", "owner_unit__path")
        .annotate(n=Count("pk"))
        .order_by("owner_unit__path")
    )
    return [OwnerRow(r["owner_unit"], r["owner_unit__full_name"], r["n"]) for r in rows]


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
