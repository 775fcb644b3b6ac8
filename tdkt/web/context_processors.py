"""Template context shared by every page: the navigation for the current user.

The menu is a few entries and groups; a group opens a dropdown of entries. An entry is shown
only to users whose roles grant its action somewhere; a group with no entry left is hidden.
"""

from dataclasses import dataclass, field, replace

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.scope import reach_of


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    icon: str
    active: bool
    children: list["NavItem"] = field(default_factory=list)


# label, url name, icon, action needed (None: any logged-in user)
_ENTRY = tuple[str, str, str, str | None]
_MENU: list[_ENTRY | tuple[str, str, list[_ENTRY]]] = [
    (_("Tổng quan"), "web:home", "speedometer2", None),
    (_("Đơn vị"), "org:tree", "diagram-3", "view"),
    (_("Cán bộ"), "people:list", "people", "view"),
    (
        _("Thi đua"),
        "flag",
        [
            (_("Cụm, khối thi đua"), "emulation:cluster-list", "grid-3x3-gap", "view"),
            (_("Phong trào thi đua"), "emulation:movement-list", "megaphone", "view"),
            (_("Đăng ký thi đua"), "emulation:registration-list", "pencil-square", "view"),
            (_("Chấm điểm, xếp hạng"), "scoring:index", "clipboard-check", "view"),
        ],
    ),
    (
        _("Khen thưởng"),
        "send-check",
        [
            (_("Rà soát điều kiện"), "eligibility:sweep", "funnel", "view"),
            (_("Đợt đề nghị"), "proposals:round-list", "send-check", "view"),
            (_("Đề nghị của đơn vị"), "proposals:proposal-list", "folder2-open", "view"),
            (_("Thẩm định"), "proposals:appraisal-queue", "search", "change_catalog"),
            (_("Hội đồng, phiên họp"), "council:council-list", "people-fill", "view"),
            (_("Lấy ý kiến nhân dân"), "consultation:list", "megaphone", "change_catalog"),
            (_("Quyết định khen thưởng"), "awards:decision-list", "file-earmark-check", "view"),
            (_("Tờ trình cấp trên"), "awards:transmission-list", "send", "change_catalog"),
            (_("In bằng khen, giấy khen"), "certificates:decisions", "printer", "view"),
            (_("Sáng kiến"), "initiatives:list", "lightbulb", "view"),
        ],
    ),
    (
        _("Báo cáo"),
        "bar-chart",
        [
            (_("Bảng điều hành"), "statistics:dashboard", "speedometer", "view"),
            (_("Thống kê"), "statistics:index", "bar-chart", "view"),
            (
                _("Biểu mẫu thống kê (BNV)"),
                "official_forms:index",
                "file-earmark-spreadsheet",
                "view",
            ),
            (_("Điển hình tiên tiến"), "advanced_models:list", "star", "view"),
            (_("Xuất quyết định (JSON, CSV)"), "reports:decisions-export", "filetype-json", "view"),
        ],
    ),
    (
        _("Danh mục"),
        "award",
        [
            (_("Danh hiệu, hình thức"), "catalog:award-types", "award", "view"),
            (_("Văn bản pháp lý"), "catalog:documents", "journal-text", "view"),
            (_("Quy tắc xét"), "rules:index", "journal-check", "view"),
            (_("Thành phần hồ sơ"), "proposals:checklists", "folder-check", "view"),
            (_("Mẫu văn bản"), "documents:list", "file-earmark-word", "change_catalog"),
            (_("Mẫu phôi bằng khen"), "certificates:forms", "layout-text-window", "change_catalog"),
            (_("Ngày nghỉ lễ, Tết"), "web:holidays", "calendar-event", "view"),
            (_("Nhập dữ liệu"), "imports:upload", "upload", "import"),
        ],
    ),
]


def _entry(reach, current: str, entry: _ENTRY) -> NavItem | None:
    label, name, icon, action = entry
    if action and not reach.allows_anywhere(action):
        return None
    try:
        url = reverse(name)
    except NoReverseMatch:  # an app not installed in this deployment
        return None
    active = current == url if url == "/" else current.startswith(url)
    return NavItem(str(label), url, icon, active)


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    reach = reach_of(user)
    current = request.path
    items = []
    for spec in _MENU:
        if isinstance(spec[2], list):
            label, icon, entries = spec
            children = [c for c in (_entry(reach, current, e) for e in entries) if c]
            if children:
                items.append(NavItem(str(label), children[0].url, icon, False, children))
        else:
            item = _entry(reach, current, spec)
            if item:
                items.append(item)
    return {"nav_items": _keep_longest_match(items), "reach": reach}


def _keep_longest_match(items: list[NavItem]) -> list[NavItem]:
    """Only the entry whose address is the longest prefix of the page's stays active (e.g. the
    checklists under /de-nghi/thanh-phan-ho-so/ light "Danh mục", not the rounds at
    /de-nghi/), and the group holding it."""
    leaves = [child for item in items for child in (item.children or [item])]
    longest = max((len(leaf.url) for leaf in leaves if leaf.active), default=-1)

    def keep(leaf: NavItem) -> NavItem:
        return replace(leaf, active=leaf.active and len(leaf.url) == longest)

    out = []
    for item in items:
        if item.children:
            children = [keep(child) for child in item.children]
            out.append(replace(item, active=any(c.active for c in children), children=children))
        else:
            out.append(keep(item))
    return out
