"""Proposal rounds, proposals of units, their lines (candidate × code) and dossiers."""
