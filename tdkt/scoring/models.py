"""Scoring tables, scorecards, cross-review of a cluster, ranking and the cluster vote."""
