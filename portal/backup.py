"""Backing the database up and restoring it: ``flask --app portal backup [PATH]`` and
``flask --app portal restore PATH``.

SQLite: the online backup API copies a consistent snapshot while the portal serves requests
(with WAL, writers are not held up), and a restore copies the checked file back the same way,
so the portal's open connections see the new contents instead of a file pulled from under
them. PostgreSQL: ``pg_dump --format=custom``, and ``pg_restore`` fed to ``psql`` in a single
transaction (all or nothing); without these tools, the commands explain what to run.

A file is restored only if it is a Passerelle database: a migration revision this code knows
(the same as now, or older: it is then upgraded), and exactly the tables and columns of that
revision. The current database is backed up first, in case; the sessions signed in and the
pages cached on it are not valid on the restored one (see ``_move_past``).
"""
import itertools
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import click
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.pool import NullPool, StaticPool

from portal.database import db

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
POSTGRESQL_TOOLS = ("pg_dump", "pg_restore", "psql")
# A table's data in pg_restore's script: ``COPY public.places (id, name, …) FROM stdin;``.
COPY_LINE = re.compile(r'COPY public\.(?P<table>"?[^ ]+?"?) \((?P<columns>.*)\) FROM stdin;')
END_OF_COPY = "\\."


@dataclass
class Restored:
    revision: str  # the backup's
    head: str  # the database's now
    previous: Path | None  # the backup of the database that was replaced


def refuse(message):
    raise click.ClickException(f"{message} Rien n'a été changé.")


# --- where backups go ----------------------------------------------------------------------

def backups_folder():
    return Path(current_app.instance_path) / "backups"


def _create_private(path):
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _new_file(target, stem, suffix):
    """Create the backup file, empty and readable by the portal only (it holds personal data):
    ``target`` itself, or a dated file in the folder ``target`` (instance/backups when None)."""
    if target is not None and not target.is_dir():
        try:
            _create_private(target)
        except FileExistsError:
            refuse(f"{target} existe déjà : choisissez un autre nom.")
        except OSError as error:
            refuse(f"Impossible d'écrire {target} : {error.strerror}.")
        return target
    folder = target or backups_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in itertools.count():
        path = folder / f"{stem}-{stamp}{f'-{n}' if n else ''}{suffix}"
        try:
            _create_private(path)
            return path
        except FileExistsError:
            continue


def _dialect():
    return db.engine.url.get_backend_name()


# --- what a Passerelle database looks like ---------------------------------------------------

def _config():
    return current_app.extensions["migrate"].migrate.get_config()


def _script():
    return ScriptDirectory.from_config(_config())


def _migrate(engine, revision):
    """Upgrade ``engine``'s database to ``revision`` with the portal's migrations, the way
    ``flask db upgrade`` does (env.py works on the portal's own database only)."""
    config = _config()
    script = ScriptDirectory.from_config(config)
    with EnvironmentContext(config, script, destination_rev=revision,
                            fn=lambda current, _context: script._upgrade_revs(revision, current)) as environment:
        with engine.connect() as connection:
            environment.configure(connection=connection, target_metadata=db.metadata)
            with environment.begin_transaction():
                environment.run_migrations()


def _tables_and_columns(connection):
    inspector = sa.inspect(connection)
    return {table: frozenset(column["name"] for column in inspector.get_columns(table))
            for table in inspector.get_table_names()}


@cache
def _schema_at(revision):
    """{table: its columns} of a database built by the migrations up to ``revision``."""
    engine = sa.create_engine("sqlite://", poolclass=StaticPool)
    try:
        _migrate(engine, revision)
        with engine.connect() as connection:
            return _tables_and_columns(connection)
    finally:
        engine.dispose()


