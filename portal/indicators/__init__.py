"""Indicators that measure without policing: counts, the anonymous questionnaire, follow-up, dashboard."""
