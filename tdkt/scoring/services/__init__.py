"""Writes of the scoring app, by sub-domain. Every function validates, saves and records history."""
