"""API route evaluating a case in the documented case format (docs/rule-cases.md)."""

from typing import Annotated, Any

from ninja import Body, Router
from ninja.responses import Status

from tdkt.rules.cases import CaseError, parse_case
from tdkt.rules.engine import EvaluationError, evaluate

router = Router(tags=["Xét điều kiện"])

CASE_EXAMPLE = {
    "code": "CSTDCS",
    "year": 2024,
    "person": {"id": "CB1", "recruitment_date": "2015-03-01", "ratings": {"2024": "HTXSNV"}},
}


@router.post("/case", summary="Xét một hồ sơ theo định dạng case", response={200: dict, 422: dict})
def evaluate_case(request, payload: Annotated[dict[str, Any], Body(examples=[CASE_EXAMPLE])]):
    """Evaluate the facts sent (not the database): the verdict with every condition checked.

    A malformed case answers 422 with the field at fault; an unknown code or a date outside
    the rules' coverage answers 422 naming ``code`` or ``reference_date``.
    """
    try:
        case = parse_case(payload)
        verdict = evaluate(case.subject(), case.code, case.year, case.reference_date)
    except CaseError as error:
        errors = [{"field": field, "message": message} for field, message in error.errors]
        return Status(422, {"detail": "Hồ sơ không hợp lệ.", "errors": errors})
    except EvaluationError as error:
        body = {
            "detail": error.message,
            "errors": [{"field": error.field, "message": error.message}],
        }
        return Status(422, body)
    return Status(200, verdict.as_dict())
