"""What the inbox machinery keeps: the deadline reminders already e-mailed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    SUBMISSION = "SUBMISSION", _("hạn nộp hồ sơ đề nghị")
    APPRAISAL = "APPRAISAL", _("hạn thẩm định")
    BALLOT = "BALLOT", _("phiếu bầu kín chưa bỏ")


class SentReminder(models.Model):
    """That ``user`` was reminded by e-mail of one item (a round's submission or appraisal
    deadline, an open council vote) on ``sent_on``. At most one row per user, item and day (a
    unique constraint), which is what keeps ``send_deadline_reminders`` to one reminder a day
    however often it runs; written only once the e-mail was sent. Each run deletes the rows
    older than 30 days. It holds nothing about ballots but that the vote was open."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("loại nhắc hạn"), max_length=12, choices=ReminderKind.choices)
    object_id = models.PositiveIntegerField(_("mã đợt hoặc phiên họp"))
    due_on = models.DateField(_("hạn"))
    sent_on = models.DateField(_("ngày gửi"))

    class Meta:
        verbose_name = _("thư nhắc hạn đã gửi")
        verbose_name_plural = _("thư nhắc hạn đã gửi")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "object_id", "sent_on"], name="reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} → {self.user_id} ({self.sent_on:%d/%m/%Y})"
