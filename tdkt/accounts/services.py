"""Writes to accounts: roles and personal API tokens."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tdkt.accounts.models import ApiToken, User, hash_token
from tdkt.core.errors import DomainError

TOKEN_NAME_REQUIRED = "Hãy đặt tên gợi nhớ cho mã truy cập."
TOKEN_ALREADY_REVOKED = "Mã truy cập này đã bị thu hồi."


@transaction.atomic
def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a personal API token; returns it and the raw key, which is never stored."""
    name = (name or "").strip()
    if not name:
        raise DomainError(_(TOKEN_NAME_REQUIRED), field="name")
    raw = ApiToken.new_raw_key()
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=raw[5:13], key_hash=hash_token(raw)
    )
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke a token; it stops working at once. Revoking twice is refused."""
    if token.revoked_at is not None:
        raise DomainError(_(TOKEN_ALREADY_REVOKED))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at", "updated_at"])
    return token


def token_authenticate(raw: str) -> User | None:
    """The active user owning an unrevoked token with this raw key, or None."""
    if not raw or not raw.startswith("tdkt_"):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
