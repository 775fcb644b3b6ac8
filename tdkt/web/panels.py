"""The eligibility panel shared by the person page and the unit page."""

from django.shortcuts import render
from django.utils import timezone

from tdkt.eligibility.selectors import award_names

FIRST_YEAR = 2016


def year_from(request) -> int:
    """The year asked for in ``?year=``, kept within the years the register covers."""
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        return this_year
    return min(max(year, FIRST_YEAR), this_year)


def render_verdicts(request, *, verdicts, year: int, panel_url: str, quotas=()):
    names = award_names()
    rows = [{"verdict": v, "name": names.get(v.code, v.code)} for v in verdicts]
    years = list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))
    context = {
        "rows": rows,
        "year": year,
        "years": years,
        "panel_url": panel_url,
        "quotas": quotas,
    }
    return render(request, "web/_verdicts.html", context)
