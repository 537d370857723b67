"""Staff's rules for the binômes: the town's neighbourhoods (for proximity) and the charter's
versions. A neighbourhood is deleted only when nobody in the queue names it. The charter is never
changed in place: saving publishes a new version, so a consent always names the words the person
saw, and older versions stay readable."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from portal.binomes import queue
from portal.binomes.manage_forms import CHARTER, LATITUDE_MESSAGE, LONGITUDE_MESSAGE
from portal.binomes.models import BuddyCharter, Consent, Neighbourhood, Person
from portal.content import operations as content
from portal.content.forms import field_name
from portal.content.models import STANDARD
from portal.database import db
from portal.errors import Refused

NAME_TAKEN = _l("Un quartier porte déjà ce nom.")


# --- neighbourhoods ------------------------------------------------------------------------

def all_neighbourhoods():
    """Every neighbourhood by name, with how many people in the queue name it:
    [(neighbourhood, people)]."""
    people = sa.select(sa.func.count()).where(Person.neighbourhood_id == Neighbourhood.id).scalar_subquery()
    return db.session.execute(sa.select(Neighbourhood, people).order_by(Neighbourhood.name)).all()


def save_neighbourhood(neighbourhood, name, latitude, longitude):
    """Create (``neighbourhood`` is a new ``Neighbourhood()``) or update a neighbourhood."""
    name = " ".join((name or "").split())
    if not name:
        raise Refused(_l("Indiquez le nom du quartier."), field="name")
    # Compared in Python: SQLite's lower() ignores accents' case (« Écluse » ≠ « écluse »).
    taken = db.session.execute(sa.select(Neighbourhood.id, Neighbourhood.name)).all()
    if any(other.casefold() == name.casefold() for ident, other in taken if ident != neighbourhood.id):
        raise Refused(NAME_TAKEN, field="name")
    if latitude is None or not -90 <= latitude <= 90:
        raise Refused(LATITUDE_MESSAGE, field="latitude")
    if longitude is None or not -180 <= longitude <= 180:
        raise Refused(LONGITUDE_MESSAGE, field="longitude")
    neighbourhood.name, neighbourhood.latitude, neighbourhood.longitude = name, latitude, longitude
    db.session.add(neighbourhood)
    try:
        db.session.commit()
    except IntegrityError:  # the same name saved at the same moment by someone else
        db.session.rollback()
        raise Refused(NAME_TAKEN, field="name") from None
    return neighbourhood


def remove_neighbourhood(neighbourhood):
    """Delete a neighbourhood nobody in the queue names (their matching would lose it)."""
    if db.session.scalar(sa.select(sa.exists().where(Person.neighbourhood_id == neighbourhood.id))):
        raise Refused(_l("Des personnes de la file d'attente habitent ce quartier : il ne peut pas être supprimé."))
    db.session.delete(neighbourhood)
    db.session.commit()


# --- the charter ---------------------------------------------------------------------------

def charter_versions():
    """Every published version, newest first, with how many consents name it:
    [(charter, consents)]."""
    consents = (sa.select(sa.func.count()).where(Consent.charter_version == BuddyCharter.version)
                .scalar_subquery())
    return db.session.execute(sa.select(BuddyCharter, consents).order_by(BuddyCharter.version.desc())).all()


def _words(body):
    # Browsers send a text area's lines ended by CR LF: the same words, however they arrive.
    return "\n".join((body or "").strip().splitlines())


def _carry_reviews(previous, published, reviews):
    """A variant whose words did not change keeps the review mark of the earlier version (who
    read it, and when), unless staff unticked it."""
    for variant, text in content.records(queue.charter_key(published)).items():
        before = previous.get(variant)
        if before is not None and before.reviewed and _words(before.body) == _words(text.body) and reviews.get(variant):
            text.mark_reviewed(before.reviewed_by, before.reviewed_at)


def publish_charter(actor, bodies, reviews=None):
    """Publish the charter's texts ({(locale, register): body}) as a new version; the earlier
    versions stay as they were, for the consents that name them."""
    source = (content.source_locale(), STANDARD)
    if not (bodies.get(source) or "").strip():
        raise Refused(_l("Écrivez au moins la charte en français courant."), field=field_name(CHARTER, *source))
    current = queue.current_charter()
    previous = content.records(queue.charter_key(current)) if current is not None else {}
    written = {variant: _words(body) for variant, body in bodies.items() if _words(body)}
    if current is not None and written == {variant: _words(text.body) for variant, text in previous.items()}:
        raise Refused(_l("Le texte n'a pas changé : aucune nouvelle version n'est publiée."))
    charter = BuddyCharter(version=(current.version if current else 0) + 1, published_by_id=actor.id)
    db.session.add(charter)
    content.save_variants(queue.charter_key(charter), bodies, reviews, by=actor)
    db.session.flush()
    _carry_reviews(previous, charter, reviews or {})
    try:
        db.session.commit()
    except IntegrityError:  # another version was published at the same moment
        db.session.rollback()
        raise Refused(_l("Une autre version de la charte vient d'être publiée. Rechargez la page, "
                         "puis recommencez.")) from None
    return charter
