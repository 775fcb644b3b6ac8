"""The Word templates of the scoring app (see ``tdkt.documents.registry``)."""

from pathlib import Path

from tdkt.documents.registry import WordTemplate, register

TEMPLATES = Path(__file__).resolve().parent / "templates_docx"


def _minutes_sample() -> dict:
    return {
        "cluster": "Cụm 3",
        "kind": "cụm thi đua",
        "year": 2025,
        "organiser": "Viện kiểm sát nhân dân tối cao",
        "place": "Viện kiểm sát nhân dân tỉnh Phú Thọ",
        "day": "10/12/2025",
        "time": "09 giờ 30",
        "members": 5,
        "voted": 5,
        "voters": ["Viện kiểm sát nhân dân tỉnh Phú Thọ", "Viện kiểm sát nhân dân tỉnh Lào Cai"],
        "share": "80%",
        "denominator": "tổng số thành viên",
        "needed": "4,0",
        "unsure": True,
        "citation": "Thông tư 01/2019/TT-VKSTC",
        "ranking": [
            {
                "rank": 1,
                "unit": "Viện kiểm sát nhân dân tỉnh Phú Thọ",
                "total": "96,50",
                "band": "Xuất sắc",
            }
        ],
        "candidates": [
            {
                "unit": "Viện kiểm sát nhân dân tỉnh Phú Thọ",
                "kind": "Đơn vị dẫn đầu (Cờ thi đua)",
                "agree": 5,
                "disagree": 0,
                "abstain": 0,
                "approved": "Đạt",
            }
        ],
        "leading": "Viện kiểm sát nhân dân tỉnh Phú Thọ",
    }


register(
    WordTemplate(
        key="scoring.vote_minutes",
        title="Biên bản bình xét, suy tôn của cụm, khối",
        default_path=TEMPLATES / "bien_ban_binh_xet.docx",
        sample=_minutes_sample,
        variables={
            "cluster": "tên cụm, khối",
            "kind": "cụm thi đua hay khối thi đua",
            "year": "năm thi đua",
            "organiser": "đơn vị tổ chức",
            "place": "địa điểm họp",
            "day": "ngày họp",
            "time": "giờ kết thúc",
            "members": "số thành viên",
            "voted": "số thành viên đã bỏ phiếu",
            "voters": "danh sách đơn vị đã bỏ phiếu",
            "share": "tỷ lệ đồng ý tối thiểu",
            "denominator": "mẫu số của tỷ lệ",
            "needed": "số phiếu đồng ý cần có",
            "unsure": "tham số chưa chắc chắn (đúng/sai)",
            "citation": "căn cứ của ngưỡng",
            "ranking": "bảng xếp hạng: rank, unit, total, band",
            "candidates": "kết quả từng đơn vị: unit, kind, agree, disagree, abstain, approved",
            "leading": "đơn vị dẫn đầu",
        },
    )
)
