"""Rendered HTML kept between requests for as long as the data it shows is unchanged.

Each cached kind of page has a version number in the database. Triggers bump it on every
write to the tables it shows (see migration 0003), whatever code path writes them, so a
cached fragment can never outlive the data it was built from. The version is read before
the data: a write committed in between leaves newer data under the older version, which the
next request replaces, never the reverse.

Each worker keeps its own small LRU store; the version row is what they share.
"""
import threading

import sqlalchemy as sa
from cachetools import LRUCache
from flask import current_app
from sqlalchemy.orm import Mapped, mapped_column

from portal.database import db

CALENDAR = "calendar"  # bumped by writes to the tables the rooms calendar shows


class DataVersion(db.Model):
    __tablename__ = "data_versions"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    value: Mapped[int] = mapped_column(sa.BigInteger, default=0)


# Plain SQL: read on every cached request, where the ORM's own work would cost more than the query.
_VERSION = sa.text("SELECT value FROM data_versions WHERE name = :name")


def version(name):
    return db.session.execute(_VERSION, {"name": name}).scalar() or 0


def remember(name, key, build):
    """What ``build()`` returns for ``key``, built once per version of the ``name`` data."""
    store, lock = current_app.extensions["page_cache"]
    full_key = (name, version(name), key)
    with lock:
        found = store.get(full_key)
    if found is None:
        found = build()
        with lock:
            store[full_key] = found
    return found


def init_app(app):
    app.extensions["page_cache"] = (LRUCache(maxsize=app.config["PAGE_CACHE_SIZE"]), threading.Lock())
