"""htmx helpers."""

from django.http import HttpRequest


def is_htmx_partial(request: HttpRequest) -> bool:
    """Whether to answer with a fragment: an htmx request that is not a history restore.

    Pages that answer both ways must also send ``Vary: HX-Request`` so caches keep them apart.
    """
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request
