"""Optimistic locking for records edited in forms."""

from django.db import models
from django.utils.translation import gettext as _

from tdkt.core.errors import StaleEditError

STALE_EDIT = (
    "Bản ghi đã được người khác sửa sau khi bạn mở trang. Thay đổi của bạn chưa được lưu; "
    "hãy tải lại trang để xem bản mới nhất."
)


def save_with_version(instance: models.Model, *, expected_version: int | None) -> None:
    """Save ``instance`` only if its stored version still equals ``expected_version``.

    Must run inside a transaction: the stored row is locked while compared. On success the
    version grows by one. When another edit landed first, raise ``StaleEditError`` and change
    nothing. ``expected_version=None`` skips the check (imports carry no version).
    """
    if instance.pk is not None:
        model = type(instance)
        stored = (
            model.objects.select_for_update()
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if expected_version is not None and stored != expected_version:
            raise StaleEditError(_(STALE_EDIT), code="stale")
        instance.version = (stored or 0) + 1
    instance.save()
