from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "tdkt.proposals"
    label = "proposals"
    verbose_name = "Đợt đề nghị, đề nghị khen thưởng và hồ sơ"
