"""``flask backup`` and ``flask restore``: the demo comes back identical in a fresh database; a
file that is not a Passerelle database (of this version or an older one) is refused and nothing
changes; an older backup is upgraded, and the replaced database is kept. On the run's kind of
database: SQLite, or PostgreSQL when TEST_DATABASE_URL names one (pg_dump, pg_restore, psql)."""
import os
import stat
from pathlib import Path

import sqlalchemy as sa
from flask_migrate import upgrade

from portal import page_cache
from portal.associations.models import Association
from portal.content import operations as content
from portal.database import db
from portal.demo import load_demo
from portal.rooms.models import Place
from tests import factories
from tests.conftest import Client
from tests.databases import app_on, contents, fresh_database

POSTGRESQL = os.environ.get("TEST_DATABASE_URL", "").startswith("postgres")
SUFFIX = ".dump" if POSTGRESQL else ".sqlite3"
DIRECTIONS = "Tram A, arrêt Les Prés. Ascenseur à gauche de l'entrée."


def invoke(app, *args, **options):
    # In the app's own context: the command would otherwise run in the test's (another database).
    with app.app_context():
        return app.test_cli_runner().invoke(args=list(args), **options)


def backups(app):
    folder = Path(app.instance_path) / "backups"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_backup_of_the_demo_restores_identically_into_a_fresh_database(app, tmp_path):
    load_demo()
    # Taken while a request is half-way through a write: the backup neither waits for it
    # nor holds what it had not committed.
    with db.engine.connect() as request:
        request.execute(sa.insert(Association.__table__).values(name="Pas encore enregistrée", description=""))
        result = invoke(app, "backup")
        request.rollback()
    assert result.exit_code == 0, result.output
    [written] = backups(app)
    assert written.name.startswith("passerelle-") and written.suffix == SUFFIX
    assert f"Sauvegarde écrite : {written} (révision 0012" in result.output
    # Personal data: readable by the portal's account only.
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
    expected = contents()
    assert all(expected[table] for table in ("users", "occurrences", "sessions", "buddy_people", "buddy_consents",
                                             "translated_texts", "alembic_version"))

    with fresh_database(tmp_path) as url:
        fresh = app_on(url, tmp_path / "fresh")
        result = invoke(fresh, "restore", "--yes", str(written))
        assert result.exit_code == 0, result.output
        assert f"Base restaurée depuis {written} (révision 0012)." in result.output
        with fresh.app_context():
            assert contents() == expected
            db.engine.dispose()


def refused(app, path, message):
    before = contents()
    result = invoke(app, "restore", "--yes", str(path))
    assert result.exit_code == 1
    assert message in result.output and "Rien n'a été changé." in result.output, result.output
    assert contents() == before
    assert backups(app) == []  # nothing was about to be replaced


def test_restore_refuses_a_file_that_is_not_a_database(app, tmp_path, make_user):
    make_user()
    notes = tmp_path / "notes.txt"
    notes.write_text("Liste des courses : pain, lait.")
    refused(app, notes, "n'est pas une sauvegarde de pg_dump" if POSTGRESQL else "n'est pas une base SQLite")
    # The other kind's backup says which it is.
    other = tmp_path / "autre"
    other.write_bytes((b"SQLite format 3\x00" if POSTGRESQL else b"PGDMP") + bytes(200))
    refused(app, other, "ce portail utilise PostgreSQL" if POSTGRESQL else "ce portail utilise SQLite")


