from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "tdkt.rules"
    label = "rules"
    verbose_name = "Quy tắc xét khen thưởng"
