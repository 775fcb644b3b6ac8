"""The organisation of the People's Procuracy over time: units and restructuring events.

A unit's parent never changes during its life. When the sector is reorganised (the 1/7/2025
reform, a merger, a split, a rename) the old unit's validity ends and a new unit begins; a
``RestructuringEvent`` links predecessors to successors so history rolls up to the successor.
"""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import VersionedModel
from tdkt.core.scope import ScopedQuerySet
from tdkt.core.search import fold
from tdkt.people.models import TaskRating

RECORDS_START = dt.date(2015, 1, 1)
"""Units that existed before the system's records begin are valid from this date."""

REFORM_2025 = dt.date(2025, 7, 1)
"""First day of the three-level organisation (no high and no district procuracies)."""


class UnitType(models.TextChoices):
    """Kinds of unit. Codes are stable; labels are the Vietnamese names."""

    SUPREME = "SUPREME", _("VKSND tối cao")
    SUPREME_UNIT = "SUPREME_UNIT", _("Đơn vị thuộc VKSND tối cao")
    HIGH = "HIGH", _("VKSND cấp cao")
    PROVINCIAL = "PROVINCIAL", _("VKSND cấp tỉnh")
    DISTRICT = "DISTRICT", _("VKSND cấp huyện")
    AREA = "AREA", _("VKSND khu vực")
    DIVISION = "DIVISION", _("Phòng, đơn vị trực thuộc")
    MILITARY_CENTRAL = "MILITARY_CENTRAL", _("VKS quân sự trung ương")
    MILITARY_REGION = "MILITARY_REGION", _("VKS quân sự quân khu và tương đương")
    MILITARY_AREA = "MILITARY_AREA", _("VKS quân sự khu vực")


TREE_ORDER = {
    code: rank
    for rank, code in enumerate(
        [
            UnitType.SUPREME,
            UnitType.SUPREME_UNIT,
            UnitType.HIGH,
            UnitType.PROVINCIAL,
            UnitType.DIVISION,
            UnitType.DISTRICT,
            UnitType.AREA,
            UnitType.MILITARY_CENTRAL,
            UnitType.MILITARY_REGION,
            UnitType.MILITARY_AREA,
        ]
    )
}
"""How siblings of different types are ordered in the tree: divisions before local procuracies."""


class UnitQuerySet(ScopedQuerySet):
    def valid_on(self, day: dt.date) -> "UnitQuerySet":
        """Units that existed on ``day`` (both ends of the validity period included)."""
        return self.filter(valid_from__lte=day).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def search(self, query: str) -> "UnitQuerySet":
        from tdkt.core.search import search_terms

        qs = self
        for term in search_terms(query):
            qs = qs.filter(search_text__contains=term)
        return qs


def path_ids(path: str) -> list[int]:
    """The unit ids on a ``path`` (``/1/12/345/`` → ``[1, 12, 345]``), root first, the unit
    itself last."""
    return [int(part) for part in path.split("/") if part]


def ancestor_paths(path: str) -> list[str]:
    """The paths of the unit and of every unit above it: ``/1/12/345/`` → ``/1/``,
    ``/1/12/``, ``/1/12/345/`` (one ``path__in`` filter finds them all)."""
    parts = [part for part in path.split("/") if part]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


class Unit(VersionedModel):
    """A procuracy or one of its internal units, valid over a period of dates.

    ``path`` is the chain of ancestor ids (``/1/12/345/``), so a subtree is one prefix filter.
    """

    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True)
    short_name = models.CharField(_("tên ngắn"), max_length=120)
    full_name = models.CharField(_("tên đầy đủ"), max_length=255)
    unit_type = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitType.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    valid_from = models.DateField(_("hiệu lực từ"), default=RECORDS_START)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    search_text = models.CharField(max_length=400, editable=False, default="", db_index=True)

    objects = UnitQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["path", "depth", "search_text"])

    scope_unit_field = ""

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.short_name

    def refresh_derived(self) -> None:
        """Recompute ``search_text``; ``path`` and ``depth`` need the pk and are set by services."""
        self.search_text = fold(self.code, self.short_name, self.full_name)

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)

    @property
    def is_current(self) -> bool:
        return self.valid_to is None


class EventKind(models.TextChoices):
    MERGE = "MERGE", _("Hợp nhất, sáp nhập")
    SPLIT = "SPLIT", _("Chia tách")
    RENAME = "RENAME", _("Đổi tên")
    DISSOLVE = "DISSOLVE", _("Giải thể")
    REORGANISE = "REORGANISE", _("Tổ chức lại")


class RestructuringEvent(VersionedModel):
    """A change in the organisation on a date: predecessors end, successors take over.

    A merger has several predecessors and one successor, a split the reverse, a rename one of
    each, a dissolution no successor. A successor unit's history includes its predecessors'.
    """

    kind = models.CharField(_("loại sự kiện"), max_length=12, choices=EventKind.choices)
    date = models.DateField(_("ngày hiệu lực"))
    decision = models.CharField(_("văn bản"), max_length=200, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    predecessors = models.ManyToManyField(
        Unit, verbose_name=_("đơn vị trước"), related_name="events_as_predecessor"
    )
    successors = models.ManyToManyField(
        Unit, verbose_name=_("đơn vị sau"), related_name="events_as_successor", blank=True
    )

    history = HistoricalRecords(m2m_fields=[predecessors, successors])

    class Meta:
        verbose_name = _("sự kiện tổ chức lại")
        verbose_name_plural = _("sự kiện tổ chức lại")
        ordering = ["-date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"


class UnitYearlyRating(VersionedModel):
    """The task rating a collective (a unit) received for a year, as decided by the body that
    assesses it; collective titles (TTLĐTT, TTLĐXS, the flags) read it."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="yearly_ratings"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại"), max_length=6, choices=TaskRating.choices)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    scope_unit_field = "unit"

    class Meta:
        verbose_name = _("xếp loại tập thể hằng năm")
        verbose_name_plural = _("xếp loại tập thể hằng năm")
        ordering = ["unit", "year"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_rating_per_unit_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.get_rating_display()}"
