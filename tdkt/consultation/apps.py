from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "tdkt.consultation"
    label = "consultation"
    verbose_name = "Lấy ý kiến nhân dân"
