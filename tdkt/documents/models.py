"""Replacements of the bundled Word templates, uploaded by the sector officer."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import TimeStampedModel


class TemplateReplacement(TimeStampedModel):
    """The edited copy of a registered template (``key``) used instead of its default.

    The file is kept in the database: templates are small, and they then travel with the
    backups and need no shared media directory. Deleting the row restores the default.
    """

    key = models.CharField(_("mẫu văn bản"), max_length=80, unique=True)
    content = models.BinaryField(_("nội dung tệp"))
    original_name = models.CharField(_("tên tệp tải lên"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta:
        verbose_name = _("mẫu văn bản thay thế")
        verbose_name_plural = _("mẫu văn bản thay thế")

    def __str__(self) -> str:
        return self.key


from tdkt.documents.certificates.models import (  # noqa: E402, F401  (models of the subpackage)
    Certificate,
    CertificateForm,
    CertificateJob,
    SerialCounter,
)
