from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "tdkt.catalog"
    label = "catalog"
    verbose_name = "Danh mục khen thưởng"
