"""The Word templates of the emulation app (see ``tdkt.documents.registry``)."""

from pathlib import Path

from tdkt.documents.registry import WordTemplate, register

TEMPLATES = Path(__file__).resolve().parent / "templates_docx"


def _covenant_sample() -> dict:
    return {
        "year": 2026,
        "kind": "Cụm thi đua",
        "cluster_name": "Cụm 3",
        "organiser": "Viện kiểm sát nhân dân tối cao",
        "place_and_date": "Hà Nội, ngày 15 tháng 02 năm 2026",
        "preamble": "Thực hiện Hướng dẫn của Viện kiểm sát nhân dân tối cao về công tác thi đua.",
        "targets": [
            {"position": 1, "text": "Hoàn thành 100% chỉ tiêu nghiệp vụ", "level": "100%"},
            {"position": 2, "text": "Không có án bị hủy do lỗi chủ quan", "level": ""},
        ],
        "signatures": [
            {
                "index": 1,
                "unit": "Viện kiểm sát nhân dân tỉnh Phú Thọ",
                "role": "Cụm trưởng, khối trưởng",
                "signer": "Nguyễn Văn An",
                "when": "09:30 15/02/2026",
            }
        ],
        "status": "Đã có 1/5 đơn vị thành viên ký.",
    }


register(
    WordTemplate(
        key="emulation.covenant",
        title="Giao ước thi đua của cụm, khối",
        default_path=TEMPLATES / "giao_uoc.docx",
        sample=_covenant_sample,
        variables={
            "year": "năm thi đua",
            "kind": "cụm thi đua hay khối thi đua",
            "cluster_name": "tên cụm, khối",
            "organiser": "đơn vị tổ chức cụm, khối",
            "place_and_date": "địa danh, ngày tháng năm",
            "preamble": "lời mở đầu của giao ước",
            "targets": "danh sách chỉ tiêu: position (số thứ tự), text (nội dung), level (mức)",
            "signatures": "danh sách chữ ký: index, unit, role, signer, when",
            "status": "tình trạng ký",
        },
    )
)