def _checked(path, tables, revisions):
    """The backup's revision, once its tables and columns are those of that revision."""
    if "alembic_version" not in tables or len(revisions) != 1:
        refuse(f"{path} n'est pas une base Passerelle (aucune révision de migration).")
    [revision] = revisions
    script = _script()
    head = script.get_current_head()
    if revision not in {step.revision for step in script.walk_revisions()}:
        refuse(f"{path} est à la révision « {revision} », inconnue de ce portail (révision {head}) : "
               f"une base d'une autre application, ou d'une version plus récente de Passerelle.")
    expected = _schema_at(revision)
    if tables != expected:
        differences = [f"table en trop : {t}" for t in sorted(tables.keys() - expected.keys())]
        differences += [f"table manquante : {t}" for t in sorted(expected.keys() - tables.keys())]
        differences += [f"colonnes différentes : {t}" for t in sorted(tables.keys() & expected.keys())
                        if tables[t] != expected[t]]
        refuse(f"{path} n'a pas le schéma de la révision {revision} de Passerelle "
               f"({'; '.join(differences[:5])}{' …' if len(differences) > 5 else ''}).")
    return revision


def _revision(engine):
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


# What the running portal holds refers to the database it serves: cached pages are keyed by the
# data versions (portal/page_cache.py), session cookies name an account and its session version
# (portal/auth/operations.py). Restored numbers at or below the replaced ones would let cached
# pages of the replaced data be shown again, and cookies signed out since the backup (or
# naming another person's account) sign in again: they are moved past them.
_SET_VERSION = sa.text("INSERT INTO data_versions (name, value) VALUES (:name, :value) "
                       "ON CONFLICT (name) DO UPDATE SET value = excluded.value")


@dataclass
class _Held:
    versions: dict
    session_version: int  # the highest of the replaced accounts (0: none)


def _held(engine):
    with engine.connect() as connection:
        tables = set(sa.inspect(connection).get_table_names())
        versions = (dict(connection.execute(sa.text("SELECT name, value FROM data_versions")).all())
                    if "data_versions" in tables else {})
        sessions = (connection.execute(sa.text("SELECT max(session_version) FROM users")).scalar()
                    if "users" in tables else None)
    return _Held(versions, sessions or 0)


def _move_past(engine, held):
    restored = _held(engine).versions
    with engine.begin() as connection:
        for name, value in held.versions.items():
            if restored.get(name, 0) <= value:
                connection.execute(_SET_VERSION, {"name": name, "value": value + 1})
        if held.session_version:  # every version is 1 or more: all end above the replaced ones
            connection.execute(sa.text("UPDATE users SET session_version = session_version + :shift"),
                               {"shift": held.session_version})


def _magic(path):
    with open(path, "rb") as file:
        return file.read(len(SQLITE_MAGIC))


# --- SQLite ----------------------------------------------------------------------------------

def _sqlite_path():
    url = db.engine.url
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        raise click.ClickException("Cette base SQLite n'est pas un fichier : rien à sauvegarder ni à remplacer.")
    return Path(url.database)


def _backup_sqlite(target, stem="passerelle"):
    source = _sqlite_path()
    if not source.exists():
        raise click.ClickException(f"Pas de base à sauvegarder : {source} n'existe pas.")
    path = _new_file(target, stem, ".sqlite3")
    copy = sqlite3.connect(path)
    live = db.engine.raw_connection()
    try:
        live.driver_connection.backup(copy)
        # One self-contained file: no -wal file beside it to forget when it is copied away.
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        live.close()
        copy.close()
    return path


