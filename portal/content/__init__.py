"""Translated content: a text per (locale, register), register being standard or easy-to-read."""
