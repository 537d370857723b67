"""Configuration sources, database settings, the demo command, migrations, outgoing mail."""
import os
import stat

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from portal import config, create_app, demo
from portal.associations.models import Association, Membership
from portal.auth import operations
from portal.auth.models import User
from portal.database import db
from portal.rooms.models import Place

CONFIG_VARIABLES = ("SECRET_KEY", "DATABASE_URL", "PORTAL_TOWN_NAME", "PORTAL_TIMEZONE", "MAIL_SERVER",
                    "MAIL_PORT", "MAIL_USE_TLS", "LOGIN_RATE_LIMIT")


@pytest.fixture
def clean_environment(monkeypatch):
    for variable in CONFIG_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


def fresh_app(instance, **overrides):
    return create_app({"RATELIMIT_ENABLED": False, **overrides}, instance_path=instance)


# --- configuration --------------------------------------------------------------------------

def test_a_secret_key_is_generated_once_and_reused(clean_environment, tmp_path):
    instance = tmp_path / "instance"
    first = fresh_app(instance)
    key_file = instance / "secret_key"
    assert key_file.exists()
    assert len(first.config["SECRET_KEY"]) >= 32
    assert first.config["SECRET_KEY"] == key_file.read_text().strip()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600  # readable by the portal only
    second = fresh_app(instance)
    assert second.config["SECRET_KEY"] == first.config["SECRET_KEY"]
    # Another installation gets another key; no draft is left behind.
    assert fresh_app(tmp_path / "other").config["SECRET_KEY"] != first.config["SECRET_KEY"]
    assert sorted(p.name for p in instance.iterdir()) == ["secret_key"]


def test_sessions_survive_a_restart(clean_environment, tmp_path):
    instance = tmp_path / "instance"
    database = f"sqlite:///{tmp_path / 'restart.sqlite3'}"
    before = fresh_app(instance, SQLALCHEMY_DATABASE_URI=database).test_client()
    with before.session_transaction() as session:
        session["locale"] = "en"
    cookie = before.get_cookie("session").value
    after = fresh_app(instance, SQLALCHEMY_DATABASE_URI=database).test_client()
    after.set_cookie("session", cookie, domain="localhost")
    assert '<html lang="en"' in after.get("/").get_data(as_text=True)


def test_the_secret_key_from_the_environment_wins(clean_environment, tmp_path):
    clean_environment.setenv("SECRET_KEY", "from-the-environment")
    app = fresh_app(tmp_path / "instance")
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert not (tmp_path / "instance" / "secret_key").exists()


def test_defaults(clean_environment, tmp_path):
    app = fresh_app(tmp_path / "instance")
    assert app.config["PORTAL_TIMEZONE"] == "Europe/Paris"
    assert app.config["PORTAL_LOCALES"][0] == "fr"
    assert app.config["BABEL_DEFAULT_LOCALE"] == "fr"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'instance' / 'passerelle.sqlite3'}"
    assert app.config["OUTBOX_PATH"] == str(tmp_path / "instance" / "outbox")


def test_the_environment_overrides_the_defaults(clean_environment, tmp_path):
    clean_environment.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'autre.sqlite3'}")
    clean_environment.setenv("PORTAL_TOWN_NAME", "Ville de Saint-Essai")
    clean_environment.setenv("PORTAL_TIMEZONE", "America/Cayenne")
    clean_environment.setenv("MAIL_PORT", "2525")
    clean_environment.setenv("MAIL_USE_TLS", "false")
    clean_environment.setenv("LOGIN_RATE_LIMIT", "5 per minute")
    app = fresh_app(tmp_path / "instance")
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'autre.sqlite3'}"
    assert app.config["PORTAL_TOWN_NAME"] == "Ville de Saint-Essai"
    assert app.config["PORTAL_TIMEZONE"] == "America/Cayenne"
    assert app.config["BABEL_DEFAULT_TIMEZONE"] == "America/Cayenne"
    assert app.config["MAIL_PORT"] == 2525
    assert app.config["MAIL_USE_TLS"] is False
    assert app.config["LOGIN_RATE_LIMIT"] == "5 per minute"
    assert "Ville de Saint-Essai" in app.test_client().get("/").get_data(as_text=True)


def test_the_instance_file_overrides_the_defaults_and_the_environment_overrides_it(clean_environment, tmp_path):
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text(
        'PORTAL_TOWN_NAME = "Ville du Fichier"\nPORTAL_TIMEZONE = "Europe/Brussels"\n'
        'SOLITUDECOUTE_HOURS = "De 15 h à 20 h"\n')
    app = fresh_app(instance)
    assert app.config["PORTAL_TOWN_NAME"] == "Ville du Fichier"
    assert app.config["PORTAL_TIMEZONE"] == "Europe/Brussels"
    assert "De 15 h à 20 h" in app.test_client().get("/urgence").get_data(as_text=True)
    clean_environment.setenv("PORTAL_TOWN_NAME", "Ville de l'Environnement")
    assert fresh_app(instance).config["PORTAL_TOWN_NAME"] == "Ville de l'Environnement"
    assert fresh_app(instance).config["PORTAL_TIMEZONE"] == "Europe/Brussels"


