from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tdkt.web"
    label = "web"
    verbose_name = "Giao diện"

    def ready(self) -> None:
        """Import every app's ``inbox`` module, where it registers its task providers."""
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("inbox")
