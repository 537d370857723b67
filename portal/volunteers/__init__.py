"""Volunteers: session teams and their roles, "Mon planning", reminders."""
