from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "tdkt.council"
    label = "council"
    verbose_name = "Hội đồng Thi đua – Khen thưởng, phiên họp và bỏ phiếu kín"
