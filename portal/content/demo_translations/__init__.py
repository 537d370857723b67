"""Per language: TEXTS, the translation of each demo text by its French text (see portal/content/demo.py)."""
