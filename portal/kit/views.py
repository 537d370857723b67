"""The session kit of a format: its three one-page PDFs, built on demand, never stored."""
from flask import Blueprint, Response, abort, redirect, request, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.errors import error_page
from portal.extensions import limiter
from portal.formats import operations as formats
from portal.i18n import falc_enabled, supported_locales
from portal.kit import documents, operations
from portal.web import public

bp = Blueprint("kit", __name__)


def chosen_language(falc_by_default):
    """(locale, falc) asked in the query (lang=, falc=1 or 0), else the current language and
    ``falc_by_default``; None when the query names a language or register the portal lacks."""
    locale = request.args.get("lang") or str(get_locale())
    falc = request.args.get("falc")
    if locale not in supported_locales() or falc not in (None, "", "0", "1"):
        return None
    return locale, (falc == "1") if falc else falc_by_default


@bp.route("/formats/<slug>/kit/<document>.pdf")
@public
@limiter.limit("30 per minute")  # a PDF costs a fraction of a second to build
def format_document(slug, document):
    fmt = formats.by_slug(slug)
    if fmt is None or document not in documents.DOCUMENTS:
        abort(404)
    return pdf_in_chosen_language(
        lambda locale, falc: documents.build(document, operations.format_context(fmt, locale, falc)),
        f"{document}-{fmt.slug}",
        _("Ce document n'existe pas dans cette langue ou cette version. Langues disponibles : %(locales)s.",
          locales=", ".join(supported_locales())))


def pdf_in_chosen_language(build, stem, unavailable):
    """The PDF ``build(locale, falc)`` makes in the language and register the query asks (see
    ``chosen_language``), named ``<stem>-<locale>[-falc].pdf``; a 400 saying ``unavailable``
    when the portal lacks them."""
    chosen = chosen_language(falc_by_default=falc_enabled())
    if chosen is None:
        return error_page(400, unavailable)
    locale, falc = chosen
    with force_locale(locale):
        body = build(locale, falc)
    name = f"{stem}-{locale}{'-falc' if falc else ''}.pdf"
    return Response(body, mimetype="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}"'})


@bp.route("/formats/<slug>/kit")
@public
def format_choice(slug):
    """The kit's choice form (no JavaScript needed): off to the document asked, in the language
    and register asked."""
    fmt = formats.by_slug(slug)
    document = request.args.get("document")
    if fmt is None:
        abort(404)
    chosen = chosen_language(falc_by_default=False)  # the box left unticked sends nothing
    if document not in documents.DOCUMENTS or chosen is None:
        return error_page(400, _("Choisissez un document et une langue dans la liste."))
    locale, falc = chosen
    return redirect(url_for("kit.format_document", slug=fmt.slug, document=document, lang=locale,
                            falc="1" if falc else "0"))


@bp.app_template_global()
def kit_documents():
    """(document, title) of the kit, in print order, for links and choices."""
    return [(document, TITLES[document]) for document in documents.DOCUMENTS]


TITLES = {"charte": _l("Charte d'accueil"), "ressources": _l("Fiche ressources locales"),
          "escalade": _l("Plan d'escalade en cas de détresse")}
