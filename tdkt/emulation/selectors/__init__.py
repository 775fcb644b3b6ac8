"""Reads of the emulation app, always scoped to the acting user; one module per sub-domain."""
