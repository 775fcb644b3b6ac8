"""Template context shared by every page: the navigation for the current user."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tdkt.accounts.scope import reach_of


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    icon: str
    active: bool


_ITEMS = [
    # label, url name, icon, action needed (None: any logged-in user)
    (_("Tổng quan"), "web:home", "speedometer2", None),
    (_("Đơn vị"), "org:tree", "diagram-3", "view"),
    (_("Cán bộ"), "people:list", "people", "view"),
    (_("Rà soát"), "eligibility:sweep", "funnel", "view"),
    (_("Thi đua"), "emulation:cluster-list", "flag", "view"),
    (_("Chấm điểm"), "scoring:index", "clipboard-check", "view"),
    (_("Đề nghị"), "proposals:round-list", "send-check", "view"),
    (_("Sáng kiến"), "initiatives:list", "lightbulb", "view"),
    (_("Danh mục"), "catalog:award-types", "award", "view"),
    (_("Quy tắc"), "rules:index", "journal-check", "view"),
    (_("Nhập dữ liệu"), "imports:upload", "upload", "import"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    reach = reach_of(user)
    current = request.path
    items = []
    for label, name, icon, action in _ITEMS:
        if action and not reach.allows_anywhere(action):
            continue
        url = reverse(name)
        active = current == url if url == "/" else current.startswith(url)
        items.append(NavItem(str(label), url, icon, active))
    return {"nav_items": items, "reach": reach}
