"""Response headers that every page carries, cookies that stay secret over HTTPS, and the digest
kept of secret links (a stolen database does not give the links themselves)."""
import hashlib

from flask import request
from flask.sessions import SecureCookieSessionInterface

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


def token_digest(raw_token):
    """What is stored of a secret link's token: its SHA-256, looked up as it comes in.

    That lookup is the comparison, and its timing gives nothing away, so hmac.compare_digest
    has no part to play: the database compares the digest of what was sent, never the token,
    so a slower answer reveals at most how much of that digest matches a stored one, and
    crafting a token whose digest matches more would mean inverting SHA-256."""
    return hashlib.sha256(raw_token.encode()).hexdigest()


class SessionInterface(SecureCookieSessionInterface):
    """The session cookie is marked Secure whenever the request came over HTTPS.

    Served on plain http://127.0.0.1 for development it must not be, or nobody could log in.
    """

    def get_cookie_secure(self, app):
        return app.config["SESSION_COOKIE_SECURE"] or request.is_secure


def init_app(app):
    app.session_interface = SessionInterface()

    @app.after_request
    def security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        return response
