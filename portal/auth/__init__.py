"""Accounts and roles: signing in, invitations, password resets, the account page, people."""
