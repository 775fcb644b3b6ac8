"""Readable change history from django-simple-history records: who, when, what, why."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

_TYPES = {"+": gettext_lazy("Tạo mới"), "~": gettext_lazy("Sửa"), "-": gettext_lazy("Xóa")}


@dataclass
class Change:
    when: object
    who: str
    what: str
    kind: str
    changes: list[tuple[str, object, object]]
    why: str


def changes_of(model, records) -> list[Change]:
    """Turn one model's historical records (ordered by object, then date) into changes."""
    out: list[Change] = []
    previous_by_object = {}
    for record in records:
        previous = previous_by_object.get(record.id)
        diffs = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                field = model._meta.get_field(change.field)
                diffs.append((str(field.verbose_name), change.old, change.new))
        out.append(
            Change(
                when=record.history_date,
                who=record.history_user.display_name if record.history_user else _("Hệ thống"),
                what=str(model._meta.verbose_name).capitalize(),
                kind=str(_TYPES.get(record.history_type, record.history_type)),
                changes=diffs,
                why=record.history_change_reason or "",
            )
        )
        previous_by_object[record.id] = record
    return out
