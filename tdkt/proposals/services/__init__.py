"""Writes of proposals, one module per sub-domain; every write is a ``<entity>_<action>``
function with keyword-only arguments that raises ``DomainError`` with a Vietnamese message."""
