"""Passerelle: the application factory.

Each domain is a package with its blueprint, models, forms, views and ``operations``
(the business rules, which tests call directly).
"""
from pathlib import Path

from flask import Flask

from portal import audit, config, errors, i18n, navigation, page_cache, security, web
from portal.extensions import babel, csrf, db, htmx, limiter, login_manager, migrate

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config=None, instance_path=None):
    app = Flask(
        __name__,
        instance_path=str(instance_path or PROJECT_ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    config.load(app, test_config)
    config.trust_proxy(app)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(PROJECT_ROOT / "translations")
    app.url_map.converters["int"] = web.RecordId  # before the first route is added

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)

    from portal.accessibility import views as accessibility
    from portal.associations import views as associations
    from portal.binomes import manage_views as _buddy_manage, public_views as _buddy_public, views as binomes  # noqa: F401 (they add routes)
    from portal.auth import people_views, views as auth  # noqa: F401 (people_views adds routes)
    from portal.content import views as content
    from portal.core import views as core
    from portal.formats import views as formats
    from portal.indicators import privacy_views as _indicators_privacy  # noqa: F401 (it adds routes)
    from portal.indicators import public_views as _indicators_public, team_views as _indicators_team  # noqa: F401
    from portal.indicators import views as indicators
    from portal.kit import views as kit
    from portal.resources import views as resources
    from portal.sessions import public_views, views as sessions  # noqa: F401 (public_views adds routes)
    from portal.volunteers import views as volunteers
    from portal.rooms import booking_views, manage_views, poster_views, views as rooms  # noqa: F401 (they add routes)

    for domain in (core, auth, associations, rooms, formats, resources, kit, sessions, volunteers, binomes, indicators, content,
                   accessibility):
        app.register_blueprint(domain.bp)

    web.init_app(app)
    navigation.init_app(app)
    audit.init_app(app)
    page_cache.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    errors.init_app(app)

    from portal import cli

    cli.init_app(app)
    return app
