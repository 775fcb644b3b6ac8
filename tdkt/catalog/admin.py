"""Administration of the award catalog; codes never change."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tdkt.catalog.models import AwardType


@admin.register(AwardType)
class AwardTypeAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "subject", "category", "authority")
    readonly_fields = ("code",)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
