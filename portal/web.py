"""Shared view helpers: who may use a view, fragment-or-page rendering, safe redirects.

Access is denied by default: a view that does not declare who may use it answers 403
to everyone, and ``tests/test_access.py`` fails on any such view.
"""
from functools import wraps
from urllib.parse import urlsplit

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user

EVERYONE = "everyone"
SIGNED_IN = "signed-in"


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
        return current_app.login_manager.unauthorized()
    abort(403)


def render(template, partial=None, status=200, **context):
    """The whole page, or only ``partial`` when htmx asks for a fragment."""
    wants_fragment = request.htmx and not request.htmx.history_restore_request
    name = partial if (partial and wants_fragment) else template
    return render_template(name, **context), status


def safe_next(target, fallback="core.home"):
    """Follow ``next`` only inside the portal, never to another site."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//"):
            return target
    return url_for(fallback)


def redirect_back(fallback="core.home"):
    return redirect(safe_next(request.form.get("next") or request.args.get("next"), fallback))


def owned_or_404(obj):
    if obj is None:
        abort(404)
    return obj


def init_app(app):
    app.before_request(_guard)

    @app.after_request
    def vary_on_htmx(response):
        # Pages and fragments share URLs: caches must keep them apart.
        response.vary.add("HX-Request")
        return response

    app.jinja_env.globals["may_use"] = may_use
