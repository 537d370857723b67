"""The session kit: the printed charter, local resources sheet and escalation plan."""
