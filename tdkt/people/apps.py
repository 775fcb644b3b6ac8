from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "tdkt.people"
    label = "people"
    verbose_name = "Cán bộ"
