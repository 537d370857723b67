"""What a format's kit prints: its context gathered from the formats, the local resources
directory and the help numbers, in one language and register."""
from flask import current_app, url_for

from portal.content.models import FALC, STANDARD
from portal.core.help_numbers import poster_numbers
from portal.formats import operations as formats
from portal.formats.operations import lines
from portal.kit.documents import KitContext, KitNumber, KitResource
from portal.resources.operations import kit_resources


def format_context(fmt, locale, falc):
    """The ``KitContext`` of a format (no referent yet: the documents leave lines to fill in).
    Call it inside ``force_locale(locale)``: labels and help numbers are translated then."""
    register = FALC if falc else STANDARD
    texts = formats.texts_of([fmt], locale, register, ("name", "rules"))[fmt.id]
    return KitContext(
        town=current_app.config["PORTAL_TOWN_NAME"],
        format_name=texts["name"].body if texts["name"] else fmt.slug,
        locale=locale, falc=falc,
        rules=tuple(lines(texts["rules"].body)) if texts["rules"] else (),
        resources=tuple(_resource(resource, locale, register) for resource in kit_resources()),
        numbers=tuple(KitNumber(number.number, str(number.name), str(number.purpose)) for number in poster_numbers()),
        online_url=url_for("resources.index", _external=True),
    )


def _resource(resource, locale, register):
    description = resource.description(locale, register)
    place = ", ".join(part for part in (resource.address, resource.neighbourhood) if part)
    return KitResource(name=resource.name, category=str(resource.category_label),
                       description=description.body if description else "", address=place, phone=resource.phone,
                       hours=resource.hours, website=resource.website)
