"""Binômes de convivialité: the buddy queue, matching, pairs and their consents."""
