"""Date helpers shared by forms, services and imports."""

import datetime as dt

EARLIEST_PLAUSIBLE = dt.date(1900, 1, 1)
LATEST_PLAUSIBLE = dt.date(2100, 12, 31)


def adult_on(born: dt.date) -> dt.date:
    """The 18th birthday; 1 March for someone born on 29 February. Never raises."""
    year = min(born.year + 18, dt.MAXYEAR)
    try:
        return born.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)


def is_plausible(day: dt.date | None) -> bool:
    """Whether a date typed by a user lies in 1900–2100 (empty counts as plausible)."""
    return day is None or EARLIEST_PLAUSIBLE <= day <= LATEST_PLAUSIBLE
