"""The directory of local help (care, social, rights, listening lines, town hall contacts)."""
