"""Pages of the scoring app, by sub-domain."""
