"""Abstract bases shared by every app. No domain knowledge lives here."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """A record that knows when it was created and last changed."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """A record edited through forms: ``version`` grows by one at every save by a service.

    Services compare the version a form was opened with against the stored one so that two
    concurrent edits never silently overwrite each other (see ``core.concurrency``).
    """

    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        abstract = True
