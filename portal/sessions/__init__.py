"""Sessions: an association turns a format into a real, regular meeting (the guide's six steps)."""
