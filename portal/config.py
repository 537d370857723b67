"""Configuration: defaults here; ``instance/config.py`` then environment variables override."""
import os
import secrets
from pathlib import Path

from werkzeug.middleware.proxy_fix import ProxyFix

# Environment variables read on start-up, with the config key each one sets.
ENVIRONMENT_KEYS = {
    "SECRET_KEY": "SECRET_KEY",
    "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "PORTAL_TIMEZONE": "PORTAL_TIMEZONE",
    "PORTAL_TOWN_NAME": "PORTAL_TOWN_NAME",
    "MAIL_SERVER": "MAIL_SERVER",
    "MAIL_PORT": "MAIL_PORT",
    "MAIL_USERNAME": "MAIL_USERNAME",
    "MAIL_PASSWORD": "MAIL_PASSWORD",
    "MAIL_USE_TLS": "MAIL_USE_TLS",
    "MAIL_FROM": "MAIL_FROM",
    "RATELIMIT_STORAGE_URI": "RATELIMIT_STORAGE_URI",
    "LOGIN_RATE_LIMIT": "LOGIN_RATE_LIMIT",
    "BINOME_WAIT_WEEKS": "BINOME_WAIT_WEEKS",
    "BINOME_RETENTION_MONTHS": "BINOME_RETENTION_MONTHS",
    "INDICATORS_MIN_COUNT": "INDICATORS_MIN_COUNT",
    "ACCESSIBILITY_AUDIT_PATH": "ACCESSIBILITY_AUDIT_PATH",
    "SESSION_COOKIE_SECURE": "SESSION_COOKIE_SECURE",
    "PROXY_FIX_X_FOR": "PROXY_FIX_X_FOR",
    "PROXY_FIX_X_PROTO": "PROXY_FIX_X_PROTO",
    "PROXY_FIX_X_HOST": "PROXY_FIX_X_HOST",
}
# Values that arrive from the environment as text but are not text.
INTEGER_KEYS = {"MAIL_PORT", "BINOME_WAIT_WEEKS", "BINOME_RETENTION_MONTHS", "INDICATORS_MIN_COUNT",
                "PROXY_FIX_X_FOR", "PROXY_FIX_X_PROTO", "PROXY_FIX_X_HOST"}
BOOLEAN_KEYS = {"MAIL_USE_TLS", "SESSION_COOKIE_SECURE"}


class Defaults:
    PORTAL_TOWN_NAME = "Ville de Belleville-sur-Loire"
    PORTAL_TIMEZONE = "Europe/Paris"
    # French is the source language; the others must be complete catalogues.
    PORTAL_LOCALES = ("fr", "en", "ar", "es", "pt", "uk")

    SQLALCHEMY_DATABASE_URI = None  # set from the instance folder when left empty
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None  # a form left open over lunch must still post
    # The largest request body (larger: 413). Far above the longest form (a charter in every
    # language), far below a worker's memory: without it a urlencoded form is read whole, whatever
    # its size.
    MAX_CONTENT_LENGTH = 1024 * 1024

    # Behind a reverse proxy: how many proxies to believe for each X-Forwarded-* header (client
    # address, https, host name). 0 believes none: anyone can send these headers.
    PROXY_FIX_X_FOR = 0
    PROXY_FIX_X_PROTO = 0
    PROXY_FIX_X_HOST = 0

    # Development default: mails are written to instance/outbox; SMTP when MAIL_SERVER is set.
    MAIL_SERVER = None
    MAIL_PORT = 587
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_USE_TLS = True
    MAIL_FROM = "vie-associative@mairie.example"

    RATELIMIT_STORAGE_URI = "memory://"
    # Redis out of reach: each process counts on its own until it answers again, rather than
    # every login failing.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = "10 per minute"

    # Rendered calendars kept per worker (see portal/page_cache.py); each is some tens of kB.
    PAGE_CACHE_SIZE = 128

    INVITATION_DAYS = 14
    PASSWORD_RESET_HOURS = 2
    PASSWORD_MIN_LENGTH = 10

    # Binômes: a person waiting longer than this is flagged in the mediators' queue; the follow-up
    # point comes this many days after a pair starts (the guide: 2 weeks); the personal data of
    # people whose pair ended, or who paused, goes after this many months without news.
    BINOME_WAIT_WEEKS = 4
    BINOME_FOLLOW_UP_DAYS = 14
    BINOME_RETENTION_MONTHS = 12

    # Indicators: a figure built from fewer answers or people than this is shown as "moins de K";
    # a follow-up contact left after the questionnaire is used once, or forgotten after this.
    INDICATORS_MIN_COUNT = 5
    FOLLOW_UP_KEEP_WEEKS = 6

    # Accessibility statement (portal/accessibility/statement.py). The latest automated audit's
    # result is one JSON file. A full manual RGAA audit, when one was made, is
    # {"date": "2026-11-02", "auditor": "…", "rate": 87.5}; derogations for disproportionate
    # burden and contents outside the obligation are sentences in the source language (None for
    # the latter: documents the associations send, which the portal does not produce).
    ACCESSIBILITY_AUDIT_PATH = None  # <instance>/accessibility-audit.json when left empty
    ACCESSIBILITY_MANUAL_AUDIT = None
    ACCESSIBILITY_DEROGATIONS = ()
    ACCESSIBILITY_EXEMPT_CONTENTS = None
    ACCESSIBILITY_CONTACT_EMAIL = None  # the privacy page's contact (MAIL_FROM) when left empty


def load(app, overrides=None):
    """Fill ``app.config`` in order: defaults, instance file, environment, explicit overrides."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    for variable, key in ENVIRONMENT_KEYS.items():
        if variable in os.environ:
            app.config[key] = _from_text(key, os.environ[variable])
    if overrides:
        app.config.update(overrides)

    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'passerelle.sqlite3'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = psycopg_url(app.config["SQLALCHEMY_DATABASE_URI"])
    app.config.setdefault("OUTBOX_PATH", str(instance / "outbox"))
    if not app.config.get("ACCESSIBILITY_AUDIT_PATH"):
        app.config["ACCESSIBILITY_AUDIT_PATH"] = str(instance / "accessibility-audit.json")
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(instance / "secret_key")
    app.config["BABEL_DEFAULT_LOCALE"] = app.config["PORTAL_LOCALES"][0]
    app.config["BABEL_DEFAULT_TIMEZONE"] = app.config["PORTAL_TIMEZONE"]


def trust_proxy(app):
    """Take the client's address, the scheme and the host from the X-Forwarded-* headers, as
    configured (see Defaults): the login limits count per person, not per proxy, and links and
    Secure cookies follow the https the visitor used."""
    hops = {header: app.config[f"PROXY_FIX_X_{header.upper()}"] for header in ("for", "proto", "host")}
    if any(hops.values()):
        app.wsgi_app = ProxyFix(app.wsgi_app, **{f"x_{header}": count for header, count in hops.items()})


def psycopg_url(url):
    """PostgreSQL URLs go through psycopg 3, whatever driver the URL names."""
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _from_text(key, value):
    if key in INTEGER_KEYS:
        return int(value)
    if key in BOOLEAN_KEYS:
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return value


def _instance_secret(path):
    # Generated once so that sessions survive restarts without anyone choosing a key.
    if not path.exists():
        # Written whole and private (0600) under a temporary name, then linked into place:
        # when several workers start together, the first link wins and all read the same key.
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32))
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()
