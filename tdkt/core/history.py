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


def changes_of(model, records, *, excluded: tuple[str, ...] = ()) -> list[Change]:
    """Turn one model's historical records (ordered by object, then date) into changes.

    Coded values are shown by their Vietnamese labels and references by the referenced
    record's name (one query per referenced model, whatever the number of changes). Fields
    named in ``excluded`` (e.g. a version counter) are left out of the differences.
    """
    out: list[Change] = []
    previous_by_object = {}
    references: dict = {}
    for record in records:
        previous = previous_by_object.get(record.id)
        diffs = []
        if previous is not None and record.history_type == "~":
            for change in record.diff_against(previous, excluded_fields=excluded).changes:
                field = model._meta.get_field(change.field)
                old, new = change.old, change.new
                if field.many_to_many:
                    # tracked m2m fields diff as lists of through rows: keep the target ids
                    target = field.m2m_reverse_field_name()
                    old = tuple(sorted(row[target] for row in old or ()))
                    new = tuple(sorted(row[target] for row in new or ()))
                    ids = set(old) | set(new)
                else:
                    ids = {old, new} - {None}
                diffs.append([field, old, new])
                if field.is_relation:
                    references.setdefault(field.related_model, set()).update(ids)
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
    names = {
        related: {pk: str(obj) for pk, obj in related.objects.in_bulk(list(ids)).items()}
        for related, ids in references.items()
    }
    for change in out:
        change.changes = [_readable(field, old, new, names) for field, old, new in change.changes]
    return out


def _readable(field, old, new, names) -> tuple[str, object, object]:
    if field.many_to_many:
        lookup = names.get(field.related_model, {})
        return (
            str(field.verbose_name),
            ", ".join(str(lookup.get(pk, pk)) for pk in old),
            ", ".join(str(lookup.get(pk, pk)) for pk in new),
        )
    if field.is_relation:
        lookup = names.get(field.related_model, {})
        return (str(field.verbose_name), lookup.get(old, old), lookup.get(new, new))
    if field.choices:
        labels = {value: str(label) for value, label in field.flatchoices}
        return (str(field.verbose_name), labels.get(old, old), labels.get(new, new))
    if field.get_internal_type() == "BooleanField":
        return (str(field.verbose_name), _yes_no(old), _yes_no(new))
    return (str(field.verbose_name), old, new)


def _yes_no(value) -> str:
    if value is None:
        return ""
    return _("Có") if value else _("Không")
