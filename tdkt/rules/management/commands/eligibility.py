"""``manage.py eligibility CASE.json``: print the verdict for a case as JSON.

Exit status 0 when a verdict was given (whatever it is), 2 when the case is malformed or the
question cannot be answered (unknown code, date outside the rules' coverage).
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from tdkt.rules.cases import CaseError, parse_case
from tdkt.rules.engine import EvaluationError, evaluate


class Command(BaseCommand):
    help = "Xét điều kiện khen thưởng cho một hồ sơ JSON (xem docs/rule-cases.md)."

    def add_arguments(self, parser):
        parser.add_argument("case", help="Đường dẫn tệp JSON, hoặc - để đọc từ đầu vào chuẩn")

    def handle(self, *args, case, **options):
        try:
            text = sys.stdin.read() if case == "-" else Path(case).read_text(encoding="utf-8")
            data = json.loads(text)
            parsed = parse_case(data)
            verdict = evaluate(parsed.subject(), parsed.code, parsed.year, parsed.reference_date)
        except OSError as exc:
            return self._fail([("case", f"không đọc được tệp: {exc.strerror}")])
        except json.JSONDecodeError as exc:
            return self._fail([("case", f"JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno}")])
        except CaseError as exc:
            return self._fail(exc.errors)
        except EvaluationError as exc:
            return self._fail([(exc.field, exc.message)])
        self.stdout.write(json.dumps(verdict.as_dict(), ensure_ascii=False, indent=2))

    def _fail(self, errors):
        payload = {"errors": [{"field": f, "message": m} for f, m in errors]}
        self.stderr.write(json.dumps(payload, ensure_ascii=False, indent=2))
        sys.exit(2)
