"""Administration of units and restructuring events (superusers only)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tdkt.org.models import RestructuringEvent, Unit


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ("code", "short_name", "unit_type", "valid_from", "valid_to")
    list_filter = ("unit_type",)
    search_fields = ("code", "short_name", "search_text")
    readonly_fields = ("parent",)

    def has_add_permission(self, request):
        return False


@admin.register(RestructuringEvent)
class RestructuringEventAdmin(SimpleHistoryAdmin):
    list_display = ("kind", "date", "decision")
    list_filter = ("kind",)
    filter_horizontal = ("predecessors", "successors")
