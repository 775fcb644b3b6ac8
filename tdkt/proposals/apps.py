from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "tdkt.proposals"
    label = "proposals"
    verbose_name = "Đợt đề nghị, đề nghị khen thưởng và hồ sơ"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from tdkt.core.models import PublicHoliday

        post_save.connect(_calendar_changed, sender=PublicHoliday, dispatch_uid="rounds-calendar")
        post_delete.connect(_calendar_changed, sender=PublicHoliday, dispatch_uid="rounds-cal-del")


def _calendar_changed(sender, instance, raw=False, **kwargs):
    """A day added to or removed from the holiday calendar moves the appraisal deadlines that
    open rounds count in working days (not while fixtures are loaded)."""
    if raw:
        return
    from tdkt.proposals.services.rounds import deadlines_follow_calendar

    deadlines_follow_calendar(instance.date)