@pytest.mark.parametrize("url, expected", [
    ("postgres://u:p@db.example:5432/portail", "postgresql+psycopg://u:p@db.example:5432/portail"),
    ("postgresql://u@db.example/portail", "postgresql+psycopg://u@db.example/portail"),
    ("postgresql+psycopg2://u@db.example/portail", "postgresql+psycopg://u@db.example/portail"),
    ("postgresql+psycopg://u@db.example/portail", "postgresql+psycopg://u@db.example/portail"),
    ("sqlite:////srv/portail.sqlite3", "sqlite:////srv/portail.sqlite3"),
])
def test_postgresql_urls_go_through_psycopg_3(url, expected):
    assert config.psycopg_url(url) == expected


def test_a_postgres_url_from_the_environment_is_rewritten(clean_environment, tmp_path):
    clean_environment.setenv("DATABASE_URL", "postgres://portail@db.example/portail")
    app = fresh_app(tmp_path / "instance")
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://portail@db.example/portail"
    with app.app_context():
        assert db.engine.dialect.driver == "psycopg"


def test_sqlite_has_foreign_keys_and_wal_and_syncs_normally(clean_environment, tmp_path):
    app = fresh_app(tmp_path / "instance", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'pragmas.sqlite3'}")
    with app.app_context():
        with db.engine.connect() as connection:
            assert connection.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(sa.text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        db.engine.dispose()


def test_the_database_refuses_a_membership_of_nobody(app):
    association = Association(name="Lien et Voisinage", description="")
    db.session.add(association)
    db.session.commit()
    db.session.add(Membership(user_id=999999, association_id=association.id))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()


# --- models and migrations ------------------------------------------------------------------

def test_the_migrations_build_exactly_the_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                               "compare_server_default": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_the_database_is_at_the_latest_migration(app):
    from alembic.script import ScriptDirectory

    directory = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
    with db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    assert set(current) == set(directory.get_heads())


# --- the demo -------------------------------------------------------------------------------

def counts():
    return {model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
            for model in (User, Association, Place, Membership)}


def test_the_demo_loads_a_believable_town_and_can_run_twice(runner):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    first = counts()
    assert first == {"User": 5, "Association": 3, "Place": 6, "Membership": 3}
    kinds = set(db.session.scalars(sa.select(Place.kind)))
    assert kinds == {"mairie", "ccas", "mediatheque", "maison_quartier", "equipement", "sante_universitaire"}
    roles = {role for user in db.session.scalars(sa.select(User)) for role in user.roles}
    assert roles == {"admin", "staff", "association", "volunteer", "mediator"}

    again = runner.invoke(args=["demo"])
    assert again.exit_code == 0, again.output
    db.session.expire_all()
    assert counts() == first


def test_demo_accounts_can_sign_in(runner, client):
    runner.invoke(args=["demo"])
    response = client.post("/connexion", {"email": "vie-associative@passerelle.example",
                                          "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/personnes").status_code == 200


def test_demo_if_empty_leaves_a_used_database_alone(runner, make_user):
    make_user(email="vraie.personne@mairie.example")
    result = runner.invoke(args=["demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert counts() == {"User": 1, "Association": 0, "Place": 0, "Membership": 0}


def test_demo_if_empty_fills_an_empty_database(runner):
    result = runner.invoke(args=["demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert counts()["User"] == 5


# --- outgoing mail --------------------------------------------------------------------------

def test_mail_goes_to_the_outbox_in_the_recipients_language(app, make_user, outbox):
    staff = make_user(roles=("staff",), name="Nadia Benali", locale="en")
    with app.test_request_context(headers={"Accept-Language": "en"}):
        operations.invite_person(staff, "awa@passerelle.example", "Awa Diallo", ["volunteer"], [], locale="fr")
        from flask_babel import force_locale, gettext

        with force_locale("en"):
            english_subject = gettext("Votre invitation sur Passerelle")
        operations.invite_person(staff, "bob@passerelle.example", "Bob Smith", ["volunteer"], [], locale="en")
    sent = {to: (subject, body) for to, subject, body in outbox()}
    subject, body = sent["awa@passerelle.example"]
    assert subject == "Votre invitation sur Passerelle"
    assert "Bonjour Awa Diallo," in body and "Nadia Benali vous invite" in body
    assert "14 jours" in body
    assert "http://passerelle.test/invitation/" in body
    assert sent["bob@passerelle.example"][0] == english_subject


def test_a_mail_without_a_chosen_language_is_in_french(app, make_user, outbox):
    person = make_user(locale=None, email="awa@passerelle.example")
    with app.test_request_context(headers={"Accept-Language": "en"}):
        operations.request_password_reset(person.email)
    [(to, subject, body)] = outbox()
    assert to == "awa@passerelle.example"
    assert subject == "Choisir un nouveau mot de passe sur Passerelle"
    assert "2 heures" in body


def test_mail_headers(app, make_user, outbox):
    from email import message_from_bytes, policy
    from pathlib import Path

    person = make_user(email="awa@passerelle.example")
    with app.test_request_context():
        operations.request_password_reset(person.email)
    [path] = Path(app.config["OUTBOX_PATH"]).glob("*.eml")
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["From"] == app.config["MAIL_FROM"]
    assert message["Message-ID"]
    assert os.path.getsize(path) > 0
