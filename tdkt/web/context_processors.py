"""Template context shared by every page: the navigation for the current user."""


def navigation(request):
    return {}
