"""API route describing the caller: who they are and which roles they hold where."""

from ninja import Router, Schema

router = Router(tags=["Tài khoản"])


class RoleOut(Schema):
    role: str
    unit_id: int
    unit_name: str


class MeOut(Schema):
    username: str
    display_name: str
    is_superuser: bool
    person_id: int | None
    roles: list[RoleOut]


@router.get("", response=MeOut, summary="Người dùng hiện tại và vai trò")
def me(request):
    user = request.user
    roles = [
        {"role": r.role, "unit_id": r.unit_id, "unit_name": r.unit.short_name}
        for r in user.roles.select_related("unit")
    ]
    return {
        "username": user.username,
        "display_name": user.display_name,
        "is_superuser": user.is_superuser,
        "person_id": user.person_id,
        "roles": roles,
    }
