from django.apps import AppConfig


class ScoringConfig(AppConfig):
    name = "tdkt.scoring"
    label = "scoring"
    verbose_name = "Bảng điểm, chấm điểm, thẩm định chéo và xếp hạng"
