"""The Word templates of decisions, submissions and achievement reports (see
``tdkt.documents.registry``). Defaults are built by ``templates_docx/build_templates.py`` in
the Decree 30/2020 layout; the office may replace them from the UI."""

from pathlib import Path

from tdkt.documents.registry import WordTemplate, register

TEMPLATES = Path(__file__).resolve().parent / "templates_docx"

DECISION = "awards.decision"
SUBMISSION = "awards.submission"
REPORT = "awards.achievement_report"

_ROW = {"index": 1, "name": "Nguyễn Văn An", "position": "Kiểm sát viên, VKSND tỉnh Phú Thọ"}


def _decision_sample() -> dict:
    return {
        "issuer_upper": "",
        "issuer": "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO",
        "number": "125/QĐ-VKSTC",
        "place_and_date": "Hà Nội, ngày 20 tháng 12 năm 2026",
        "day": "20/12/2026",
        "summary": "Về việc tặng danh hiệu Chiến sĩ thi đua cơ sở năm 2026",
        "authority": "Viện trưởng Viện kiểm sát nhân dân tối cao",
        "bases": ["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;"],
        "count": 1,
        "kind": "Theo công trạng và thành tích",
        "years": "2026",
        "money_total": "2.530.000",
        "base_salary": "2.530.000",
        "signer_title": "Viện trưởng",
        "signer": "Nguyễn Huy Tiến",
        "recipients_note": "- Như Điều 3;\n- Lưu: VT, Vụ TĐKT.",
        "revoked": "",
        "list_title": "DANH SÁCH KÈM THEO",
        "list_count": 1,
        "list_money": "2.530.000",
        "rows": [{**_ROW, "award": "Chiến sĩ thi đua cơ sở", "money": "2.530.000"}],
    }


def _submission_sample() -> dict:
    return {
        "issuer_upper": "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO",
        "issuer": "VIỆN KIỂM SÁT NHÂN DÂN TỈNH PHÚ THỌ",
        "number": "15/TTr-VKS",
        "place_and_date": "Phú Thọ, ngày 01 tháng 12 năm 2026",
        "day": "01/12/2026",
        "summary": "Về việc đề nghị khen thưởng Tổng kết năm 2026",
        "receiver": "Viện trưởng Viện kiểm sát nhân dân tối cao",
        "preamble": "Căn cứ kết quả bình xét của Hội đồng Thi đua – Khen thưởng đơn vị.",
        "count": 1,
        "signer_title": "Viện trưởng",
        "signer": "",
        "recipients_note": "- Như trên;\n- Lưu: VT.",
        "rows": [{**_ROW, "award": "Chiến sĩ thi đua cơ sở", "achievement": "Hoàn thành xuất sắc"}],
    }


def _report_sample() -> dict:
    return {
        "issuer_upper": "VIỆN KIỂM SÁT NHÂN DÂN TỈNH PHÚ THỌ",
        "issuer": "VKSND KHU VỰC 1 – PHÚ THỌ",
        "place_and_date": "Phú Thọ, ngày 01 tháng 12 năm 2026",
        "award": "Chiến sĩ thi đua cơ sở",
        "year": 2026,
        "name": "Nguyễn Văn An",
        "profile": [{"label": "Họ và tên", "value": "Nguyễn Văn An"}],
        "achievement": "Hoàn thành xuất sắc nhiệm vụ được giao.",
        "awards": [
            {
                "year": 2025,
                "award": "Lao động tiên tiến",
                "decision": "12/QĐ ngày 20/12/2025",
                "authority": "Viện trưởng",
            }
        ],
        "initiatives": [{"year": 2025, "title": "Sổ tay kiểm sát", "scope": "Cấp cơ sở"}],
    }


_LIST = "rows: index (STT), name (họ và tên), position (chức vụ, đơn vị), award (danh hiệu)"

register(
    WordTemplate(
        key=DECISION,
        title="Quyết định khen thưởng kèm danh sách",
        default_path=TEMPLATES / "quyet_dinh_khen_thuong.docx",
        sample=_decision_sample,
        variables={
            "issuer_upper": "cơ quan chủ quản (có thể để trống)",
            "issuer": "cơ quan ban hành",
            "number": "số quyết định",
            "place_and_date": "địa danh, ngày tháng năm ký",
            "day": "ngày ký (dd/mm/yyyy)",
            "summary": "trích yếu",
            "authority": "thẩm quyền quyết định",
            "bases": "danh sách căn cứ ban hành",
            "count": "số trường hợp được khen thưởng",
            "kind": "loại hình khen thưởng",
            "years": "năm thành tích",
            "money_total": "tổng tiền thưởng (đồng)",
            "base_salary": "mức lương cơ sở tại ngày ký (đồng)",
            "signer_title": "chức vụ người ký",
            "signer": "người ký",
            "recipients_note": "nơi nhận",
            "revoked": "ghi chú nếu quyết định đã bị hủy bỏ",
            "list_title": "tiêu đề danh sách (trích danh sách khi người xem chỉ thấy một phần)",
            "list_count": "số trường hợp trong danh sách",
            "list_money": "tổng tiền thưởng trong danh sách (đồng)",
            "rows": _LIST + ", money (tiền thưởng)",
        },
    )
)

register(
    WordTemplate(
        key=SUBMISSION,
        title="Tờ trình đề nghị khen thưởng kèm danh sách",
        default_path=TEMPLATES / "to_trinh_khen_thuong.docx",
        sample=_submission_sample,
        variables={
            "issuer_upper": "cơ quan cấp trên của đơn vị trình",
            "issuer": "đơn vị trình",
            "number": "số tờ trình",
            "place_and_date": "địa danh, ngày tháng năm",
            "day": "ngày trình (dd/mm/yyyy)",
            "summary": "trích yếu",
            "receiver": "nơi nhận (kính gửi)",
            "preamble": "căn cứ, lý do đề nghị",
            "count": "số trường hợp đề nghị",
            "signer_title": "chức vụ người ký",
            "signer": "người ký",
            "recipients_note": "nơi nhận",
            "rows": _LIST + ", achievement (tóm tắt thành tích)",
        },
    )
)

register(
    WordTemplate(
        key=REPORT,
        title="Báo cáo thành tích đề nghị khen thưởng",
        default_path=TEMPLATES / "bao_cao_thanh_tich.docx",
        sample=_report_sample,
        variables={
            "issuer_upper": "cơ quan cấp trên",
            "issuer": "đơn vị",
            "place_and_date": "địa danh, ngày tháng năm",
            "award": "danh hiệu, hình thức đề nghị",
            "year": "năm xét",
            "name": "tên cá nhân, tập thể",
            "profile": "sơ lược lý lịch: label, value",
            "achievement": "tóm tắt thành tích của dòng đề nghị",
            "awards": "khen thưởng đã nhận: year, award, decision, authority",
            "initiatives": "sáng kiến được công nhận: year, title, scope",
        },
    )
)
