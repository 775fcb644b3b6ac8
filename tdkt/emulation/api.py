"""API routes for movements, registrations and clusters."""

from ninja import Router

router = Router(tags=["Thi đua"])
