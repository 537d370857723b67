"""Places and rooms of the town."""
