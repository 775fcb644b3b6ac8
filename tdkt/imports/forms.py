"""The upload form: accepts only a real .xlsx file within the size limit."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from tdkt.core.search import fold
from tdkt.imports.validation import NO_SHEETS
from tdkt.imports.workbook import SHEETS

NOT_XLSX = "Chỉ nhận tệp Excel .xlsx (tải mẫu ở trên nếu cần)."
FILE_TOO_LARGE = "Tệp quá lớn ({size}); giới hạn là {limit}."
CORRUPT_FILE = "Tệp không mở được như một bảng tính Excel .xlsx (tệp hỏng hoặc không phải Excel)."


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp Excel"),
        help_text=gettext_lazy("Tệp .xlsx theo mẫu; tối đa {limit}."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx", "class": "form-control"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.TDKT_IMPORT_MAX_BYTES)
        self.fields["file"].help_text = str(self.fields["file"].help_text).format(limit=limit)

    def clean_file(self):
        """Reject anything but an .xlsx workbook that openpyxl opens and that has a known sheet."""
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() != ".xlsx":
            raise forms.ValidationError(_(NOT_XLSX), code="not_xlsx")
        limit = settings.TDKT_IMPORT_MAX_BYTES
        if upload.size > limit:
            message = _(FILE_TOO_LARGE).format(
                size=filesizeformat(upload.size), limit=filesizeformat(limit)
            )
            raise forms.ValidationError(message, code="too_large")
        if _unpacked_size(upload) > MAX_UNPACKED_BYTES:
            raise forms.ValidationError(_(UNPACKS_TOO_LARGE), code="unpacks_too_large")
        sheet_names = _sheet_names(upload)
        if sheet_names is None:
            raise forms.ValidationError(_(CORRUPT_FILE), code="corrupt")
        if not {fold(sheet.name) for sheet in SHEETS} & {fold(name) for name in sheet_names}:
            raise forms.ValidationError(_(NO_SHEETS), code="no_sheet")
        return upload


MAX_UNPACKED_BYTES = 300 * 1024 * 1024
UNPACKS_TOO_LARGE = "Tệp giải nén ra quá lớn (trên 300 MB); hãy tách thành nhiều tệp nhỏ hơn."


def _unpacked_size(upload) -> int:
    """Total size of the members of the .xlsx zip, read from its directory (0 if unreadable)."""
    import zipfile

    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0
    finally:
        upload.seek(0)


def _sheet_names(upload) -> list[str] | None:
    """The workbook's sheet names, or None if the bytes are not a readable .xlsx workbook."""
    try:
        upload.seek(0)
        workbook = load_workbook(upload, read_only=True)
        try:
            return list(workbook.sheetnames)
        finally:
            workbook.close()
    except Exception:  # zipfile, XML and openpyxl errors all mean the same to the user
        return None
    finally:
        upload.seek(0)
