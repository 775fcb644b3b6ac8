"""Persons in the administration: read only, with their history (edits use the app pages)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tdkt.core.admin import ReadOnlyAdminMixin
from tdkt.people.models import Person


@admin.register(Person)
class PersonAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ("code", "full_name", "unit", "position", "leaving_date")
    search_fields = ("code", "search_text")
    list_select_related = ("unit",)
