"""Administration of persons (superusers only; officers use the application pages)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tdkt.people.models import Person


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("code", "full_name", "unit", "position", "leaving_date")
    search_fields = ("code", "search_text")
    readonly_fields = ("unit",)
    list_select_related = ("unit",)