def _restore_sqlite(path, confirm):
    if _magic(path).startswith(PG_DUMP_MAGIC):
        refuse(f"{path} est une sauvegarde PostgreSQL ; ce portail utilise SQLite.")
    live = _sqlite_path()
    # The backup is checked and upgraded in a copy beside the database (same disk), never in place.
    with tempfile.TemporaryDirectory(dir=live.parent, prefix=".restauration-") as folder:
        copy_path = Path(folder) / "copie.sqlite3"
        try:
            with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as source, \
                    sqlite3.connect(copy_path) as copy:
                source.backup(copy)
                intact = copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            refuse(f"{path} n'est pas une base SQLite.")
        if not intact:
            refuse(f"{path} est une base SQLite abîmée (PRAGMA integrity_check).")
        copy = sa.create_engine(f"sqlite:///{copy_path}", poolclass=NullPool)
        try:
            with copy.connect() as connection:
                tables = _tables_and_columns(connection)
                revisions = (connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
                             if "alembic_version" in tables else [])
            revision = _checked(path, tables, revisions)
            confirm(revision)
            head = _script().get_current_head()
            if revision != head:
                _migrate(copy, head)
            previous, held = None, _Held({}, 0)
            if live.exists() and live.stat().st_size:
                held = _held(db.engine)
                previous = _backup_sqlite(None, stem="avant-restauration")
            _move_past(copy, held)
        finally:
            copy.dispose()
        # Through SQLite, not by replacing the file: the portal's connections see the new pages.
        target = db.engine.raw_connection()
        try:
            with sqlite3.connect(copy_path) as source:
                source.backup(target.driver_connection)
        finally:
            target.close()
    db.engine.dispose()
    return Restored(revision, head, previous)


# --- PostgreSQL ------------------------------------------------------------------------------

def _postgresql_connection():
    """(libpq URI without the password, environment giving it to the tools): the password is
    never on a command line, where anyone on the machine could read it."""
    url = db.engine.url
    environment = dict(os.environ)
    if url.password:
        environment["PGPASSWORD"] = url.password
    uri = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return uri, environment


def _postgresql_advice(command):
    url = db.engine.url
    connection = (f"--host={url.host or 'localhost'} --port={url.port or 5432} "
                  f"--username={url.username or os.environ.get('USER', 'postgres')}")
    name = url.database or "passerelle"
    missing = ", ".join(tool for tool in POSTGRESQL_TOOLS if not shutil.which(tool))
    steps = {
        "backup": [f"pg_dump --format=custom --no-owner --no-privileges {connection} "
                   f"--file=passerelle-$(date +%Y%m%d-%H%M%S).dump {name}"],
        "restore": [f"pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction "
                    f"{connection} --dbname={name} SAUVEGARDE.dump",
                    "flask --app portal db upgrade   # si la sauvegarde vient d'une version plus ancienne"],
    }[command]
    raise click.ClickException(
        f"PostgreSQL : cette commande a besoin de pg_dump, pg_restore et psql ({missing} introuvable(s)). "
        f"Installez le client PostgreSQL de la version du serveur (paquet postgresql-client), ou lancez "
        f"depuis une machine qui l'a :\n  " + "\n  ".join(steps) +
        "\nLe mot de passe est demandé par ces commandes, ou lu dans ~/.pgpass ou PGPASSWORD.")


def _needs_postgresql_tools(command):
    if not all(shutil.which(tool) for tool in POSTGRESQL_TOOLS):
        _postgresql_advice(command)


def _run(arguments, **options):
    _, environment = _postgresql_connection()
    return subprocess.run(arguments, env=environment, capture_output=True, text=True, check=False,
                          **options)


def _backup_postgresql(target, stem="passerelle"):
    _needs_postgresql_tools("backup")
    path = _new_file(target, stem, ".dump")
    uri, _ = _postgresql_connection()
    done = _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}", f"--dbname={uri}"])
    if done.returncode:
        path.unlink()
        raise click.ClickException(f"pg_dump a échoué : {done.stderr.strip()}")
    return path


