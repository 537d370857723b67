"""Error pages in the user's language, inside the layout, with a way back.

htmx requests get the fragment alone, so a failed swap never nests a whole page.
"""
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from portal.database import db
from portal.web import local_referrer, render


class Refused(Exception):
    """A business rule said no. ``field`` names the form field the message belongs to."""

    def __init__(self, message, field=None):
        super().__init__(str(message))
        self.message = message
        self.field = field


ERROR_TEXTS = {
    400: (_l("La demande n'a pas pu être comprise"),
          _l("Une information envoyée n'est pas valable. Revenez en arrière et réessayez.")),
    403: (_l("Accès réservé"),
          _l("Cette page est réservée à d'autres personnes. Si vous pensez y avoir droit, "
             "contactez le service vie associative de la mairie.")),
    404: (_l("Page introuvable"),
          _l("Cette page n'existe pas ou plus. Vérifiez l'adresse, ou repartez de l'accueil.")),
    405: (_l("Action impossible ici"),
          _l("Cette adresse ne permet pas cette action. Repartez de l'accueil.")),
    422: (_l("Informations à corriger"),
          _l("Certaines informations ne conviennent pas. Revenez au formulaire pour les corriger.")),
    429: (_l("Trop d'essais"),
          _l("Vous avez fait beaucoup d'essais en peu de temps. Attendez une minute, puis réessayez.")),
    500: (_l("Un problème est survenu de notre côté"),
          _l("Rien n'a été enregistré. Réessayez dans un instant. Si cela continue, "
             "prévenez le service vie associative de la mairie.")),
}
CSRF_TEXT = _l("Le formulaire a expiré ou n'a pas été envoyé depuis cette page. "
               "Rechargez la page, puis réessayez.")


def error_page(code, message=None):
    # A code without its own text (410, 413, 503…) keeps its status and gets its family's text.
    title, text = ERROR_TEXTS.get(code) or ERROR_TEXTS[500 if code >= 500 else 400]
    return render(
        "errors/error.html", partial="errors/_error.html", status=code,
        code=code, title=title, message=message or text, back=local_referrer(),
    )


def init_app(app):
    def handle_http(error):
        code = error.code or 500
        if code >= 500:
            db.session.rollback()
        body, status = error_page(code)
        # Keep what the error says in its headers, such as Allow on a 405.
        headers = [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]
        return body, status, headers

    def handle_csrf(error):
        return error_page(400, CSRF_TEXT)

    def handle_unexpected(error):
        # Nothing half-written: whatever the request had started is rolled back.
        db.session.rollback()
        app.logger.exception("Unhandled error", exc_info=error)
        return error_page(500)

    app.register_error_handler(CSRFError, handle_csrf)
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(InternalServerError, handle_unexpected)
