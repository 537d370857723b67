"""The migrations, up and down, on a scratch database of the run's kind (SQLite, or PostgreSQL
when TEST_DATABASE_URL names one): each downgrade gives back exactly the schema its upgrade
started from, down to nothing, and up again; a database of the previous release (0011) keeps
all its data at head. (test_config_and_cli checks that head builds exactly the models;
test_place_texts, migration 0012's own moves.)"""
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from flask import current_app
from flask_migrate import downgrade, upgrade

from portal.content import operations as content
from portal.content.models import TranslatedText
from portal.database import db
from portal.demo import PLACES, load_demo
from portal.rooms.models import Place
from tests.databases import app_on, contents, fresh_database

# What the inspector does not see: triggers and their functions (0003's data versions, 0002's
# guard against double bookings on SQLite) and PostgreSQL's exclusion constraint (0002).
POSTGRESQL_OBJECTS = (
    "SELECT 'trigger', tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal",
    "SELECT 'function', p.proname, pg_get_functiondef(p.oid) FROM pg_proc p "
    "JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public' "
    "WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')",
    "SELECT 'constraint', conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'x'",
)
SQLITE_OBJECTS = ("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
                  "AND name NOT LIKE 'sqlite_%'",)


def _comparable(value):
    # Reflected types and partial indexes' conditions have no equality of their own.
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    return str(value) if isinstance(value, (sa.types.TypeEngine, sa.sql.ClauseElement)) else value


def schema():
    """Everything the migrations build, comparable between two moments."""
    with db.engine.connect() as connection:
        inspector = sa.inspect(connection)
        reflected = {"columns": inspector.get_multi_columns, "primary keys": inspector.get_multi_pk_constraint,
                     "foreign keys": inspector.get_multi_foreign_keys, "indexes": inspector.get_multi_indexes,
                     "unique": inspector.get_multi_unique_constraints,
                     "checks": inspector.get_multi_check_constraints}
        found = {kind: {table: _comparable(value) for (_schema, table), value in reflect().items()}
                 for kind, reflect in reflected.items()}
        # A column added back comes last: the order of columns means nothing.
        found["columns"] = {table: sorted(columns, key=lambda c: c["name"])
                            for table, columns in found["columns"].items()}
        sqlite = connection.dialect.name == "sqlite"
        found["objects"] = sorted(row for query in (SQLITE_OBJECTS if sqlite else POSTGRESQL_OBJECTS)
                                  for row in connection.execute(sa.text(query)))
        if sqlite:
            assert connection.execute(sa.text("PRAGMA integrity_check")).scalar() == "ok"
            assert connection.execute(sa.text("PRAGMA foreign_key_check")).all() == []
            # The one known difference: 0012's downgrade adds places.directions back with DEFAULT ''
            # (dropping the default would rebuild places on SQLite, and lose its triggers).
            for column in found["columns"].get("places", []):
                if column["name"] == "directions" and column["default"] == "''":
                    column["default"] = None
    return found


def stored_text():
    """SQLite keeps each table's CREATE statement as text, and 0007 rewrites bookings' own."""
    with db.engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            return None
        return connection.execute(sa.text("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")).all()


def test_every_migration_goes_down_to_where_it_came_from_and_up_again(tmp_path):
    with fresh_database(tmp_path) as url:
        app = app_on(url, tmp_path / "instance")
        with app.app_context():
            script = ScriptDirectory.from_config(current_app.extensions["migrate"].migrate.get_config())
            revisions = [step.revision for step in reversed(list(script.walk_revisions()))]
            upgrade(revision="base")  # nothing but Alembic's own table
            built = {"base": schema()}
            for revision in revisions:
                upgrade(revision=revision)
                built[revision] = schema()
            head = stored_text()
            for below, revision in reversed(list(zip(["base", *revisions], revisions))):
                downgrade(revision=below)
                assert schema() == built[below], f"{revision} down to {below}"
            upgrade()
            assert schema() == built[revisions[-1]]
            assert stored_text() == head
            db.engine.dispose()


def test_a_database_of_the_previous_release_keeps_all_its_data_at_head(tmp_path):
    with fresh_database(tmp_path) as url:
        app = app_on(url, tmp_path / "instance")
        with app.app_context():
            upgrade(revision="0011")
            # The demo town as release 0011 held it: each place's directions in its own column.
            with db.engine.begin() as connection:
                for ident, (name, kind, address, neighbourhood, directions) in enumerate(PLACES, start=1):
                    connection.execute(sa.text(
                        "INSERT INTO places (id, name, kind, address, neighbourhood, directions, created_at) "
                        "VALUES (:id, :name, :kind, :address, :neighbourhood, :directions, '2026-01-01 00:00:00')"),
                        {"id": ident, "name": name, "kind": kind, "address": address,
                         "neighbourhood": neighbourhood, "directions": directions})
            load_demo()  # finds these places; the rest as it is (bookings, sessions, binômes, answers…)
            db.session.execute(sa.delete(TranslatedText).where(TranslatedText.key.like("place:%:directions")))
            db.session.commit()
            db.session.close()
            before = contents()
            assert all(before[table] for table in ("bookings", "occurrences", "sessions", "team_members",
                                                   "buddy_people", "buddy_consents", "questionnaire_answers"))

            upgrade()
            after = contents()
            assert after["alembic_version"] == [("0012",)]
            unchanged = set(before) - {"alembic_version", "places", "translated_texts"}
            assert {t: after[t] for t in unchanged} == {t: before[t] for t in unchanged}
            assert [{**row._asdict(), "directions": None} for row in after["places"]] == [
                {**row._asdict(), "directions": None} for row in before["places"]]

            def texts(rows):
                return {(r.key, r.locale, r.register, r.body) for r in rows}

            moved = {(f"place:{row.id}:directions", "fr", "standard", row.directions) for row in before["places"]}
            assert texts(after["translated_texts"]) == texts(before["translated_texts"]) | moved
            hotel = db.session.scalar(sa.select(Place).filter_by(name="Hôtel de ville"))
            assert content.variants(hotel.directions_key)["fr", "standard"] == PLACES[0][4]
            db.session.close()
            db.engine.dispose()