def test_restore_refuses_a_database_of_another_schema(app, tmp_path, make_user):
    make_user()
    with fresh_database(tmp_path) as url:
        other = app_on(url, tmp_path / "other")
        with other.app_context():
            def backed_up(name, *statements):
                with db.engine.begin() as connection:
                    for statement in statements:
                        connection.execute(sa.text(statement))
                assert invoke(other, "backup", str(tmp_path / f"{name}{SUFFIX}")).exit_code == 0
                return tmp_path / f"{name}{SUFFIX}"

            unversioned = backed_up("sans-revision", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
            unknown = backed_up("inconnue", "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)",
                                "INSERT INTO alembic_version VALUES ('4f2a9c1d7e')")
            # A revision number Passerelle has too, on tables that are not Passerelle's.
            homonym = backed_up("homonyme", "UPDATE alembic_version SET version_num = '0005'")
            db.engine.dispose()
    refused(app, unversioned, "n'est pas une base Passerelle (aucune révision de migration)")
    refused(app, unknown, "est à la révision « 4f2a9c1d7e », inconnue de ce portail (révision 0012)")
    refused(app, homonym, "n'a pas le schéma de la révision 0005 de Passerelle (table en trop : notes; "
                          "table manquante : account_tokens")


def test_an_older_backup_is_upgraded_and_the_replaced_database_is_kept(tmp_path):
    with fresh_database(tmp_path) as old_url, fresh_database(tmp_path) as live_url:
        old = app_on(old_url, tmp_path / "old")
        with old.app_context():
            upgrade(revision="0011")  # the previous release: directions were a column of places
            with db.engine.begin() as connection:
                connection.execute(sa.text(
                    "INSERT INTO places (id, name, kind, address, neighbourhood, directions, created_at) VALUES "
                    "(1, 'Médiathèque', 'mediatheque', '4 allée des Lilas', '', :directions, '2026-01-01 00:00:00')"),
                    {"directions": DIRECTIONS})
            factories.make_user(roles=("staff",), email="ancienne@passerelle.example")
            backup = tmp_path / f"0011{SUFFIX}"
            assert invoke(old, "backup", str(backup)).exit_code == 0
            db.engine.dispose()

        live = app_on(live_url, tmp_path / "live")
        with live.app_context():
            upgrade()
            factories.make_place(name="Salle des fêtes")
            # Account 1 here is signed in; account 1 of the backup is another person.
            browser = Client(live.test_client())
            browser.login(factories.make_user(roles=("staff",), email="actuelle@passerelle.example"))
            assert browser.get("/personnes").status_code == 200
            calendar = page_cache.version(page_cache.CALENDAR)
            db.session.close()
            replaced = contents()

            # Asked first; "no" changes nothing.
            result = invoke(live, "restore", str(backup), input="n\n")
            assert result.exit_code == 1 and "(révision 0011) va remplacer toute la base" in result.output
            assert contents() == replaced and backups(live) == []

            result = invoke(live, "restore", "--yes", str(backup))
            assert result.exit_code == 0, result.output
            assert "(révision 0011, mise à jour en révision 0012)" in result.output
            [kept] = backups(live)
            assert kept.name.startswith("avant-restauration-")
            assert f"La base remplacée est sauvegardée dans {kept}." in result.output
            [place] = db.session.scalars(sa.select(Place)).all()
            assert place.name == "Médiathèque"
            assert content.variants(place.directions_key) == {("fr", "standard"): DIRECTIONS}
            # What the running portal held belongs to the replaced data: its cached calendars are
            # not reused, and nobody stays signed in.
            assert page_cache.version(page_cache.CALENDAR) > calendar
            assert browser.get("/personnes").status_code == 302
            # The copy taken first passes the checks: it could be restored in turn.
            assert stat.S_IMODE(kept.stat().st_mode) == 0o600
            db.session.close()
            asked = invoke(live, "restore", str(kept), input="n\n").output
            assert "(révision 0012) va remplacer toute la base" in asked
            db.engine.dispose()


def test_without_the_postgresql_tools_the_commands_say_what_to_run(tmp_path, monkeypatch):
    monkeypatch.setattr("portal.backup.shutil.which", lambda tool: None)
    app = app_on("postgresql://portail:s3cr3t-mot-de-passe@db.example:5433/passerelle", tmp_path / "instance")
    backup = invoke(app, "backup")
    restore = invoke(app, "restore", "--yes", __file__)
    for result, command in ((backup, "pg_dump --format=custom"), (restore, "pg_restore --clean --if-exists")):
        assert result.exit_code == 1
        assert command in result.output and "introuvable" in result.output
        assert "--host=db.example --port=5433 --username=portail" in result.output
        assert "s3cr3t" not in result.output
    assert backups(app) == []
