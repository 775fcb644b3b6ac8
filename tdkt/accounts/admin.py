"""Administration of accounts and roles (superusers only)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from tdkt.accounts.models import ApiToken, RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 1
    autocomplete_fields = ["unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [RoleInline]
    autocomplete_fields = ["person"]
    fieldsets = (*BaseUserAdmin.fieldsets, ("Hồ sơ cán bộ", {"fields": ("person",)}))
    list_display = ("username", "first_name", "last_name", "is_active", "is_superuser")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "key_hash", "last_used_at")
    search_fields = ("name", "user__username")
