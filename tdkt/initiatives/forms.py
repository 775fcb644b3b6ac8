"""Forms of the initiative flow. Authors are entered by their staff code (*mã cán bộ*)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.initiatives.models import EffectScope, Opinion
from tdkt.initiatives.services import MAX_AUTHORS, ShareInput
from tdkt.people.models import Person

UNKNOWN_CODE = "Không tìm thấy cán bộ có mã “%(code)s” trong phạm vi của bạn."
SHARE_WITHOUT_CODE = "Dòng tác giả %(row)s có tỷ lệ nhưng chưa có mã cán bộ."
CODE_WITHOUT_SHARE = "Hãy ghi tỷ lệ đóng góp của tác giả “%(code)s”."


class UnitField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return "\u2003" * max(obj.depth - 1, 0) + obj.short_name


class InitiativeForm(forms.Form):
    """Title, unit, year, description, application, up to five authors with shares, a file."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=gettext_lazy("Tên sáng kiến"), max_length=300)
    unit = UnitField(label=gettext_lazy("Đơn vị"), queryset=None, empty_label=None)
    year = forms.IntegerField(label=gettext_lazy("Năm"), min_value=2000, max_value=2100)
    description = forms.CharField(
        label=gettext_lazy("Mô tả sáng kiến"), widget=forms.Textarea(attrs={"rows": 4})
    )
    applied_where = forms.CharField(
        label=gettext_lazy("Nơi áp dụng"), widget=forms.Textarea(attrs={"rows": 2})
    )
    applied_result = forms.CharField(
        label=gettext_lazy("Kết quả áp dụng"), widget=forms.Textarea(attrs={"rows": 3})
    )
    file = forms.FileField(
        label=gettext_lazy("Tệp đính kèm (PDF hoặc Word .docx, tối đa 20 MB)"), required=False
    )

    def __init__(self, *args, units, authors, **kwargs):
        """``units``: where the user may submit; ``authors``: persons they may name."""
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.authors = authors
        for row in range(1, MAX_AUTHORS + 1):
            self.fields[f"author_{row}"] = forms.CharField(
                label=_("Mã cán bộ tác giả %(row)s") % {"row": row},
                max_length=20,
                required=False,
            )
            self.fields[f"share_{row}"] = forms.IntegerField(
                label=_("Tỷ lệ (%%) tác giả %(row)s") % {"row": row},
                min_value=1,
                max_value=100,
                required=False,
            )

    def author_rows(self):
        return [(self[f"author_{row}"], self[f"share_{row}"]) for row in range(1, MAX_AUTHORS + 1)]

    def non_author_fields(self):
        skip = {f"{kind}_{row}" for kind in ("author", "share") for row in range(1, 6)}
        return [field for field in self.visible_fields() if field.name not in skip]

    def clean(self):
        data = super().clean()
        rows = []
        for row in range(1, MAX_AUTHORS + 1):
            code = (data.get(f"author_{row}") or "").strip()
            share = data.get(f"share_{row}")
            if not code and share is None:
                continue
            if not code:
                raise forms.ValidationError(_(SHARE_WITHOUT_CODE) % {"row": row})
            if share is None:
                raise forms.ValidationError(_(CODE_WITHOUT_SHARE) % {"code": code})
            rows.append((code, share))
        found = {p.code: p for p in self.authors.filter(code__in=[code for code, _s in rows])}
        shares = []
        for code, share in rows:
            if code not in found:
                self.add_error(None, _(UNKNOWN_CODE) % {"code": code})
                continue
            shares.append(ShareInput(found[code], share))
        data["shares"] = shares
        return data


class DecisionForm(forms.Form):
    """Recognise with scope of effect and decision, or refuse with reasons."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    outcome = forms.ChoiceField(
        label=gettext_lazy("Kết quả xét"),
        choices=[
            ("recognise", gettext_lazy("Công nhận sáng kiến")),
            ("refuse", gettext_lazy("Không công nhận")),
        ],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    effect_scope = forms.ChoiceField(
        label=gettext_lazy("Phạm vi ảnh hưởng"),
        choices=[("", "—"), *EffectScope.choices],
        required=False,
    )
    decision_number = forms.CharField(
        label=gettext_lazy("Số quyết định"), max_length=50, required=False
    )
    decided_on = forms.DateField(
        label=gettext_lazy("Ngày quyết định"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    recognising_body = forms.CharField(
        label=gettext_lazy("Cơ quan công nhận"), max_length=200, required=False
    )
    refusal_reason = forms.CharField(
        label=gettext_lazy("Lý do không công nhận"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("decided_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp đính kèm (PDF hoặc Word .docx, tối đa 20 MB)"))


def author_choices(user):
    """Persons ``user`` may name as authors: those of the units they reach for TĐKT work, and
    for a staff member the colleagues of their own unit."""
    from django.db.models import Q

    from tdkt.accounts.scope import reach_of

    q = Q(pk__in=Person.objects.restrict(user, "manage_emulation").values("pk"))
    person_id = reach_of(user).person_id
    if person_id is not None:
        q |= Q(unit__people__pk=person_id)
    return Person.objects.filter(q, leaving_date__isnull=True)


SCORE_MESSAGE = gettext_lazy("Điểm phải là số nguyên từ 0 đến 100.")


class ReviewForm(forms.Form):
    """A council member's review: score 0–100, opinion and comment (*phiếu chấm*)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    score = forms.IntegerField(
        label=gettext_lazy("Điểm (0–100)"),
        min_value=0,
        max_value=100,
        error_messages={
            "required": gettext_lazy("Hãy nhập điểm từ 0 đến 100."),
            "invalid": SCORE_MESSAGE,
            "min_value": SCORE_MESSAGE,
            "max_value": SCORE_MESSAGE,
        },
    )
    opinion = forms.ChoiceField(
        label=gettext_lazy("Ý kiến"),
        choices=Opinion.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={
            "required": gettext_lazy(
                "Hãy chọn ý kiến: đề nghị công nhận hoặc không đề nghị công nhận."
            ),
            "invalid_choice": gettext_lazy("Ý kiến không hợp lệ."),
        },
    )
    comment = forms.CharField(
        label=gettext_lazy("Nhận xét"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
