"""The REST API under /api/v1/, assembled from each app's ``api.py``."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="TĐKT API",
    version="1",
    description="API của hệ thống thi đua, khen thưởng ngành Kiểm sát nhân dân.",
    urls_namespace="api",
)
