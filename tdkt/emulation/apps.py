from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "tdkt.emulation"
    label = "emulation"
    verbose_name = "Phong trào thi đua, đăng ký, cụm khối và giao ước"
