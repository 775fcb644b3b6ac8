"""API routes for scorecards, rankings and cluster vote results."""

from ninja import Router

router = Router(tags=["Chấm điểm, xếp hạng"])
