from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tdkt.documents"
    label = "documents"
    verbose_name = "Mẫu văn bản Word"

    def ready(self) -> None:
        """Import every app's ``word_templates`` module, where it registers its templates."""
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("word_templates")
