from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "tdkt.reports"
    label = "reports"
    verbose_name = "Hồ sơ thành tích, thống kê, báo cáo"
