"""Writes of the emulation app, one module per sub-domain. Each validates, saves and records
who changed what; rule breaks raise ``DomainError`` with a Vietnamese message."""
