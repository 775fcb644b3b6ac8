"""Emulation during the year: movements, registrations, clusters and blocks, covenants."""
