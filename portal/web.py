"""Shared view helpers: who may use a view, fragment-or-page rendering, safe redirects.

Access is denied by default: a view that does not declare who may use it answers 403
to everyone, and ``tests/test_access.py`` fails on any such view.
"""
from urllib.parse import urlsplit, urlunsplit

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.routing import IntegerConverter

from portal.database import MAX_ID

EVERYONE = "everyone"
SIGNED_IN = "signed-in"


class RecordId(IntegerConverter):
    """``<int:…>`` in an address: a number beyond what an id column holds (PostgreSQL's integer)
    matches no route, a 404, instead of failing in the database with a 500."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def public(view):
    """Anyone, with or without an account (QR-code pages, emergency numbers)."""
    view.access_rule = EVERYONE
    return view


def signed_in(view):
    """Any person with an active account, whatever their roles."""
    view.access_rule = SIGNED_IN
    return view


def allow(*roles):
    """Only people holding at least one of ``roles``."""

    def decorate(view):
        view.access_rule = frozenset(roles)
        return view

    return decorate


def access_rule(endpoint):
    if endpoint == "static":
        return EVERYONE
    view = current_app.view_functions.get(endpoint)
    return getattr(view, "access_rule", None)


def may_use(endpoint, user=current_user):
    """The single answer to "may this person open this view?", for the guard and for menus."""
    rule = access_rule(endpoint)
    if rule == EVERYONE:
        return True
    if rule is None or not user.is_authenticated:
        return False
    return rule == SIGNED_IN or user.has_role(*rule)


def _guard():
    if request.endpoint is None:  # 404 and 405 are answered by the router
        return None
    if may_use(request.endpoint):
        return None
    if not current_user.is_authenticated and access_rule(request.endpoint) is not None:
        to_login = _to_login_page()
        if request.htmx:
            # htmx would follow the redirect itself and swap the whole login page into a
            # fragment (a search result, say): it is asked to take the browser there instead.
            return current_app.response_class(status=204, headers={"HX-Redirect": to_login.location})
        return to_login
    abort(403)


def _to_login_page():
    manager = current_app.login_manager
    if request.method in ("GET", "HEAD"):
        return manager.unauthorized()  # and back to this page once signed in
    # A form sent after the session ended: its address only takes forms, so after signing in
    # the person goes back to the page the form was on.
    flash(manager.login_message, manager.login_message_category)
    return redirect(url_for(manager.login_view, next=local_referrer()))


def local_referrer():
    """The page of the portal the person came from (path and query), or None."""
    referrer = urlsplit(request.referrer or "")
    if referrer.scheme in ("http", "https") and referrer.netloc == request.host:
        return urlunsplit(("", "", referrer.path, referrer.query, "")) or None
    return None


def wants_fragment():
    """htmx asks for a piece of the page (a history restore needs the whole page)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def render(template, partial=None, status=200, **context):
    """The whole page, or only ``partial`` when htmx asks for a fragment."""
    name = partial if (partial and wants_fragment()) else template
    return render_template(name, **context), status


def safe_next(target, fallback="core.home"):
    """Follow ``next`` only inside the portal, never to another site."""
    if target and _is_local_path(target):
        return target
    return url_for(fallback)


def _is_local_path(target):
    # Browsers read "/\\evil.example" as "//evil.example" and drop tabs and newlines inside
    # URLs, so a path with a backslash or a control character is not trusted either.
    if any(char == "\\" or ord(char) < 0x20 or ord(char) == 0x7f for char in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//")


def redirect_back(fallback="core.home"):
    return redirect(safe_next(request.form.get("next") or request.args.get("next"), fallback))


def owned_or_404(obj):
    if obj is None:
        abort(404)
    return obj


def _refuse_what_no_form_sends():
    """Refused at the door, where they would otherwise fail deep inside with a 500: a JSON body
    (Flask-WTF reads it as the form, with values of any type; the portal's forms send none), and
    a NUL character (no one types one, and PostgreSQL cannot store it)."""
    if request.is_json and request.method not in ("GET", "HEAD", "OPTIONS"):
        abort(415)
    sent = (*request.args.items(multi=True), *request.form.items(multi=True))
    if "\x00" in request.path or any("\x00" in name or "\x00" in value for name, value in sent):
        abort(400)


def init_app(app):
    app.before_request(_refuse_what_no_form_sends)
    app.before_request(_guard)

    @app.after_request
    def vary_on_htmx(response):
        # Pages and fragments share URLs: caches must keep them apart.
        response.vary.add("HX-Request")
        return response

    app.jinja_env.globals["may_use"] = may_use
