"""The main menu. An entry shows only to people its page lets in (``web.may_use``), so the
menu can never offer a page that would answer 403."""
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.web import may_use

# (endpoint, label, extra condition on the person, if any)
ENTRIES = (
    ("core.home", _l("Accueil"), None),
    ("auth.people", _l("Personnes"), None),
    ("associations.index", _l("Associations"), None),
    ("associations.mine", _l("Mes associations"), lambda user: bool(user.memberships)),
    ("rooms.queue", _l("Demandes de salles"), None),
    ("rooms.calendar_view", _l("Calendrier"), None),
    ("rooms.my_bookings", _l("Réservations"), lambda user: bool(user.memberships)),
    ("rooms.closures", _l("Fermetures"), None),
    ("volunteers.planning", _l("Mon planning"), None),
    ("sessions.mine", _l("Rencontres de l'association"), lambda user: bool(user.memberships)),
    ("sessions.directory", _l("Rencontres près de chez vous"), None),
    ("binomes.queue", _l("File des binômes"), None),
    ("binomes.home", _l("Trouver un binôme"), None),
    ("indicators.dashboard", _l("Indicateurs"), None),
    ("formats.index", _l("Formats de rencontre"), None),
    ("resources.index", _l("Ressources locales"), None),
    ("rooms.places", _l("Lieux"), None),
    ("rooms.manage_places", _l("Lieux et salles"), None),
    ("binomes.neighbourhoods", _l("Quartiers"), None),
    ("binomes.charter", _l("Charte des binômes"), None),
    ("indicators.answers", _l("Avis du questionnaire"), None),
)


def menu():
    user = current_user._get_current_object()  # once, not through the proxy for every entry
    return [(endpoint, label) for endpoint, label, condition in ENTRIES
            if may_use(endpoint, user) and (condition is None or condition(user))]


def init_app(app):
    app.jinja_env.globals["main_menu"] = menu
