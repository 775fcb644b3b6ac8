"""Every rule of the engine. Importing this package registers them all."""

from tdkt.rules.library import (
    collective,  # noqa: F401
    individual_awards,  # noqa: F401
    individual_titles,  # noqa: F401
    sector_medal,  # noqa: F401
)
