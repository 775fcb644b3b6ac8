"""Persons of the sector and the yearly facts kept about them (domain.md §4)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import TimeStampedModel, VersionedModel
from tdkt.core.scope import ScopedQuerySet
from tdkt.core.search import fold, search_terms


class Gender(models.TextChoices):
    MALE = "M", _("Nam")
    FEMALE = "F", _("Nữ")


class Rank(models.TextChoices):
    """Civil-service rank (*ngạch*)."""

    KSV_CAO_CAP = "KSV_CC", _("Kiểm sát viên cao cấp")
    KSV_TRUNG_CAP = "KSV_TC", _("Kiểm sát viên trung cấp")
    KSV_SO_CAP = "KSV_SC", _("Kiểm sát viên sơ cấp")
    KTV_CAO_CAP = "KTV_CC", _("Kiểm tra viên cao cấp")
    KTV_CHINH = "KTV_C", _("Kiểm tra viên chính")
    KTV = "KTV", _("Kiểm tra viên")
    CV_CAO_CAP = "CV_CC", _("Chuyên viên cao cấp")
    CV_CHINH = "CV_C", _("Chuyên viên chính")
    CV = "CV", _("Chuyên viên")
    CAN_SU = "CS", _("Cán sự")
    NHAN_VIEN = "NV", _("Nhân viên")
    DIEU_TRA_VIEN = "DTV", _("Điều tra viên")


class Position(models.TextChoices):
    """Post held in a unit (*chức vụ*)."""

    VIEN_TRUONG = "VT", _("Viện trưởng")
    PHO_VIEN_TRUONG = "PVT", _("Phó Viện trưởng")
    THU_TRUONG = "TT", _("Thủ trưởng đơn vị")
    PHO_THU_TRUONG = "PTT", _("Phó Thủ trưởng đơn vị")
    TRUONG_PHONG = "TP", _("Trưởng phòng")
    PHO_TRUONG_PHONG = "PTP", _("Phó Trưởng phòng")
    KIEM_SAT_VIEN = "KSV", _("Kiểm sát viên")
    KIEM_TRA_VIEN = "KTV", _("Kiểm tra viên")
    DIEU_TRA_VIEN = "DTV", _("Điều tra viên")
    CHUYEN_VIEN = "CV", _("Chuyên viên")
    NHAN_VIEN = "NV", _("Nhân viên")


class TaskRating(models.TextChoices):
    """Yearly task rating (*xếp loại mức độ hoàn thành nhiệm vụ*), best first."""

    HTXSNV = "HTXSNV", _("Hoàn thành xuất sắc nhiệm vụ")
    HTTNV = "HTTNV", _("Hoàn thành tốt nhiệm vụ")
    HTNV = "HTNV", _("Hoàn thành nhiệm vụ")
    KHTNV = "KHTNV", _("Không hoàn thành nhiệm vụ")


class AbsenceReason(models.TextChoices):
    MATERNITY = "MATERNITY", _("Nghỉ thai sản")
    ILLNESS = "ILLNESS", _("Ốm đau")
    INJURY_ON_DUTY = "INJURY_ON_DUTY", _("Bị thương khi làm nhiệm vụ")
    TRAINING = "TRAINING", _("Đi học, bồi dưỡng")
    OTHER = "OTHER", _("Lý do khác")


class DisciplineLevel(models.TextChoices):
    """Disciplinary measures, lightest first."""

    KHIEN_TRACH = "KHIEN_TRACH", _("Khiển trách")
    CANH_CAO = "CANH_CAO", _("Cảnh cáo")
    HA_BAC_LUONG = "HA_BAC_LUONG", _("Hạ bậc lương")
    GIANG_CHUC = "GIANG_CHUC", _("Giáng chức")
    CACH_CHUC = "CACH_CHUC", _("Cách chức")
    BUOC_THOI_VIEC = "BUOC_THOI_VIEC", _("Buộc thôi việc")


class FreezeReason(models.TextChoices):
    INVESTIGATION = "INVESTIGATION", _("Đang bị điều tra")
    INSPECTION = "INSPECTION", _("Đang bị thanh tra, kiểm tra")
    COMPLAINT = "COMPLAINT", _("Đang xác minh khiếu nại, tố cáo")
    DISCIPLINARY_REVIEW = "DISCIPLINARY_REVIEW", _("Đang xem xét kỷ luật")


class PersonQuerySet(ScopedQuerySet):
    def search(self, query: str) -> "PersonQuerySet":
        """Persons whose name or code contains every word of ``query``, ignoring diacritics."""
        qs = self
        for term in search_terms(query):
            qs = qs.filter(search_text__contains=term)
        return qs


class Person(VersionedModel):
    """A cadre, civil servant or employee of the sector, past or present.

    ``unit`` is the unit of the latest assignment (kept by the assignment services); scope is
    decided by it. ``code`` is the stable key used by imports.
    """

    code = models.CharField(_("mã cán bộ"), max_length=20, unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=120)
    gender = models.CharField(_("giới tính"), max_length=1, choices=Gender.choices)
    date_of_birth = models.DateField(_("ngày sinh"))
    rank = models.CharField(_("ngạch"), max_length=8, choices=Rank.choices, blank=True)
    position = models.CharField(_("chức vụ"), max_length=4, choices=Position.choices, blank=True)
    recruitment_date = models.DateField(_("ngày tuyển dụng"))
    leaving_date = models.DateField(_("ngày thôi công tác"), null=True, blank=True)
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="people"
    )
    is_synthetic = models.BooleanField(
        _("dữ liệu mẫu"), default=False, help_text=_("Người giả lập, sinh ra để trình diễn.")
    )
    search_text = models.CharField(max_length=300, editable=False, default="", db_index=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    scope_unit_field = "unit"
    scope_person_field = ""

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["search_text", "pk"]
        indexes = [models.Index(fields=["unit", "search_text"])]

    def __str__(self) -> str:
        return self.full_name

    def refresh_derived(self) -> None:
        self.search_text = fold(self.full_name, self.code)

    @property
    def is_active(self) -> bool:
        return self.leaving_date is None


class PersonFact(TimeStampedModel):
    """Base of the yearly facts kept about a person; scoped through the person."""

    scope_unit_field = "person__unit"
    scope_person_field = "person"

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class Assignment(PersonFact):
    """A period during which a person held a position in a unit (``end`` empty: still there)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="assignments"
    )
    position = models.CharField(_("chức vụ"), max_length=4, choices=Position.choices)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")
        ordering = ["person", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="assignment_period_ordered",
            )
        ]


