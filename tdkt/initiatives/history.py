"""The change history of an initiative: status, decision and content changes, who and why.

The initiative's own fields are diffed here with the tracked author list left out (an author
row carries a share, which ``core.history.changes_of`` would reduce to the names); author
changes are told apart by the reason recorded with each save.
"""

from django.utils.translation import gettext as _

from tdkt.core.history import _TYPES, Change
from tdkt.initiatives.models import Initiative

SKIPPED = ["authors", "version", "updated_at", "created_at"]


def initiative_history(initiative: Initiative) -> list[Change]:
    """Every recorded change of the initiative, newest first; two queries."""
    records = list(
        Initiative.history.filter(id=initiative.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    out: list[Change] = []
    previous = None
    for record in records:
        diffs = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=SKIPPED)
            for change in delta.changes:
                field = Initiative._meta.get_field(change.field)
                old, new = change.old, change.new
                if field.choices:
                    labels = {value: str(label) for value, label in field.flatchoices}
                    old, new = labels.get(old, old), labels.get(new, new)
                elif field.is_relation:
                    continue
                diffs.append((str(field.verbose_name), old, new))
        out.append(
            Change(
                when=record.history_date,
                who=record.history_user.display_name if record.history_user else _("Hệ thống"),
                what=str(Initiative._meta.verbose_name).capitalize(),
                kind=str(_TYPES.get(record.history_type, record.history_type)),
                changes=diffs,
                why=record.history_change_reason or "",
            )
        )
        previous = record
    return sorted(out, key=lambda c: c.when, reverse=True)
