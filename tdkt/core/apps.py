from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "tdkt.core"
    label = "core"
    verbose_name = "Lõi dùng chung"

    def ready(self) -> None:
        from tdkt.core.planner import after_migrate

        # Sent once per migrate for this app (sender=self), after every app's migrations.
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="tdkt.core.planner")
