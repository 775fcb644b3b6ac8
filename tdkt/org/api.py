"""API routes for units (read only), scoped to the caller."""

import datetime as dt

from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from tdkt.api.pagination import BoundedPageNumberPagination
from tdkt.core.scope import get_scoped_or_404
from tdkt.org.models import Unit, UnitType
from tdkt.org.selectors import unit_lineage

router = Router(tags=["Đơn vị"])


class UnitOut(Schema):
    id: int
    code: str
    short_name: str
    full_name: str
    unit_type: UnitType
    parent_id: int | None
    valid_from: dt.date
    valid_to: dt.date | None


class UnitDetailOut(UnitOut):
    predecessors: list[UnitOut] = Field(default_factory=list)


@router.get("", response=list[UnitOut], summary="Danh sách đơn vị trong phạm vi")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_units(request, day: dt.date | None = None, q: str = "", unit_type: UnitType | None = None):
    """Units the caller reaches that existed on ``day`` (default today), ordered by the tree."""
    qs = Unit.objects.restrict(request.user).valid_on(day or timezone.localdate())
    if q:
        qs = qs.search(q)
    if unit_type:
        qs = qs.filter(unit_type=unit_type)
    return qs.order_by("path")


@router.get("/{int:pk}", response=UnitDetailOut, summary="Một đơn vị và các đơn vị tiền thân")
def get_unit(request, pk: int):
    unit = get_scoped_or_404(Unit.objects.all(), request.user, pk=pk)
    out = UnitDetailOut.from_orm(unit)
    out.predecessors = [
        UnitOut.from_orm(u) for u in unit_lineage(unit, user=request.user) if u.pk != unit.pk
    ]
    return out
