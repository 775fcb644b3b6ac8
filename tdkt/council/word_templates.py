"""The Word templates of the council app (see ``tdkt.documents.registry``)."""

from pathlib import Path

from tdkt.documents.registry import WordTemplate, register

TEMPLATES = Path(__file__).resolve().parent / "templates_docx"


def _minutes_sample() -> dict:
    return {
        "unit_upper": "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO",
        "place_and_date": "Hà Nội, ngày 15 tháng 12 năm 2026",
        "council": "Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân",
        "day": "15/12/2026",
        "opened": "09 giờ 00",
        "closed": "10 giờ 30",
        "place": "Phòng họp số 1",
        "member_count": 5,
        "present_count": 4,
        "quorum": "4/5, đủ tối thiểu 2/3 tổng số thành viên",
        "quorum_note": "Căn cứ: Điều 47 NĐ 98/2023/NĐ-CP (chưa chắc chắn).",
        "members": [
            {
                "index": 1,
                "name": "Nguyễn Văn An",
                "role": "Chủ tịch",
                "present": "Có mặt",
                "turnout": "Đã bỏ phiếu",
            }
        ],
        "item_count": 1,
        "turnout": 5,
        "written": 1,
        "rows": [
            {
                "position": 1,
                "candidate": "Trần Thị Bình",
                "unit": "VKSND thành phố Hà Nội",
                "award": "CSTD_NGANH – Chiến sĩ thi đua ngành Kiểm sát nhân dân",
                "agree": 5,
                "disagree": 0,
                "abstain": 0,
                "not_voted": 0,
                "computation": "5/5 = 100,0% ≥ 90% tổng số thành viên",
                "result": "Đạt",
            }
        ],
        "passed_count": 1,
        "failed_count": 0,
        "unsure_note": "(*) Tham số chưa chắc chắn.",
        "secretary": "Lê Văn Cường",
        "chair": "Nguyễn Văn An",
    }


register(
    WordTemplate(
        key="council.minutes",
        title="Biên bản họp Hội đồng Thi đua – Khen thưởng",
        default_path=TEMPLATES / "bien_ban_hop_hoi_dong.docx",
        sample=_minutes_sample,
        variables={
            "unit_upper": "tên đơn vị có hội đồng (chữ in hoa)",
            "place_and_date": "địa danh, ngày tháng năm",
            "council": "tên hội đồng",
            "day": "ngày họp",
            "opened": "giờ mở bỏ phiếu",
            "closed": "giờ kết thúc bỏ phiếu",
            "place": "địa điểm họp",
            "member_count": "số thành viên biểu quyết",
            "present_count": "số thành viên có mặt",
            "quorum": "số có mặt so với tỷ lệ tối thiểu",
            "quorum_note": "căn cứ của tỷ lệ tối thiểu",
            "members": "thành viên: index, name, role, present, turnout",
            "item_count": "số trường hợp được xem xét",
            "turnout": "số phiếu đã bỏ",
            "written": "số phiếu gửi bằng văn bản",
            "rows": "kết quả từng trường hợp: position, candidate, unit, award, agree, "
            "disagree, abstain, not_voted, computation, result",
            "passed_count": "số trường hợp đạt",
            "failed_count": "số trường hợp không đạt",
            "unsure_note": "ghi chú về tham số chưa chắc chắn",
            "secretary": "họ tên thư ký",
            "chair": "họ tên chủ tịch hội đồng",
        },
    )
)
