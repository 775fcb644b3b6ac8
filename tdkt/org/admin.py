"""Units and restructuring events in the administration: read only, with their history.

Changes go through the application pages so that services validate them and keep paths,
search text, versions and reasons."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tdkt.core.admin import ReadOnlyAdminMixin
from tdkt.org.models import RestructuringEvent, Unit


@admin.register(Unit)
class UnitAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("code", "short_name", "unit_type", "valid_from", "valid_to")
    list_filter = ("unit_type",)
    search_fields = ("code", "short_name", "search_text")


@admin.register(RestructuringEvent)
class RestructuringEventAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("kind", "date", "decision")
    list_filter = ("kind",)
    filter_horizontal = ("predecessors", "successors")
