"""Shared pieces for the administration site (which only superusers may enter)."""


class ReadOnlyAdminMixin:
    """Shows records and their history but allows no add, change or delete in the admin."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
