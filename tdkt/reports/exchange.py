"""Export of decisions, recipients and titles for a period, for other systems.

Two documented formats (``docs/data-exchange.md``), both streamed from one query whatever the
number of awards:

- JSON ``tdkt.decisions/1``: decisions (number, date, signer, authority), each with its awards
  and their recipients;
- CSV: one row per award with the same fields, UTF-8 with a byte-order mark so that Excel opens
  it with the Vietnamese letters intact.

Only awards whose holder unit is in the user's reach are exported; revoked awards are included
with ``revoked: true`` (a receiving database must learn of a revocation).
"""

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils import timezone

from tdkt.awards.models import Award

FORMAT = "tdkt.decisions/1"
CHUNK = 2000
CSV_COLUMNS = (
    "decision_number",
    "decision_date",
    "signer",
    "authority",
    "award_code",
    "award_name",
    "year",
    "kind",
    "revoked",
    "revoked_on",
    "recipient_type",
    "recipient_code",
    "recipient_name",
    "date_of_birth",
    "gender",
    "unit_code",
    "unit_name",
)
_FIELDS = (
    "decision_number",
    "decision_date",
    "signer",
    "authority",
    "award_type__code",
    "award_type__name",
    "year",
    "kind",
    "revoked",
    "revoked_on",
    "person__code",
    "person__full_name",
    "person__date_of_birth",
    "person__gender",
    "unit__code",
    "unit__full_name",
    "holder_unit__code",
    "holder_unit__full_name",
)


def decision_awards(*, user, date_from: dt.date, date_to: dt.date) -> QuerySet:
    """The awards in ``user``'s reach decided from ``date_from`` to ``date_to`` (inclusive),
    ordered by decision, as ``values_list`` rows of ``_FIELDS``."""
    return (
        Award.objects.restrict(user)
        .filter(decision_date__gte=date_from, decision_date__lte=date_to)
        .order_by("decision_date", "decision_number", "award_type__sort_order", "pk")
        .values_list(*_FIELDS)
    )


def _record(row: tuple) -> dict:
    (number, day, signer, authority, code, name, year, kind, revoked, revoked_on) = row[:10]
    (p_code, p_name, born, gender, u_code, u_name, h_code, h_name) = row[10:]
    if p_code:
        recipient = {
            "type": "person",
            "code": p_code,
            "full_name": p_name,
            "date_of_birth": born.isoformat(),
            "gender": gender,
            "unit_code": h_code,
            "unit_name": h_name,
        }
    else:
        recipient = {"type": "unit", "code": u_code, "full_name": u_name}
    return {
        "decision": {
            "number": number,
            "date": day.isoformat(),
            "signer": signer,
            "authority": authority,
        },
        "award": {
            "code": code,
            "name": name,
            "year": year,
            "kind": kind,
            "revoked": revoked,
            "revoked_on": revoked_on.isoformat() if revoked_on else None,
        },
        "recipient": recipient,
    }


def json_chunks(rows: QuerySet, *, date_from: dt.date, date_to: dt.date) -> Iterator[str]:
    """The JSON document in pieces: awards grouped under their decision (number and date)."""
    head = {
        "format": FORMAT,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "period": {"from": date_from.isoformat(), "to": date_to.isoformat()},
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "decisions": ['
    current, first = None, True
    for row in rows.iterator(chunk_size=CHUNK):
        record = _record(row)
        key = (record["decision"]["number"], record["decision"]["date"])
        award = {**record["award"], "recipient": record["recipient"]}
        if key != current:
            if current is not None:
                yield "]}"
            opening = {**record["decision"], "awards": []}
            text = json.dumps(opening, ensure_ascii=False)[:-2]  # leave the list open
            yield ("" if first else ", ") + text
            current, first, separator = key, False, ""
        yield separator + json.dumps(award, ensure_ascii=False)
        separator = ", "
    if current is not None:
        yield "]}"
    yield "]}"


def csv_chunks(rows: QuerySet) -> Iterator[str]:
    """The CSV file in pieces: a byte-order mark, the header, one line per award."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield "\ufeff"
    writer.writerow(CSV_COLUMNS)
    for count, row in enumerate(rows.iterator(chunk_size=CHUNK), start=1):
        record = _record(row)
        decision, award, recipient = record["decision"], record["award"], record["recipient"]
        writer.writerow(
            [
                decision["number"],
                decision["date"],
                decision["signer"],
                decision["authority"],
                award["code"],
                award["name"],
                award["year"],
                award["kind"],
                "1" if award["revoked"] else "0",
                award["revoked_on"] or "",
                recipient["type"],
                recipient["code"],
                recipient["full_name"],
                recipient.get("date_of_birth", ""),
                recipient.get("gender", ""),
                recipient.get("unit_code", recipient["code"]),
                recipient.get("unit_name", recipient["full_name"]),
            ]
        )
        if count % 500 == 0:
            yield flush()
    yield flush()


def streamed_export(*, user, date_from: dt.date, date_to: dt.date, fmt: str):
    """The export of ``user``'s reach for the period as a streamed download, ``fmt`` being
    ``"json"`` or ``"csv"``: the response the page and the API both give."""
    rows = decision_awards(user=user, date_from=date_from, date_to=date_to)
    name = f"quyet-dinh-khen-thuong-{date_from:%Y%m%d}-{date_to:%Y%m%d}"
    if fmt == "csv":
        response = StreamingHttpResponse(csv_chunks(rows), content_type="text/csv; charset=utf-8")
        name += ".csv"
    else:
        response = StreamingHttpResponse(
            json_chunks(rows, date_from=date_from, date_to=date_to),
            content_type="application/json; charset=utf-8",
        )
        name += ".json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