class YearlyRating(PersonFact):
    """The task rating a person received for a year."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("năm"))
    rating = models.CharField(_("xếp loại"), max_length=6, choices=TaskRating.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("xếp loại hằng năm")
        verbose_name_plural = _("xếp loại hằng năm")
        ordering = ["person", "year"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="one_rating_per_person_year")
        ]


class Absence(PersonFact):
    """Time away from work, with its reason (matters for the exclusions of titles)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="absences")
    reason = models.CharField(_("lý do"), max_length=16, choices=AbsenceReason.choices)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thời gian nghỉ")
        verbose_name_plural = _("thời gian nghỉ")
        ordering = ["person", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="absence_period_ordered"
            )
        ]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class Discipline(PersonFact):
    """A disciplinary measure with its decision and the period it runs."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disciplines")
    level = models.CharField(_("hình thức kỷ luật"), max_length=16, choices=DisciplineLevel.choices)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decided_on = models.DateField(_("ngày quyết định"))
    start = models.DateField(_("thời hạn từ"))
    end = models.DateField(_("thời hạn đến"))
    reason = models.CharField(_("lý do"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")
        ordering = ["person", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="discipline_period_ordered"
            )
        ]


class Freeze(PersonFact):
    """A period during which no commendation may be given (``end`` empty: still open)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="freezes")
    reason = models.CharField(_("lý do"), max_length=20, choices=FreezeReason.choices)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tạm dừng xét khen thưởng")
        verbose_name_plural = _("tạm dừng xét khen thưởng")
        ordering = ["person", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="freeze_period_ordered",
            )
        ]
