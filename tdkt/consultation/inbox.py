"""Tasks of the sector officer in the inbox: comments waiting for resolution, and
consultations whose period is over without an outcome (two queries plus the reach)."""

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from tdkt.consultation import permissions
from tdkt.consultation.models import Comment, Consultation, ConsultationStatus
from tdkt.web.inbox import Task, provider

GROUP = "Lấy ý kiến nhân dân"


@provider
def consultation_tasks(user, today) -> list:
    if not permissions.can_manage(user):
        return []
    tasks = []
    comments = Comment.objects.restrict(user, permissions.MANAGE).filter(
        resolution="",
        consultation__status__in=[ConsultationStatus.PUBLISHED, ConsultationStatus.CLOSED],
    )
    waiting = comments.count()
    if waiting:
        url = reverse("consultation:list")
        tasks.append(Task(_(GROUP), _("Ý kiến nhân dân chờ xem xét"), url, waiting))
    overdue = Consultation.objects.restrict(user, permissions.MANAGE).filter(
        Q(status=ConsultationStatus.CLOSED)
        | Q(status=ConsultationStatus.PUBLISHED, closes_on__lt=today)
    )
    late = overdue.aggregate(n=Count("pk"), first=Min("closes_on"))
    if late["n"]:
        title = _("Đợt lấy ý kiến đã hết hạn, chưa ghi kết quả")
        url = reverse("consultation:list")
        days = (late["first"] - today).days  # calendar days, negative: overdue
        tasks.append(Task(_(GROUP), title, url, late["n"], due=late["first"], days_left=days))
    return tasks
