from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "skillstack.catalog"
    label = "catalog"
    verbose_name = "Catalog"