def _archive_contents(path):
    """({table: columns}, rows of alembic_version) read from a pg_dump archive, or a refusal."""
    tables, revisions, reading = {}, [], None
    _, environment = _postgresql_connection()
    with tempfile.TemporaryFile() as errors:
        with subprocess.Popen(["pg_restore", "--data-only", "--file=-", str(path)],
                              stdout=subprocess.PIPE, stderr=errors, env=environment,
                              text=True, encoding="utf-8", errors="replace") as process:
            for line in process.stdout:
                line = line.rstrip("\n")
                if reading is not None:
                    if line == END_OF_COPY:
                        reading = None
                    elif reading == "alembic_version":
                        revisions.append(line)
                    continue
                found = COPY_LINE.fullmatch(line)
                if found:
                    reading = found["table"].strip('"')
                    tables[reading] = frozenset(c.strip().strip('"') for c in found["columns"].split(","))
        if process.returncode:
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace").strip().splitlines()
            refuse(f"{path} n'est pas une sauvegarde de pg_dump --format=custom "
                   f"({said[0] if said else process.returncode}).")
    return tables, revisions


def _restore_postgresql(path, confirm):
    _needs_postgresql_tools("restore")
    if _magic(path) == SQLITE_MAGIC:
        refuse(f"{path} est une base SQLite ; ce portail utilise PostgreSQL.")
    revision = _checked(path, *_archive_contents(path))
    confirm(revision)
    held = _held(db.engine)
    previous = _backup_postgresql(None, stem="avant-restauration")
    db.engine.dispose()
    uri, environment = _postgresql_connection()
    with tempfile.TemporaryFile() as errors:
        with subprocess.Popen(["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(path)],
                              stdout=subprocess.PIPE, stderr=errors, env=environment) as script:
            # One transaction: the old schema goes only if the whole backup loads.
            loaded = _run(["psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction",
                           "--command=DROP SCHEMA IF EXISTS public CASCADE", "--command=CREATE SCHEMA public",
                           "--file=-", f"--dbname={uri}"], stdin=script.stdout)
        if script.returncode or loaded.returncode:
            errors.seek(0)
            said = (errors.read().decode("utf-8", "replace") + loaded.stderr).strip()
            refuse(f"La restauration de {path} a échoué : {said}")
    head = _script().get_current_head()
    if revision != head:
        _migrate(db.engine, head)
    _move_past(db.engine, held)
    db.engine.dispose()
    return Restored(revision, head, previous)


# --- the commands ----------------------------------------------------------------------------

def backup(target=None):
    """Back the database up into ``target`` (a file, or a folder; instance/backups by default)."""
    return _backup_sqlite(target) if _dialect() == "sqlite" else _backup_postgresql(target)


def restore(path, confirm=lambda revision: None):
    """Replace the database by the backup at ``path`` once checked; ``confirm(revision)`` may
    still stop it (by raising) before anything is changed."""
    return (_restore_sqlite if _dialect() == "sqlite" else _restore_postgresql)(Path(path), confirm)


@click.command("backup")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@with_appcontext
def backup_command(path):
    """Back the database up, safely while the portal is serving: into PATH (a file, or a folder),
    by default a dated file in instance/backups/ (.sqlite3, or .dump made by pg_dump)."""
    written = backup(path)
    click.echo(f"Sauvegarde écrite : {written} (révision {_revision(db.engine)}, "
               f"{written.stat().st_size // 1024 + 1} ko). Elle contient des données personnelles : "
               f"gardez-la en lieu sûr.")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(path, yes):
    """Replace the whole database by the backup PATH, once checked to be a Passerelle database of
    this version or an older one (then upgraded). The current database is backed up first."""
    def confirm(revision):
        if not yes:
            click.confirm(f"{path} (révision {revision}) va remplacer toute la base du portail. Continuer ?",
                          abort=True)

    restored = restore(path, confirm)
    upgraded = f", mise à jour en révision {restored.head}" if restored.revision != restored.head else ""
    click.echo(f"Base restaurée depuis {path} (révision {restored.revision}{upgraded}).")
    if restored.previous:
        click.echo(f"La base remplacée est sauvegardée dans {restored.previous}.")
    click.echo("Redémarrez le portail pour que tous ses processus repartent de la base restaurée.")
