"""Associations of the town and their members."""
